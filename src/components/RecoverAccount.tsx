'use client';
import { frameCopy } from '../messages/copy/frameCopy';
import { networkErrorCopy } from '../messages/copy/networkErrorCopy';
import { recoveryFieldErrorsCopy } from '../messages/copy/recoveryFieldErrorsCopy';
import { stepButtonsCopy } from '../messages/copy/stepButtonsCopy';
import { usernameCopy } from '../messages/copy/usernameCopy';
import { recoveryKitLabelsCopy } from '../messages/copy/recoveryKitLabelsCopy';
import { recoverCopy } from '../messages/copy/recoverCopy';
import { useId, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import type { DfnsAuthError, DfnsAuthErrorCode } from '../errors';
import { useRecoverAccount, type UseLoggedInRecoverAccountOptions, type UseRecoverAccountOptions, type UseRecoverAccountResult } from '../hooks/useRecoverAccount';
import type { ParsedRecoveryKit } from '../keys/parseRecoveryKit';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { Button } from './parts/Button';
import { ErrorAlert } from './parts/ErrorAlert';
import { FlowFrame, type KitComponentProps } from './parts/FlowFrame';
import { formText } from './parts/formText';
import { PasskeyIcon } from './parts/icons';
import { lazyPart } from '../lazyPart';
import { preloadRecoveryKitStep, RecoveryKitStep } from './parts/RecoveryKitStep';
import { SuccessPanel } from './parts/SuccessPanel';
import { TextField } from './parts/TextField';
import { useKitMessages } from './parts/useKitMessages';
import { useIsomorphicLayoutEffect } from './parts/useIsomorphicLayoutEffect';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, networkErrorCopy, stepButtonsCopy, recoveryFieldErrorsCopy, usernameCopy, recoveryKitLabelsCopy, recoverCopy] as const;

/** The kit file reader, a chunk of its own: fetched when a person chooses a kit file, which most never do. */
const kitFileReader = lazyPart(() => import('../keys/parseRecoveryKit'));

/** Props of `<RecoverAccount/>`. */
export interface RecoverAccountProps extends KitComponentProps, UseRecoverAccountOptions {
  /** Leaves the recovery (e.g. back to your sign-in page): a Cancel button is shown until the account is recovered, when given. */
  onCancel?: (() => void) | undefined;
  /** Overrides of the provider's catalogue for this component. */
  messages?: DeepPartial<DfnsMessages> | undefined;
  /** Replaces the default markup (inside the root) with your own, driven by the hook. */
  children?: ((recovery: UseRecoverAccountResult) => ReactNode) | undefined;
}

/** Props of a `<RecoverAccount autoLogin/>`: `onSuccess` gets `token: string`. */
export type LoggedInRecoverAccountProps = Omit<RecoverAccountProps, keyof UseRecoverAccountOptions> & UseLoggedInRecoverAccountOptions;

/** Errors caused by what the user typed: shown on the form, next to the field, with the fields kept. */
const FIELD_OF_ERROR: Record<keyof typeof recoveryFieldErrorsCopy.errors, 'verificationCode' | 'recoveryCode' | 'recoveryKeyId' | 'username'> = {
  recovery_code_invalid: 'recoveryCode',
  recovery_code_malformed: 'recoveryCode',
  recovery_key_not_found: 'recoveryKeyId',
  unauthorized: 'verificationCode',
  invalid_input: 'username',
};

/** A code of an error shown under a field of the codes form. */
type FieldErrorCode = keyof typeof FIELD_OF_ERROR;

/** The field an error belongs to, when it came from the codes form. */
function fieldOf(
  state: UseRecoverAccountResult['state'],
  username: string,
): { error: DfnsAuthError; code: FieldErrorCode; field: string } | undefined {
  if (state.status !== 'error') return undefined;
  if (state.step !== 'fetching-challenge' && state.step !== 'unlocking-recovery-key') return undefined;
  const code = state.error.code;
  if (!(code in FIELD_OF_ERROR)) return undefined;
  let field = FIELD_OF_ERROR[code as FieldErrorCode];
  // The hook reports a missing username or verification code alike; the empty field tells which.
  if (field === 'username' && username.trim() !== '') field = 'verificationCode';
  return { error: state.error, code: code as FieldErrorCode, field };
}

/**
 * Drop-in account recovery with a recovery kit: username, the emailed code (standard mode), the
 * recovery code and key id (typed, pasted or read from the kit file), a "Create new passkey"
 * click, and the new recovery kit.
 *
 * @example
 * <RecoverAccount onSuccess={({ user }) => navigate(`/login?username=${user.username}`)} />
 * // Delegated: your backend verified the user and relays the Dfns challenge.
 * <RecoverAccount username={email} getChallenge={(p) => fetch('/api/recover', { method: 'POST', body: JSON.stringify(p) }).then((r) => r.json())} />
 */
export function RecoverAccount(props: LoggedInRecoverAccountProps): ReactNode;
export function RecoverAccount(props: RecoverAccountProps): ReactNode;
export function RecoverAccount(props: RecoverAccountProps): ReactNode {
  const { messages: overrides, children, className, unstyled, headingLevel, logo, onCancel, ...options } = props;
  const messages = useKitMessages(COPY, overrides, 'RecoverAccount');
  const recovery = useRecoverAccount(options);
  const { state, mode, codeSent, promptOpen } = recovery;

  const [username, setUsername] = useState(options.username ?? '');
  // The verification and recovery codes are secrets (and a recovery code may be pasted into the key
  // id field by mistake): uncontrolled fields, read once on submit, so
  // React never mirrors them into a `value` attribute or its state (session replays, attribute
  // selectors, DevTools). Clearing the recovery code mounts a fresh field (a new key).
  const [recoveryCodeField, setRecoveryCodeField] = useState(0);
  const [fileNotice, setFileNotice] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const fileId = useId();
  const fileHintId = `${fileId}-hint`;
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The username this recovery is for: the app's, else the one typed.
  const recoveryUsername = options.username ?? username;
  const fieldError = fieldOf(state, recoveryUsername);
  const errorCode = state.status === 'error' ? state.error.code : undefined;
  const status = state.status;

  // A wrong recovery code is cleared (it is a secret and wrong anyway); the other fields stay.
  // Adjusted during render, not in an effect, so the alert never shows next to the stale code.
  const [seenError, setSeenError] = useState<DfnsAuthError | undefined>(undefined);
  const currentError = state.status === 'error' ? state.error : undefined;
  if (currentError !== seenError) {
    setSeenError(currentError);
    if (errorCode === 'recovery_code_invalid' || errorCode === 'recovery_code_malformed') setRecoveryCodeField((key) => key + 1);
  }

  // Once the codes did their job they leave the page, so no secret stays in the DOM. Cleared during
  // render when the status moves on (not in an effect, which cost one more commit per step).
  const codesDone = status === 'awaiting-authenticator' || status === 'showing-recovery-kit' || status === 'success';
  if (codesDone && fileNotice !== undefined) setFileNotice(undefined);
  // The codes form stays mounted, hidden, while its codes are in use (a busy step, an error, a
  // resend), so what was typed survives without React holding it; it unmounts, codes and all,
  // once they did their job.
  const codesVisible = status === 'code-sent' || (status === 'idle' && mode === 'delegated') || (status === 'error' && fieldError !== undefined);
  const keepCodesForm =
    codesVisible || status === 'fetching-challenge' || status === 'unlocking-recovery-key' || status === 'error' || (status === 'sending-code' && codeSent);

  useIsomorphicLayoutEffect(() => {
    if (status === 'awaiting-authenticator') stepHeading.current?.focus();
    // The kit's button is gone: the message takes focus, which also reads it out once.
    if (status === 'success') successRef.current?.focus();
    // A mistake in a field is said once, under that field: focus goes there to fix it.
    if (fieldError) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [status, fieldError?.error]);

  const copy = messages.recoverAccount;
  const statusText = (() => {
    if (fileNotice && (status === 'idle' || status === 'code-sent' || status === 'error')) return fileNotice.text;
    if (status === 'awaiting-authenticator' && !promptOpen) return copy.newPasskeyDescription;
    if (status === 'code-sent' && !codeSent) return '';
    // The focused success message is read when it takes focus: announcing it here too would say it twice.
    // The alert says what went wrong: the status line stays quiet rather than say it again.
    if ((status === 'success' || status === 'error') && !children) return '';
    return messages.status.recoverAccount[status];
  })();

  const askedForUsername = options.username === undefined;
  const submitCodes = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const field = formText(event.currentTarget);
    recovery.submitCodes({
      username: recoveryUsername,
      verificationCode: mode === 'standard' ? field('verificationCode') : undefined,
      recoveryCode: field('recoveryCode'),
      recoveryKeyId: field('recoveryKeyId'),
    });
    // A recovery ends with a new kit: its panel loads while the old key is unlocked.
    preloadRecoveryKitStep();
  };

  const readKitFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once: the same file can be picked again, and the form keeps no file handle.
    input.value = '';
    if (!file) return;
    let reader: typeof import('../keys/parseRecoveryKit');
    try {
      reader = await kitFileReader.load();
    } catch {
      // The reader's chunk did not arrive (a retryable network_error): choosing the file again retries.
      setFileNotice({ ok: false, text: messages.errors.network_error });
      return;
    }
    // A real kit is under 2 KB: a larger file is not read at all.
    if (file.size > reader.MAX_RECOVERY_KIT_LENGTH) {
      setFileNotice({ ok: false, text: copy.kitFileUnreadable });
      return;
    }
    let parsed: ParsedRecoveryKit = {};
    try {
      parsed = reader.parseRecoveryKit(await file.text(), {
        recoveryKeyIdLabels: [messages.recoveryKit.recoveryKeyId, messages.labels.recoveryKeyId],
        usernameLabels: [messages.recoveryKit.username],
      });
    } catch {
      // Unreadable, or too long once decoded: the notice below says so.
    }
    if (parsed.recoveryCode === undefined && parsed.recoveryKeyId === undefined) {
      setFileNotice({ ok: false, text: copy.kitFileUnreadable });
      return;
    }
    // Into the uncontrolled fields themselves (the file input belongs to the codes form), never into state.
    const fill = (name: string, value: string | undefined): void => {
      const field = input.form?.elements.namedItem(name);
      if (value !== undefined && field instanceof HTMLInputElement) field.value = value;
    };
    fill('recoveryCode', parsed.recoveryCode);
    fill('recoveryKeyId', parsed.recoveryKeyId);
    if (parsed.username !== undefined && askedForUsername && username.trim() === '') setUsername(parsed.username);
    setFileNotice({ ok: true, text: copy.kitFileRead });
  };

  const invalid = (field: string): string | undefined =>
    fieldError?.field === field ? messages.errors[fieldError.code] : undefined;

  const usernameField = (
    <TextField
      label={messages.labels.username}
      hint={messages.hints.username}
      name="username"
      autoComplete="username"
      required
      value={username}
      onChange={(event) => setUsername(event.target.value)}
      invalidMessage={invalid('username')}
      invalidCode={fieldError?.field === 'username' ? fieldError.error.code : undefined}
    />
  );

  const codesForm = (
    <form ref={formRef} className="dfns-form" onSubmit={submitCodes} noValidate hidden={!codesVisible}>
      {askedForUsername ? usernameField : null}
      {mode === 'standard' ? (
        <TextField
          label={messages.labels.verificationCode}
          hint={messages.hints.verificationCode}
          name="verificationCode"
          autoComplete="off"
          spellCheck={false}
          required
          autoFocus={status === 'code-sent'}
          invalidMessage={invalid('verificationCode')}
          invalidCode={fieldError?.field === 'verificationCode' ? fieldError.error.code : undefined}
        />
      ) : null}
      <TextField
        key={recoveryCodeField}
        label={messages.labels.recoveryCode}
        hint={messages.hints.recoveryCode}
        name="recoveryCode"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        invalidMessage={invalid('recoveryCode')}
        invalidCode={fieldError?.field === 'recoveryCode' ? fieldError.error.code : undefined}
      />
      <TextField
        label={messages.labels.recoveryKeyId}
        hint={messages.hints.recoveryKeyId}
        name="recoveryKeyId"
        autoComplete="off"
        spellCheck={false}
        required
        invalidMessage={invalid('recoveryKeyId')}
        invalidCode={fieldError?.field === 'recoveryKeyId' ? fieldError.error.code : undefined}
      />
      <div className="dfns-file">
        <input
          id={fileId}
          type="file"
          accept=".txt,text/plain"
          className="dfns-visually-hidden"
          aria-describedby={fileHintId}
          onChange={(event) => void readKitFile(event)}
        />
        {/* The visible control is the label: clicking it opens the picker, and it names the input. */}
        <label htmlFor={fileId} className="dfns-button dfns-file-button" data-variant="secondary">
          {messages.buttons.uploadKit}
        </label>
        <p id={fileHintId} className="dfns-hint">
          {copy.kitFileHint}
        </p>
        {fileNotice ? (
          <p className={fileNotice.ok ? 'dfns-notice' : 'dfns-field-error'}>{fileNotice.text}</p>
        ) : null}
      </div>
      <div className="dfns-actions">
        <Button type="submit">{messages.buttons.recover}</Button>
        {mode === 'standard' ? (
          <Button variant="ghost" onClick={() => recovery.sendCode(recoveryUsername)}>
            {codeSent ? messages.buttons.resendCode : messages.buttons.sendCode}
          </Button>
        ) : null}
      </div>
    </form>
  );

  const body = (): ReactNode => {
    switch (state.status) {
      case 'idle':
        // The codes form is rendered before body(), kept mounted while its codes are in use.
        if (mode === 'delegated') return null;
        return (
          <form
            className="dfns-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              recovery.sendCode(recoveryUsername);
            }}
          >
            {askedForUsername ? usernameField : null}
            <div className="dfns-actions">
              <Button type="submit">{messages.buttons.sendCode}</Button>
              <Button variant="ghost" onClick={recovery.haveCode}>
                {messages.buttons.haveCode}
              </Button>
            </div>
          </form>
        );
      case 'code-sent':
        return null;
      case 'sending-code':
      case 'fetching-challenge':
      case 'unlocking-recovery-key':
        return (
          <div className="dfns-actions">
            {/* The busy button keeps the label of the one that was pressed. */}
            <Button busy>{status === 'sending-code' ? messages.buttons.sendCode : messages.buttons.recover}</Button>
            {/* Stops the running request and goes back to the form (Cancel, under the step, leaves the flow). */}
            <Button variant="ghost" onClick={recovery.reset}>
              {messages.buttons.back}
            </Button>
          </div>
        );
      case 'awaiting-authenticator':
        return (
          <div className="dfns-step">
            <h3 ref={stepHeading} tabIndex={-1} className="dfns-subtitle">
              {copy.newPasskeyTitle}
            </h3>
            <p className="dfns-description">{copy.newPasskeyDescription}</p>
            <div className="dfns-actions">
              <Button busy={promptOpen} icon={<PasskeyIcon />} onClick={recovery.createNewPasskey}>
                {messages.buttons.createNewPasskey}
              </Button>
            </div>
          </div>
        );
      case 'signing-with-recovery-key':
      case 'submitting':
      case 'logging-in':
        return (
          <div className="dfns-actions">
            <Button busy>{messages.buttons.recover}</Button>
          </div>
        );
      case 'showing-recovery-kit':
        return <RecoveryKitStep kit={state.recoveryKit} messages={messages} onSaved={recovery.kitSaved} />;
      case 'success':
        return (
          <SuccessPanel
            focusRef={successRef}
            title={messages.success.recovered({ username: state.user.username })}
            nextStep={messages.nextSteps.recovered}
          />
        );
      case 'error':
        // Said once, under its field (in role="alert"); the form stays, and submitting it again retries.
        if (fieldError) return null;
        return (
          <ErrorAlert
            error={state.error}
            messages={messages}
            onRetry={recovery.retry}
            onContinue={state.challenge ? recovery.continue : undefined}
            onBack={state.user ? undefined : recovery.reset}
          />
        );
      default:
        return state satisfies never;
    }
  };

  return (
    <FlowFrame
      lang={messages.locale}
      name="RecoverAccount"
      status={state.status}
      title={messages.components.recoverAccount.title}
      description={messages.components.recoverAccount.description}
      statusText={statusText}
      className={className}
      unstyled={unstyled}
      headingLevel={headingLevel}
      logo={logo}
      // Once the account is recovered (the kit step, and errors after it) there is nothing left to leave.
      onCancel={
        onCancel && !(status === 'success' || status === 'showing-recovery-kit' || (state.status === 'error' && state.user))
          ? () => {
              recovery.reset();
              onCancel();
            }
          : undefined
      }
      cancelLabel={messages.buttons.cancel}
    >
      {children ? (
        children(recovery)
      ) : (
        <>
          {keepCodesForm ? codesForm : null}
          {body()}
        </>
      )}
    </FlowFrame>
  );
}
