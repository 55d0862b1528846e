/**
 * SSO login: `POST /auth/login/sso/init` → the browser leaves for the organisation's identity
 * provider (`redirecting`) → back at `redirectUri` with `code` and `state` → `POST /auth/login/sso`
 * (`completing`) → the token. The two halves run on two page loads; each is this reducer.
 */
import type { DfnsAuthError } from '../errors';
import { isStale, type FailedEvent, type ResetEvent, type RetryEvent } from './flowState';

/** Steps of the SSO login that can fail. */
export type SsoLoginStep = 'redirecting' | 'completing';

/** State of an SSO login, discriminated on `status`. */
export type SsoLoginState =
  | { status: 'idle'; attempt: number }
  /** Asking Dfns for the identity provider's page, then leaving for it. */
  | { status: 'redirecting'; attempt: number }
  /** Back from the identity provider: trading `code` and `state` for the token. */
  | { status: 'completing'; attempt: number }
  | { status: 'success'; attempt: number }
  | { status: 'error'; attempt: number; step: SsoLoginStep; error: DfnsAuthError };

/** Events of an SSO login, discriminated on `type`. */
export type SsoLoginEvent =
  /** The user chose the organisation's sign-in (or the app redirects at once). */
  | { type: 'redirect' }
  /** The page at `redirectUri` found `code` and `state` (or the provider's refusal) in its URL. */
  | { type: 'complete' }
  /** `/auth/login/sso` answered a token; it stays with the hook. */
  | { type: 'signed-in'; attempt: number }
  | FailedEvent
  /** From an error: start the SSO login again (a used code cannot be tried twice). */
  | RetryEvent
  | ResetEvent;

/** Where an SSO login starts. */
export const initialSsoLoginState: SsoLoginState = { status: 'idle', attempt: 0 };

/** The next SSO login state; unchanged (same reference) for illegal or stale events. */
export function reduceSsoLogin(state: SsoLoginState, event: SsoLoginEvent): SsoLoginState {
  if (isStale(state, event)) return state;
  if (event.type === 'reset') return { status: 'idle', attempt: state.attempt + 1 };
  switch (state.status) {
    case 'idle':
      if (event.type === 'redirect') return { status: 'redirecting', attempt: state.attempt + 1 };
      if (event.type === 'complete') return { status: 'completing', attempt: state.attempt + 1 };
      return state;
    case 'redirecting':
      if (event.type === 'failed') return { status: 'error', attempt: state.attempt, step: 'redirecting', error: event.error };
      return state;
    case 'completing':
      if (event.type === 'signed-in') return { status: 'success', attempt: state.attempt };
      if (event.type === 'failed') return { status: 'error', attempt: state.attempt, step: 'completing', error: event.error };
      return state;
    case 'success':
      return state;
    case 'error':
      // Either way the retry is a new redirect: the code, if any, is spent.
      return event.type === 'retry' || event.type === 'redirect' ? { status: 'redirecting', attempt: state.attempt + 1 } : state;
    default:
      return state satisfies never;
  }
}
