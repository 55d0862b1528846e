'use client';
import { useCallback, useEffect, useRef } from 'react';
import { toDfnsAuthError, type DfnsAuthError } from '../errors';
import { initialSsoLoginState, reduceSsoLogin, type SsoLoginState } from '../flows/ssoLoginFlow';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { completeSsoCallback } from '../sso/completeSsoCallback';
import { takePendingSsoLogin, type PendingSsoLogin } from '../sso/pendingSsoLogin';
import { startSsoLogin } from '../sso/startSsoLogin';
import { takeSsoCallbackParams, type SsoCallbackParams } from '../sso/takeSsoCallbackParams';
import { useFlowMachine } from './useFlowMachine';
import { useLatest } from './useLatest';

/** Options of `useSsoCallback`. */
export interface UseSsoCallbackOptions {
  /** Called once with the user's token. */
  onSuccess?: ((result: { token: string }) => void) | undefined;
  /** Called once per failed step, with the kit error the flow now shows. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /** Leaves the page for a new SSO login on "Try again" (default `location.assign`). */
  navigate?: ((url: string) => void) | undefined;
}

/** What `useSsoCallback` returns. */
export interface UseSsoCallbackResult {
  state: SsoLoginState;
  /** From an error: a new SSO login with the client and redirect of the one that failed, when known. */
  retry: (() => void) | undefined;
}

/**
 * The second half of an SSO login, for the page at `redirectUri`: on mount it takes `code` and
 * `state` out of the URL and the history entry (`history.replaceState`), refuses a state this tab
 * did not issue (`sso_state_invalid`, the code unused), and trades the code for the token
 * (`/auth/login/sso`). Runs once per page load, StrictMode included.
 *
 * @example
 * const sso = useSsoCallback({ onSuccess: ({ token }) => { session.set(token); navigate('/'); } });
 */
export function useSsoCallback(options: UseSsoCallbackOptions = {}): UseSsoCallbackResult {
  const config = useDfnsAuth('useSsoCallback');
  const { state, send, isCurrent, nextSignal } = useFlowMachine(reduceSsoLogin, initialSsoLoginState);
  const configRef = useLatest(config);
  const optionsRef = useLatest(options);
  // Taken once per component: StrictMode's second effect run must find what the first one took.
  const takenRef = useRef<{ params: SsoCallbackParams; pending: PendingSsoLogin | undefined } | undefined>(undefined);
  const lastPendingRef = useRef<PendingSsoLogin | undefined>(undefined);

  const fail = useCallback(
    (attempt: number, error: unknown) => {
      if (!isCurrent(attempt)) return;
      const kitError = toDfnsAuthError(error);
      send({ type: 'failed', attempt, error: kitError });
      optionsRef.current.onError?.(kitError);
    },
    [isCurrent, send, optionsRef],
  );

  useEffect(() => {
    takenRef.current ??= { params: takeSsoCallbackParams(), pending: takePendingSsoLogin() };
    const taken = takenRef.current;
    // Deferred a task, so StrictMode's unmount of the first run cancels it before any request.
    const timer = setTimeout(() => {
      if (takenRef.current !== taken) return;
      takenRef.current = { ...taken, params: {} };
      lastPendingRef.current = taken.pending;
      const next = send({ type: 'complete' });
      if (next.status !== 'completing') return;
      completeSsoCallback(configRef.current.client, taken.params, taken.pending, { signal: nextSignal() }).then(
        (result) => {
          if (!isCurrent(next.attempt)) return;
          send({ type: 'signed-in', attempt: next.attempt });
          optionsRef.current.onSuccess?.(result);
        },
        (error: unknown) => fail(next.attempt, error),
      );
    }, 0);
    return () => clearTimeout(timer);
    // Once per mount on purpose: the URL is read and cleaned on the first run only.
  }, []);

  const pending = lastPendingRef.current;
  const retry = useCallback(() => {
    if (!pending) return;
    const next = send({ type: 'retry' });
    if (next.status !== 'redirecting') return;
    startSsoLogin(
      configRef.current.client,
      { clientId: pending.clientId, redirectUri: pending.redirectUri, orgId: pending.orgId },
      { signal: nextSignal(), navigate: optionsRef.current.navigate },
    ).catch((error: unknown) => fail(next.attempt, error));
  }, [pending, send, configRef, nextSignal, optionsRef, fail]);

  return { state, retry: pending ? retry : undefined };
}
