'use client';
import { useCallback, useRef } from 'react';
import { toDfnsAuthError, type DfnsAuthError } from '../errors';
import { initialSsoLoginState, reduceSsoLogin, type SsoLoginState } from '../flows/ssoLoginFlow';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { startSsoLogin } from '../sso/startSsoLogin';
import { useFlowMachine } from './useFlowMachine';
import { useLatest } from './useLatest';

/** Options of `useSsoRedirect`. */
export interface UseSsoRedirectOptions {
  /** The page of your app that finishes the login (it renders `<SsoCallback/>`); absolute, an allowed origin. */
  redirectUri: string;
  /** Leaves the page for the identity provider (default `location.assign`); stories and tests pass their own. */
  navigate?: ((url: string) => void) | undefined;
  /** Called once per failed step, with the kit error the flow now shows. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
}

/** What `useSsoRedirect` returns. */
export interface UseSsoRedirectResult {
  state: SsoLoginState;
  /** Leaves for the organisation's identity provider named by `clientId` (the `ssoClientId` Dfns answered). */
  start: (clientId: string) => void;
  /** From an error: the redirect again, with the same client id. */
  retry: () => void;
  reset: () => void;
}

/**
 * The first half of an SSO login: asks Dfns for the identity provider's page
 * (`/auth/login/sso/init`), remembers its `state` in this tab, and leaves for it.
 *
 * @example
 * const sso = useSsoRedirect({ redirectUri: `${location.origin}/sso` });
 * <button onClick={() => sso.start(ssoClientId)}>Continue to your organisation's sign-in</button>
 */
export function useSsoRedirect(options: UseSsoRedirectOptions): UseSsoRedirectResult {
  const config = useDfnsAuth('useSsoRedirect');
  const { state, send, isCurrent, nextSignal, abort } = useFlowMachine(reduceSsoLogin, initialSsoLoginState);
  const configRef = useLatest(config);
  const optionsRef = useLatest(options);
  const clientIdRef = useRef<string | undefined>(undefined);

  const redirect = useCallback(
    async (attempt: number) => {
      const { client, orgId } = configRef.current;
      const { redirectUri, navigate } = optionsRef.current;
      try {
        await startSsoLogin(client, { clientId: clientIdRef.current ?? '', redirectUri, orgId }, { signal: nextSignal(), navigate });
      } catch (error) {
        if (!isCurrent(attempt)) return;
        const kitError = toDfnsAuthError(error);
        send({ type: 'failed', attempt, error: kitError });
        optionsRef.current.onError?.(kitError);
      }
    },
    [configRef, optionsRef, nextSignal, isCurrent, send],
  );

  const start = useCallback(
    (clientId: string) => {
      clientIdRef.current = clientId;
      const next = send({ type: 'redirect' });
      if (next.status === 'redirecting') void redirect(next.attempt);
    },
    [send, redirect],
  );

  const retry = useCallback(() => {
    const next = send({ type: 'retry' });
    if (next.status === 'redirecting') void redirect(next.attempt);
  }, [send, redirect]);

  const reset = useCallback(() => {
    abort();
    send({ type: 'reset' });
  }, [abort, send]);

  return { state, start, retry, reset };
}
