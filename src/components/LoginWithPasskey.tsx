'use client';
import { frameCopy } from '../messages/copy/frameCopy';
import { stepButtonsCopy } from '../messages/copy/stepButtonsCopy';
import { usernameCopy } from '../messages/copy/usernameCopy';
import { signedInCopy } from '../messages/copy/signedInCopy';
import { ssoOfferCopy } from '../messages/copy/ssoOfferCopy';
import { loginCopy } from '../messages/copy/loginCopy';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { DfnsApiError, type DfnsAuthError } from '../errors';
import {
  useLoginWithPasskey,
  type LoginWithPasskeyResult,
  type UseLoginWithPasskeyResult,
} from '../hooks/useLoginWithPasskey';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { Button } from './parts/Button';
import { Divider } from './parts/Divider';
import { ErrorAlert } from './parts/ErrorAlert';
import { FlowFrame, type KitComponentProps } from './parts/FlowFrame';
import { statusLine } from './parts/statusLine';
import { PasskeyIcon } from './parts/icons';
import { lazyPart } from '../lazyPart';
import type { SsoOptions } from './parts/SsoOffer';
import { SuccessPanel } from './parts/SuccessPanel';
import { TextField } from './parts/TextField';
import { useKitMessages } from './parts/useKitMessages';
import { useIsomorphicLayoutEffect } from './parts/useIsomorphicLayoutEffect';
import { WhenLoaded } from './parts/WhenLoaded';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, stepButtonsCopy, usernameCopy, signedInCopy, ssoOfferCopy, loginCopy] as const;

/** Props of `<LoginWithPasskey/>`. */
export interface LoginWithPasskeyProps extends KitComponentProps {
  /** The user to log in; when omitted a username field is shown (left empty, the login is usernameless). */
  username?: string | undefined;
  /** With the username field: also offer "Sign in with a passkey" without a username (default true). */
  usernameless?: boolean | undefined;
  /** Offer passkey autofill on the username field where the browser supports it (default true). */
  autofill?: boolean | undefined;
  /** Receives the login token. */
  onSuccess?: ((result: LoginWithPasskeyResult) => void) | undefined;
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /** Leaves the sign-in (e.g. closes your dialog): a Cancel button is shown on every step but success when given. */
  onCancel?: (() => void) | undefined;
  /**
   * When Dfns answers that this user must sign in through the organisation's SSO (`{ ssoClientId }`):
   * offer to continue there (or go at once with `redirectAtOnce`) instead of the `sso_required` alert.
   * Your page at `redirectUri` renders `<SsoCallback/>`.
   */
  sso?: SsoOptions | undefined;
  /** Overrides of the provider's messages, for this component only. */
  messages?: DeepPartial<DfnsMessages> | undefined;
  /** Replaces the default markup (inside the root) with your own, driven by the hook. */
  children?: ((login: UseLoginWithPasskeyResult) => ReactNode) | undefined;
}

/** The SSO client of an `sso_required` error (Dfns's `{ ssoClientId }`), if that is what `error` is. */
function ssoClientIdOf(error: DfnsAuthError): string | undefined {
  if (error.code !== 'sso_required' || !(error instanceof DfnsApiError)) return undefined;
  const body = error.body as { ssoClientId?: unknown } | undefined;
  return typeof body?.ssoClientId === 'string' ? body.ssoClientId : undefined;
}

/**
 * The SSO offer (its hook, flow, request and storage), a step only an organisation's SSO users
 * reach: a chunk of its own, so the sign-in page loads without it.
 */
const ssoOffer = lazyPart(() => import('./parts/SsoOffer').then((module) => module.SsoOffer));

/**
 * Sign in with a passkey: a username field (with passkey autofill) or a fixed username, and a
 * usernameless button. The challenge is fetched on intent (blur, hover, focus), so the click
 * opens the passkey prompt straight away.
 *
 * @example
 * <LoginWithPasskey onSuccess={({ token }) => session.set(token)} />
 */
export function LoginWithPasskey(props: LoginWithPasskeyProps): ReactNode {
  const { username, usernameless = true, autofill, onSuccess, onError, onCancel, sso, messages: overrides, children, ...frame } = props;
  const messages = useKitMessages(COPY, overrides, 'LoginWithPasskey');
  const login = useLoginWithPasskey({ onSuccess, onError, autofill: autofill ?? username === undefined });
  const { state } = login;
  const formRef = useRef<HTMLFormElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const previousStatus = useRef(state.status);
  // Which button started the sign-in: only that one shows the spinner (set in the click, read in
  // the render its state change causes; a ref, so no extra commit).
  const pressed = useRef<'form' | 'picker'>('form');
  const copy = messages.components.loginWithPasskey;
  const busy = state.status !== 'idle';
  const ssoClientId = sso && state.status === 'error' ? ssoClientIdOf(state.error) : undefined;
  const offersSso = sso !== undefined;

  useEffect(() => {
    // Once a sign-in is under way, the offer's chunk loads beside it (during the passkey prompt),
    // so it is here when Dfns answers `{ ssoClientId }`. Without `sso` it is never loaded.
    if (offersSso && state.status !== 'idle') ssoOffer.preload();
  }, [offersSso, state.status]);

  useIsomorphicLayoutEffect(() => {
    // Back from an error (Cancel): the form replaced the alert, so put the user back in it.
    if (state.status === 'idle' && previousStatus.current === 'error') {
      formRef.current?.querySelector<HTMLElement>('input, button')?.focus();
    }
    if (state.status === 'success') successRef.current?.focus();
    previousStatus.current = state.status;
  }, [state.status]);

  const typedUsername = (): string | undefined => {
    if (username !== undefined) return username;
    const field = formRef.current?.elements.namedItem('username');
    return field instanceof HTMLInputElement ? field.value : undefined;
  };

  const prefetchTyped = (): void => {
    const value = typedUsername();
    if (value?.trim()) login.prefetch({ username: value });
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    pressed.current = 'form';
    login.start({ username: typedUsername() });
  };

  const body = (): ReactNode => {
    switch (state.status) {
      case 'error':
        if (sso && ssoClientId) {
          return (
            <WhenLoaded
              part={ssoOffer}
              fallback={<div className="dfns-sso" data-sso-status="loading" aria-busy="true" />}
              failed={(error, retry) => <ErrorAlert error={error} messages={messages} onRetry={retry} onBack={login.reset} />}
            >
              {(SsoOffer) => <SsoOffer {...sso} clientId={ssoClientId} messages={messages} onBack={login.reset} />}
            </WhenLoaded>
          );
        }
        return (
          <ErrorAlert
            error={state.error}
            messages={messages}
            onRetry={login.retry}
            onContinue={state.challenge ? login.continue : undefined}
            onBack={() => {
              // Autofill may sign in next, with no button pressed: the spinner goes back to the form's button.
              pressed.current = 'form';
              login.reset();
            }}
          />
        );
      case 'success':
        return <SuccessPanel focusRef={successRef} title={messages.success.signedIn} nextStep={messages.nextSteps.signedIn} />;
      case 'idle':
      case 'fetching-challenge':
      case 'awaiting-authenticator':
      case 'submitting':
        return (
          <form ref={formRef} className="dfns-form" onSubmit={submit}>
            {username === undefined ? (
              <TextField
                label={messages.labels.username}
                hint={messages.hints.username}
                name="username"
                type="text"
                autoCapitalize="none"
                spellCheck={false}
                autoComplete={login.autofill ? 'username webauthn' : 'username'}
                readOnly={busy}
                onBlur={prefetchTyped}
              />
            ) : null}
            <Button
              type="submit"
              icon={<PasskeyIcon />}
              busy={busy && pressed.current === 'form'}
              aria-disabled={busy || undefined}
              onPointerEnter={prefetchTyped}
              onFocus={prefetchTyped}
            >
              {username === undefined ? messages.buttons.continue : messages.buttons.signIn}
            </Button>
            {username === undefined && usernameless ? (
              <>
                <Divider label={messages.labels.or} />
                <Button
                  variant="secondary"
                  icon={<PasskeyIcon />}
                  busy={busy && pressed.current === 'picker'}
                  aria-disabled={busy || undefined}
                  onPointerEnter={() => login.prefetch()}
                  onFocus={() => login.prefetch()}
                  // While busy, Button ignores the click (aria-disabled).
                  onClick={() => {
                    pressed.current = 'picker';
                    login.start();
                  }}
                >
                  {messages.buttons.signInUsernameless}
                </Button>
              </>
            ) : null}
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
      name="LoginWithPasskey"
      // Not an error to the user: the next step is the organisation's sign-in.
      status={ssoClientId ? 'sso-required' : state.status}
      title={copy.title}
      description={copy.description}
      statusText={ssoClientId ? messages.sso.description : statusLine(state.status, messages.status.loginWithPasskey[state.status], Boolean(children))}
      onCancel={
        onCancel && state.status !== 'success'
          ? () => {
              login.reset();
              onCancel();
            }
          : undefined
      }
      cancelLabel={messages.buttons.cancel}
    >
      {children ? children(login) : body()}
    </FlowFrame>
  );
}
