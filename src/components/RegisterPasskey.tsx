'use client';
import { frameCopy } from '../messages/copy/frameCopy';
import { usernameCopy } from '../messages/copy/usernameCopy';
import { registerButtonCopy } from '../messages/copy/registerButtonCopy';
import { registerCopy } from '../messages/copy/registerCopy';
import { useRef, type FormEvent, type ReactNode } from 'react';
import {
  useRegisterPasskey,
  type RegisterPasskeyCommonOptions,
  type RegisterPasskeyModeOptions,
  type UseLoggedInRegisterPasskeyOptions,
  type UseRegisterPasskeyResult,
} from '../hooks/useRegisterPasskey';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { Button } from './parts/Button';
import { ErrorAlert } from './parts/ErrorAlert';
import { FlowFrame, type KitComponentProps } from './parts/FlowFrame';
import { formText } from './parts/formText';
import { statusLine } from './parts/statusLine';
import { PasskeyIcon } from './parts/icons';
import { preloadRecoveryKitStep, RecoveryKitStep } from './parts/RecoveryKitStep';
import { SuccessPanel } from './parts/SuccessPanel';
import { TextField } from './parts/TextField';
import { useKitMessages } from './parts/useKitMessages';
import { useIsomorphicLayoutEffect } from './parts/useIsomorphicLayoutEffect';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, usernameCopy, registerButtonCopy, registerCopy] as const;

/** Props of `<RegisterPasskey/>`: the hook's options (see `useRegisterPasskey`), the fields it may take as props, and the frame. */
export type RegisterPasskeyProps = KitComponentProps &
  RegisterPasskeyCommonOptions &
  RegisterPasskeyModeOptions & {
    /** The user to register; a field is shown when omitted. */
    username?: string | undefined;
    /** The emailed registration code (`standard` and `endUser` modes); a field is shown when omitted. */
    registrationCode?: string | undefined;
    /** Leaves the registration (e.g. closes your dialog): a Cancel button is shown until a passkey exists, when given. */
    onCancel?: (() => void) | undefined;
    /**
     * The device already has a passkey for this user (`passkey_already_registered`): a "Sign in
     * instead" button in the alert calls this, e.g. to show your `<LoginWithPasskey/>`. Not shown without it.
     */
    onSignInInstead?: (() => void) | undefined;
    /** Overrides of the provider's messages, for this component only. */
    messages?: DeepPartial<DfnsMessages> | undefined;
    /** Replaces the default markup (inside the root) with your own, driven by the hook. */
    children?: ((register: UseRegisterPasskeyResult) => ReactNode) | undefined;
  };

/** Props of a `<RegisterPasskey/>` that always ends logged in (`mode="endUser"` or `autoLogin`): `onSuccess` gets `token: string`. */
export type LoggedInRegisterPasskeyProps = Omit<RegisterPasskeyProps, keyof RegisterPasskeyCommonOptions | 'mode' | 'getChallenge'> &
  UseLoggedInRegisterPasskeyOptions;

/**
 * Passkey registration: username and registration code (as props or fields), the passkey
 * prompt, a recovery key with its kit to save, and optionally the login that follows.
 *
 * @example
 * <RegisterPasskey mode="endUser" onSuccess={({ token }) => session.set(token)} />
 */
export function RegisterPasskey(props: LoggedInRegisterPasskeyProps): ReactNode;
export function RegisterPasskey(props: RegisterPasskeyProps): ReactNode;
export function RegisterPasskey(props: RegisterPasskeyProps): ReactNode {
  const { username, registrationCode, onCancel, onSignInInstead, messages: overrides, children, className, unstyled, headingLevel, logo, ...options } = props;
  // Named one by one so the rest stays the hook's options; `satisfies` fails the build if the frame gains a prop.
  const frame = { className, unstyled, headingLevel, logo } satisfies Record<keyof KitComponentProps, unknown>;
  const mode = options.mode ?? 'standard';
  const messages = useKitMessages(COPY, overrides, 'RegisterPasskey');
  // The rest are the hook's options, `mode` and `getChallenge` still tied together.
  const register = useRegisterPasskey(options);
  const { state } = register;
  const formRef = useRef<HTMLFormElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const previousStatus = useRef(state.status);
  // Not a secret: kept so that going back from an error does not make the user type it again.
  const lastUsername = useRef('');
  const copy = messages.components.registerPasskey;
  const needsCode = mode !== 'delegated' && registrationCode === undefined;
  const busy = state.status !== 'idle';

  useIsomorphicLayoutEffect(() => {
    // Back from an error (Cancel): the form replaced the alert, so put the user back in it.
    if (state.status === 'idle' && previousStatus.current === 'error') {
      formRef.current?.querySelector<HTMLElement>('input, button')?.focus();
    }
    if (state.status === 'success') successRef.current?.focus();
    previousStatus.current = state.status;
  }, [state.status]);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    // Uncontrolled fields: the registration code goes from the DOM to the hook's ref, never into React state.
    const field = formText(event.currentTarget);
    lastUsername.current = username ?? field('username');
    register.start({
      username: lastUsername.current,
      registrationCode: mode === 'delegated' ? undefined : (registrationCode ?? field('registrationCode')),
    });
    // After start, so the passkey prompt goes first: the kit panel is ready by the time it is shown.
    if (options.recoveryKey !== false) preloadRecoveryKitStep();
  };

  const body = (): ReactNode => {
    switch (state.status) {
      case 'error':
        return (
          <ErrorAlert
            error={state.error}
            messages={messages}
            onRetry={register.retry}
            onContinue={state.challenge ? register.continue : undefined}
            onBack={state.user ? undefined : register.reset}
            onSignInInstead={onSignInInstead}
          />
        );
      case 'showing-recovery-kit':
        return <RecoveryKitStep kit={state.recoveryKit} messages={messages} onSaved={register.confirmKitSaved} />;
      case 'success':
        return (
          <SuccessPanel
            focusRef={successRef}
            title={messages.success.registered({ username: state.user.username })}
            nextStep={messages.nextSteps.registered}
          />
        );
      case 'idle':
      case 'fetching-challenge':
      case 'awaiting-authenticator':
      case 'submitting':
      case 'logging-in':
        return (
          <form ref={formRef} className="dfns-form" onSubmit={submit}>
            {username === undefined ? (
              <TextField
                label={messages.labels.username}
                hint={messages.hints.username}
                name="username"
                type="text"
                defaultValue={lastUsername.current}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                readOnly={busy}
              />
            ) : null}
            {needsCode ? (
              <TextField
                label={messages.labels.registrationCode}
                hint={messages.hints.registrationCode}
                name="registrationCode"
                type="text"
                autoComplete="one-time-code"
                autoCapitalize="none"
                spellCheck={false}
                required
                readOnly={busy}
              />
            ) : null}
            <Button type="submit" busy={busy} icon={<PasskeyIcon />}>
              {messages.buttons.register}
            </Button>
          </form>
        );
      default:
        return state satisfies never;
    }
  };

  return (
    <FlowFrame
      lang={messages.locale}
      {...frame}
      name="RegisterPasskey"
      status={state.status}
      title={copy.title}
      description={copy.description}
      statusText={statusLine(state.status, messages.status.registerPasskey[state.status], Boolean(children))}
      // Once the passkey exists (the kit step, and errors after it) leaving would strand the user halfway.
      onCancel={
        onCancel && !(state.status === 'success' || state.status === 'showing-recovery-kit' || (state.status === 'error' && state.user))
          ? () => {
              register.reset();
              onCancel();
            }
          : undefined
      }
      cancelLabel={messages.buttons.cancel}
    >
      {children ? children(register) : body()}
    </FlowFrame>
  );
}
