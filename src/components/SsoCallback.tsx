'use client';
import { frameCopy } from '../messages/copy/frameCopy';
import { ssoCallbackCopy } from '../messages/copy/ssoCallbackCopy';
import { useRef, type ReactNode } from 'react';
import { useSsoCallback, type UseSsoCallbackOptions, type UseSsoCallbackResult } from '../hooks/useSsoCallback';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { ErrorAlert } from './parts/ErrorAlert';
import { FlowFrame, type KitComponentProps } from './parts/FlowFrame';
import { statusLine } from './parts/statusLine';
import { SuccessPanel } from './parts/SuccessPanel';
import { useIsomorphicLayoutEffect } from './parts/useIsomorphicLayoutEffect';
import { useKitMessages } from './parts/useKitMessages';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, ssoCallbackCopy] as const;

/** Props of `<SsoCallback/>`: the hook's options (see `useSsoCallback`) and the frame. */
export type SsoCallbackProps = KitComponentProps &
  UseSsoCallbackOptions & {
    /** Back to your sign-in page, offered beside an error (e.g. a forged or stale link). */
    onBack?: (() => void) | undefined;
    /** Overrides of the provider's messages, for this component only. */
    messages?: DeepPartial<DfnsMessages> | undefined;
    /** Replaces the default markup (inside the root) with your own, driven by the hook. */
    children?: ((sso: UseSsoCallbackResult) => ReactNode) | undefined;
  };

/**
 * The page at your SSO `redirectUri`: finishes the login the identity provider sent the user
 * back from, and leaves no `code` or `state` in the URL or the history.
 *
 * @example
 * <SsoCallback onSuccess={({ token }) => { session.set(token); navigate('/'); }} onBack={() => navigate('/login')} />
 */
export function SsoCallback(props: SsoCallbackProps): ReactNode {
  const { onBack, messages: overrides, children, className, unstyled, headingLevel, logo, ...options } = props;
  const frame = { className, unstyled, headingLevel, logo } satisfies Record<keyof KitComponentProps, unknown>;
  const messages = useKitMessages(COPY, overrides, 'SsoCallback');
  const sso = useSsoCallback(options);
  const { state } = sso;
  const successRef = useRef<HTMLDivElement>(null);
  const copy = messages.sso;

  useIsomorphicLayoutEffect(() => {
    if (state.status === 'success') successRef.current?.focus();
  }, [state.status]);

  const body = (): ReactNode => {
    switch (state.status) {
      case 'error':
        return <ErrorAlert error={state.error} messages={messages} onRetry={sso.retry} onBack={onBack} />;
      case 'success':
        return <SuccessPanel focusRef={successRef} title={copy.signedIn} nextStep={copy.signedInNext} />;
      case 'idle':
      case 'redirecting':
      case 'completing':
        // The live region says what is happening; there is nothing to press meanwhile.
        return null;
      default:
        return state satisfies never;
    }
  };

  return (
    <FlowFrame
      lang={messages.locale}
      {...frame}
      name="SsoCallback"
      status={state.status}
      title={copy.callbackTitle}
      description={copy.callbackDescription}
      statusText={statusLine(state.status, copy.status[state.status], Boolean(children))}
    >
      {children ? children(sso) : body()}
    </FlowFrame>
  );
}
