/**
 * The user action signing flow: `POST /auth/action/init` → `get()` → `POST /auth/action` →
 * the real request with `X-DFNS-USERACTION`. HTTP 202 (policy pending) is not a failure: the
 * flow waits in `awaiting-approval`. A pure reducer; `useUserActionSigner` runs the I/O.
 */
import type { UserActionChallenge } from '../api/types';
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

/** Steps of the user action flow that can fail. */
export type UserActionStep =
  | 'fetching-challenge'
  | 'awaiting-authenticator'
  | 'submitting'
  | 'awaiting-approval';

/** State of the user action flow, discriminated on `status`. */
export type UserActionState =
  | {
      status: 'idle';
      attempt: number;
      /** A challenge is being fetched ahead of the click. */
      prefetching: boolean;
      /** A challenge fetched ahead of the click, so `get()` can run inside it. */
      challenge?: UserActionChallenge | undefined;
    }
  | { status: 'fetching-challenge'; attempt: number }
  | { status: 'awaiting-authenticator'; attempt: number; challenge: UserActionChallenge }
  | { status: 'submitting'; attempt: number }
  /** HTTP 202: a policy holds the request until someone approves it. */
  | { status: 'awaiting-approval'; attempt: number; pending: unknown }
  | { status: 'success'; attempt: number }
  | FlowErrorState<UserActionStep, UserActionChallenge>;

/** Events of the user action flow, discriminated on `type`. */
export type UserActionEvent =
  | PrefetchEvent
  | StartEvent
  | ChallengeReceivedEvent<UserActionChallenge>
  /** The authenticator signed the challenge; the assertion stays with the hook. */
  | { type: 'signed'; attempt: number }
  /** The signed request succeeded; its response stays with the hook. */
  | { type: 'completed'; attempt: number }
  /** The signed request answered HTTP 202 with this pending approval object. */
  | { type: 'policy-pending'; attempt: number; pending: unknown }
  /** The pending request was approved and executed. */
  | { type: 'approved'; attempt: number }
  | FailedEvent
  | RetryEvent
  | ContinueEvent
  | ResetEvent;

/** Where every user action flow starts. */
export const initialState: UserActionState = { status: 'idle', attempt: 0, prefetching: false };

/** The next user action state; unchanged (same reference) for illegal or stale events. */
export function reduce(state: UserActionState, event: UserActionEvent): UserActionState {
  if (isStale(state, event)) return state;
  if (event.type === 'reset') return { status: 'idle', attempt: state.attempt + 1, prefetching: false };
  switch (state.status) {
    case 'idle':
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
      if (event.type === 'completed') return { status: 'success', attempt: state.attempt };
      // Waiting for an approver is a new async step: bump so only its own outcome lands.
      if (event.type === 'policy-pending') {
        return { status: 'awaiting-approval', attempt: state.attempt + 1, pending: event.pending };
      }
      if (event.type === 'failed') return failedAt('submitting', state.attempt, event.error);
      return state;
    case 'awaiting-approval':
      if (event.type === 'approved') return { status: 'success', attempt: state.attempt };
      if (event.type === 'failed') return failedAt('awaiting-approval', state.attempt, event.error);
      return state;
    case 'success':
      return state;
    case 'error':
      // A user action token is single use, so every retry signs a fresh challenge.
      if (event.type === 'retry') return { status: 'fetching-challenge', attempt: state.attempt + 1 };
      if (event.type === 'continue' && state.challenge) {
        return { status: 'awaiting-authenticator', attempt: state.attempt + 1, challenge: state.challenge };
      }
      return state;
    default:
      return state satisfies never;
  }
}
