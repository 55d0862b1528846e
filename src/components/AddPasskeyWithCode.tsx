'use client';
import { frameCopy } from '../messages/copy/frameCopy';
import { credentialCodeErrorsCopy } from '../messages/copy/credentialCodeErrorsCopy';
import { registerButtonCopy } from '../messages/copy/registerButtonCopy';
import { credentialNameCopy } from '../messages/copy/credentialNameCopy';
import { credentialNamesCopy } from '../messages/copy/credentialNamesCopy';
import { signedInCopy } from '../messages/copy/signedInCopy';
import { addPasskeyWithCodeCopy } from '../messages/copy/addPasskeyWithCodeCopy';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Credential } from '../api/types';
import type { DfnsAuthError } from '../errors';
import { useAddPasskeyWithCode, type UseAddPasskeyWithCodeResult } from '../hooks/useAddPasskeyWithCode';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { Button } from './parts/Button';
import { ErrorAlert } from './parts/ErrorAlert';
import { FlowFrame, type KitComponentProps } from './parts/FlowFrame';
import { statusLine } from './parts/statusLine';
import { PasskeyIcon } from './parts/icons';
import { platformName } from './parts/platformName';
import { SuccessPanel } from './parts/SuccessPanel';
import { TextField } from './parts/TextField';
import { useIsomorphicLayoutEffect } from './parts/useIsomorphicLayoutEffect';
import { useKitMessages } from './parts/useKitMessages';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, credentialCodeErrorsCopy, registerButtonCopy, credentialNameCopy, credentialNamesCopy, signedInCopy, addPasskeyWithCodeCopy] as const;

/** Props of `<AddPasskeyWithCode>`. */
export interface AddPasskeyWithCodeProps extends KitComponentProps {
  /** The passkey was added (with `autoLogin`, the user is signed in and `token` is set). */
  onSuccess?: ((result: { credential: Credential; username: string; token?: string | undefined }) => void) | undefined;
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /** Leaves the flow: a Cancel button until the passkey is added, when given. */
  onCancel?: (() => void) | undefined;
  /** Sign in with the new passkey at once (a second prompt); `onSuccess` then gets the token. */
  autoLogin?: boolean | undefined;
  /** When you know who is expected: a code made for another user is refused. Dfns needs only the code. */
  username?: string | undefined;
  /** Fills in the code (e.g. from a link you sent); the user can still edit it. */
  defaultCode?: string | undefined;
  messages?: DeepPartial<DfnsMessages> | undefined;
  /** Replaces the default markup (still inside the root) with your own, driven by the hook. */
  children?: ((hook: UseAddPasskeyWithCodeResult) => ReactNode) | undefined;
}

const BUSY = new Set(['fetching-challenge', 'awaiting-authenticator', 'submitting', 'logging-in']);
/** Errors about the code itself: said under the code field, where it can be fixed. */
const isCodeError = (error: DfnsAuthError): error is DfnsAuthError & { code: keyof typeof credentialCodeErrorsCopy.errors } =>
  error.code in credentialCodeErrorsCopy.errors;

/**
 * On a device (or domain) without a passkey and without a session: the one-time code from a
 * signed-in device, then the prompt that creates a passkey here. Ends signed out with a success
 * message, or signed in with `autoLogin`.
 *
 * @example
 * <AddPasskeyWithCode onSuccess={() => navigate('/sign-in')} />
 */
export function AddPasskeyWithCode(props: AddPasskeyWithCodeProps): ReactNode {
  const { onSuccess, onError, onCancel, autoLogin, username, defaultCode, messages: overrides, children, ...frame } = props;
  const messages = useKitMessages(COPY, overrides, 'AddPasskeyWithCode');
  const hook = useAddPasskeyWithCode({ onSuccess, onError, autoLogin });
  const { state } = hook;
  const [code, setCode] = useState(defaultCode ?? '');
  const [name, setName] = useState('');
  const edited = useRef(false);
  const successRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = BUSY.has(state.status);
  const defaultName = useCallback(
    () => messages.credentialNames.passkey({ platform: platformName() ?? messages.credentialNames.thisDevice }),
    [messages],
  );
  // The default name may read the browser (the platform): set it after mount, never in render.
  useEffect(() => {
    if (!edited.current) setName(defaultName());
  }, [defaultName]);

  const error = state.status === 'error' ? state : undefined;
  const codeError = error && isCodeError(error.error) ? error.error : undefined;
  useIsomorphicLayoutEffect(() => {
    if (state.status === 'success') successRef.current?.focus();
    // Back to the code field, with what was typed, to fix it (its message is read as an alert).
    if (codeError) formRef.current?.querySelector('input')?.focus();
  }, [state.status, codeError]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (busy) return;
    hook.start({ code, name: name.trim() || defaultName(), username });
  };

  const showForm = state.status !== 'success' && (error === undefined || codeError !== undefined);
  return (
    <FlowFrame
      lang={messages.locale}
      {...frame}
      name="AddPasskeyWithCode"
      status={state.status}
      title={messages.components.addPasskeyWithCode.title}
      description={messages.components.addPasskeyWithCode.description}
      statusText={statusLine(state.status, messages.status.addPasskeyWithCode[state.status], Boolean(children))}
      onCancel={
        onCancel && state.status !== 'success'
          ? () => {
              hook.reset();
              onCancel();
            }
          : undefined
      }
      cancelLabel={messages.buttons.cancel}
    >
      {children ? (
        children(hook)
      ) : state.status === 'success' ? (
        <SuccessPanel
          focusRef={successRef}
          result={state.signedIn ? 'signed-in' : 'signed-out'}
          title={messages.success.passkeyAddedWithCode({ username: state.added.username })}
          nextStep={state.signedIn ? messages.nextSteps.signedIn : messages.nextSteps.passkeyAddedWithCode}
        />
      ) : (
        <>
          {error && !codeError ? (
            <ErrorAlert
              error={error.error}
              messages={messages}
              onRetry={hook.retry}
              onContinue={error.error.code === 'passkey_no_user_gesture' ? hook.continue : undefined}
              onBack={hook.reset}
            />
          ) : null}
          {showForm ? (
            <form ref={formRef} className="dfns-form" onSubmit={submit}>
              <TextField
                label={messages.labels.credentialCode}
                hint={messages.hints.credentialCode}
                value={code}
                onChange={(event) => {
                  setCode(event.target.value);
                  if (codeError) hook.reset();
                }}
                invalidMessage={codeError ? `${messages.errorTitles[codeError.code]}. ${messages.errors[codeError.code]}` : undefined}
                invalidCode={codeError?.code}
                readOnly={busy}
                required
                autoComplete="one-time-code"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={20}
                name="credential-code"
                data-field="credential-code"
              />
              <TextField
                label={messages.labels.credentialName}
                hint={messages.hints.credentialName}
                value={name}
                onChange={(event) => {
                  edited.current = true;
                  setName(event.target.value);
                }}
                readOnly={busy}
                autoComplete="off"
                maxLength={100}
              />
              <Button type="submit" busy={busy} icon={<PasskeyIcon />}>
                {messages.buttons.register}
              </Button>
            </form>
          ) : null}
        </>
      )}
    </FlowFrame>
  );
}
