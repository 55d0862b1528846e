'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import { useSsoRedirect } from '../../hooks/useSsoRedirect';
import { stepButtonsCopy } from '../../messages/copy/stepButtonsCopy';
import { ssoOfferCopy } from '../../messages/copy/ssoOfferCopy';
import type { DeepPartial, DfnsMessages } from '../../messages/types';
import { Button } from './Button';
import { ErrorAlert } from './ErrorAlert';
import { useCopy } from './useCopy';

const OFFER_COPY = [ssoOfferCopy, stepButtonsCopy] as const;

/** How a component offers SSO when Dfns answers `{ ssoClientId }`. */
export interface SsoOptions {
  /** The page of your app that renders `<SsoCallback/>`; absolute, on an origin the org allows. */
  redirectUri: string;
  /** Leave for the identity provider at once instead of offering a button (default false). */
  redirectAtOnce?: boolean | undefined;
  /** Leaves the page (default `location.assign`); stories and tests pass their own. */
  navigate?: ((url: string) => void) | undefined;
}

/** Props of the SSO offer. */
export interface SsoOfferProps extends SsoOptions {
  /** The SSO client Dfns named (`ssoClientId`). */
  clientId: string;
  /** The component's catalogue, laid over the offer's own English (`ssoOfferCopy`). */
  messages: DeepPartial<DfnsMessages>;
  /** Back to the previous step (e.g. the sign-in form). */
  onBack?: (() => void) | undefined;
}

/** "Your organisation signs you in": a button (or an immediate redirect) to its identity provider. */
export function SsoOffer({ clientId, redirectUri, redirectAtOnce = false, navigate, messages: given, onBack }: SsoOfferProps): ReactNode {
  const messages = useCopy(OFFER_COPY, given);
  const sso = useSsoRedirect({ redirectUri, navigate });
  const started = useRef(false);
  const copy = messages.sso;

  const { start } = sso;
  useEffect(() => {
    // A redirect, not a passkey ceremony: no user activation needed. Deferred a task so that
    // StrictMode's trial unmount cancels the timer instead of aborting the request; once per offer.
    if (!redirectAtOnce || started.current) return undefined;
    const timer = setTimeout(() => {
      started.current = true;
      start(clientId);
    }, 0);
    return () => clearTimeout(timer);
  }, [redirectAtOnce, clientId, start]);

  if (sso.state.status === 'error') {
    return <ErrorAlert error={sso.state.error} messages={messages} onRetry={sso.retry} onBack={onBack} />;
  }
  return (
    <div className="dfns-sso" data-sso-status={sso.state.status}>
      <p className="dfns-sso-title">{copy.title}</p>
      <p className="dfns-description">{copy.description}</p>
      <Button type="button" busy={sso.state.status === 'redirecting'} onClick={() => sso.start(clientId)}>
        {copy.continue}
      </Button>
      {onBack ? (
        <Button type="button" variant="ghost" onClick={onBack}>
          {messages.buttons.back}
        </Button>
      ) : null}
    </div>
  );
}
