/**
 * The passkey login flow: `POST /auth/login/init` → `get()` → `POST /auth/login`.
 * A pure reducer; `useLoginWithPasskey` runs the I/O and feeds the results back as events.
 */
import type { LoginChallenge } from '../api/types';
import {
  failedAt,
  reduceFetchingChallenge,
  reduceIdle,
  awaitingAuthenticator,
  isStale,
  type ChallengeReceivedEvent,
  type ContinueEvent,
  type FailedEvent,
  type FlowErrorState,
  type PrefetchEvent,
  type ResetEvent,
  type RetryEvent,
  type StartEvent,
} from './flowState';

/** Steps of the login flow that can fail. */
export type LoginStep = 'fetching-challenge' | 'awaiting-authenticator' | 'submitting';

/** State of the login flow, discriminated on `status`. */
export type LoginState =
  | {
      status: 'idle';
      attempt: number;
      /** A challenge is being fetched ahead of the click. */
      prefetching: boolean;
      /** A challenge fetched ahead of the click, so `get()` can run inside it. */
      challenge?: LoginChallenge | undefined;
    }
  | { status: 'fetching-challenge'; attempt: number }
  | { status: 'awaiting-authenticator'; attempt: number; challenge: LoginChallenge }
  | { status: 'submitting'; attempt: number }
  | { status: 'success'; attempt: number }
  | FlowErrorState<LoginStep, LoginChallenge>;

/** Events of the login flow, discriminated on `type`. */
export type LoginEvent =
  | PrefetchEvent
  | StartEvent
  | ChallengeReceivedEvent<LoginChallenge>
  /** The authenticator signed the challenge; the assertion stays with the hook. */
  | { type: 'signed'; attempt: number }
  /**
   * While idle, the user picked a passkey from the autofill list (conditional mediation, which
   * runs beside the flow); the assertion stays with the hook, which now submits it.
   */
  | { type: 'autofill-signed' }
  /** `/auth/login` answered with a token; the token stays with the hook. */
  | { type: 'logged-in'; attempt: number }
  | FailedEvent
  | RetryEvent
  | ContinueEvent
  | ResetEvent;

/** Where every login flow starts. */
export const initialState: LoginState = { status: 'idle', attempt: 0, prefetching: false };

/** The next login state; unchanged (same reference) for illegal or stale events. */
export function reduce(state: LoginState, event: LoginEvent): LoginState {
  if (isStale(state, event)) return state;
  if (event.type === 'reset') return { status: 'idle', attempt: state.attempt + 1, prefetching: false };
  switch (state.status) {
    case 'idle':
      // A prefetch still in flight is dropped: the autofill ceremony brought its own challenge.
      if (event.type === 'autofill-signed') return { status: 'submitting', attempt: state.attempt + 1 };
      return reduceIdle(state, event, awaitingAuthenticator);
    case 'fetching-challenge':
      return reduceFetchingChallenge(state, event, awaitingAuthenticator);
    case 'awaiting-authenticator':
      if (event.type === 'signed') return { status: 'submitting', attempt: state.attempt + 1 };
      if (event.type === 'failed') {
        return failedAt('awaiting-authenticator', state.attempt, event.error, state.challenge);
      }
      return state;
    case 'submitting':
      if (event.type === 'logged-in') return { status: 'success', attempt: state.attempt };
      if (event.type === 'failed') return failedAt('submitting', state.attempt, event.error);
      return state;
    case 'success':
      return state;
    case 'error':
      if (event.type === 'retry') return { status: 'fetching-challenge', attempt: state.attempt + 1 };
      if (event.type === 'continue' && state.challenge) {
        return { status: 'awaiting-authenticator', attempt: state.attempt + 1, challenge: state.challenge };
      }
      return state;
    default:
      return state satisfies never;
  }
}
