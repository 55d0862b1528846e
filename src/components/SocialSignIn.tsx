'use client';
import { frameCopy } from '../messages/copy/frameCopy';
import { socialSignInCopy } from '../messages/copy/socialSignInCopy';
import { useRef, type ReactNode } from 'react';
import { useSocialSignIn, type UseSocialSignInOptions, type UseSocialSignInResult } from '../hooks/useSocialSignIn';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { Button } from './parts/Button';
import { ErrorAlert } from './parts/ErrorAlert';
import { FlowFrame, type KitComponentProps } from './parts/FlowFrame';
import { statusLine } from './parts/statusLine';
import { preloadRecoveryKitStep, RecoveryKitStep } from './parts/RecoveryKitStep';
import { SuccessPanel } from './parts/SuccessPanel';
import { useIsomorphicLayoutEffect } from './parts/useIsomorphicLayoutEffect';
import { useKitMessages } from './parts/useKitMessages';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, socialSignInCopy] as const;

/** Props of `<SocialSignIn/>`: the hook's options (see `useSocialSignIn`) and the frame. */
export type SocialSignInProps = KitComponentProps &
  UseSocialSignInOptions & {
    /** The identity provider's name on the button: "Continue with Google" (default `'Google'`). */
    provider?: string | undefined;
    /** The provider's mark before the button label (decorative; an inline SVG or an `<img alt="">`). */
    providerIcon?: ReactNode;
    /** Leaves the flow (e.g. closes your dialog): a Cancel button is shown until an account exists, when given. */
    onCancel?: (() => void) | undefined;
    /** Overrides of the provider's messages, for this component only. */
    messages?: DeepPartial<DfnsMessages> | undefined;
    /** Replaces the default markup (inside the root) with your own, driven by the hook. */
    children?: ((social: UseSocialSignInResult) => ReactNode) | undefined;
  };

/**
 * "Continue with Google" with a passkey behind it: your `getIdToken()` brings the id token; a
 * known person is signed in at once, a new one gets an account with a passkey (and a recovery
 * kit to save) in the same click.
 *
 * @example
 * <SocialSignIn provider="Google" getIdToken={signInWithGoogle} onSuccess={({ token }) => session.set(token)} />
 */
export function SocialSignIn(props: SocialSignInProps): ReactNode {
  const { provider = 'Google', providerIcon, onCancel, messages: overrides, children, className, unstyled, headingLevel, logo, ...options } = props;
  const frame = { className, unstyled, headingLevel, logo } satisfies Record<keyof KitComponentProps, unknown>;
  const messages = useKitMessages(COPY, overrides, 'SocialSignIn');
  const social = useSocialSignIn(options);
  const { state } = social;
  const successRef = useRef<HTMLDivElement>(null);
  const copy = messages.socialSignIn;
  const start = (): void => {
    social.start();
    // After start, so the provider's popup opens first: a new person's sign-up ends with a recovery kit.
    if (options.recoveryKey !== false) preloadRecoveryKitStep();
  };

  useIsomorphicLayoutEffect(() => {
    if (state.status === 'success') successRef.current?.focus();
  }, [state.status]);

  const body = (): ReactNode => {
    switch (state.status) {
      case 'error':
        return (
          <ErrorAlert
            error={state.error}
            messages={messages}
            onRetry={social.retry}
            onContinue={state.challenge ? social.continue : undefined}
            onBack={social.reset}
          />
        );
      case 'showing-recovery-kit':
        return <RecoveryKitStep kit={state.recoveryKit} messages={messages} onSaved={social.confirmKitSaved} />;
      case 'success':
        return state.outcome === 'registered' && state.user ? (
          <SuccessPanel focusRef={successRef} result="registered" title={copy.registered({ username: state.user.username })} nextStep={copy.registeredNext} />
        ) : (
          <SuccessPanel focusRef={successRef} result="signed-in" title={copy.signedIn} nextStep={copy.signedInNext} />
        );
      case 'idle':
      case 'awaiting-id-token':
      case 'signing-in':
      case 'fetching-challenge':
      case 'awaiting-authenticator':
      case 'submitting':
        return (
          <div className="dfns-form">
            <Button type="button" busy={state.status !== 'idle'} icon={providerIcon} onClick={start}>
              {copy.continueWith({ provider })}
            </Button>
          </div>
        );
      default:
        return state satisfies never;
    }
  };

  return (
    <FlowFrame
      lang={messages.locale}
      {...frame}
      name="SocialSignIn"
      status={state.status}
      title={copy.title}
      description={copy.description}
      statusText={statusLine(state.status, copy.status[state.status], Boolean(children))}
      // Once the account exists (its kit on screen) leaving would strand its recovery key.
      onCancel={
        onCancel && state.status !== 'success' && state.status !== 'showing-recovery-kit'
          ? () => {
              social.reset();
              onCancel();
            }
          : undefined
      }
      cancelLabel={messages.buttons.cancel}
    >
      {children ? children(social) : body()}
    </FlowFrame>
  );
}
