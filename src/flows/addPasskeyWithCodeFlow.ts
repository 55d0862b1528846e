/**
 * The new-device half of adding a passkey with a one-time code, without a session:
 * `POST /auth/credentials/code/init` with the code → the passkey prompt over its challenge →
 * `POST /auth/credentials/code/verify` → optionally a login with the new passkey. A pure reducer;
 * the hook runs the I/O.
 */
import type { Credential, CredentialChallenge } from '../api/types';
import {
  isStale,
  type ChallengeReceivedEvent,
  type ContinueEvent,
  type FailedEvent,
  type FlowErrorState,
  type ResetEvent,
  type RetryEvent,
  type StartEvent,
} from './flowState';

/** Steps of the add-passkey-with-code flow that can fail. */
export type AddPasskeyWithCodeStep = 'fetching-challenge' | 'awaiting-authenticator' | 'submitting' | 'logging-in';

/** The passkey Dfns added, and the user it belongs to (named by the code's challenge). */
export interface AddedWithCode {
  credential: Credential;
  username: string;
}

/** State of the add-passkey-with-code flow, discriminated on `status`. */
export type AddPasskeyWithCodeState =
  | { status: 'idle'; attempt: number }
  /** The code is exchanged for a credential challenge (this spends the code). */
  | { status: 'fetching-challenge'; attempt: number }
  | { status: 'awaiting-authenticator'; attempt: number; challenge: CredentialChallenge }
  | { status: 'submitting'; attempt: number; challenge: CredentialChallenge }
  /** `autoLogin`: the new passkey signs in at once. */
  | { status: 'logging-in'; attempt: number; added: AddedWithCode }
  /** `signedIn` is true after `autoLogin`; otherwise the user signs in with the new passkey. */
  | { status: 'success'; attempt: number; added: AddedWithCode; signedIn: boolean }
  | (FlowErrorState<AddPasskeyWithCodeStep, CredentialChallenge> & {
      /** Set when the passkey was added and only the login failed: retry signs in again. */
      added?: AddedWithCode | undefined;
    });

/** Events of the add-passkey-with-code flow, discriminated on `type`. */
export type AddPasskeyWithCodeEvent =
  | StartEvent
  | ChallengeReceivedEvent<CredentialChallenge>
  /** The passkey is made; its attestation stays with the hook. */
  | { type: 'passkey-created'; attempt: number }
  /** Dfns added the passkey; `then` says whether to sign in with it. */
  | { type: 'added'; attempt: number; added: AddedWithCode; then: 'log-in' | 'done' }
  | { type: 'logged-in'; attempt: number }
  | FailedEvent
  | RetryEvent
  | ContinueEvent
  | ResetEvent;

/** Where every add-passkey-with-code flow starts. */
export const initialState: AddPasskeyWithCodeState = { status: 'idle', attempt: 0 };

/** The next add-passkey-with-code state; unchanged (same reference) for illegal or stale events. */
export function reduce(state: AddPasskeyWithCodeState, event: AddPasskeyWithCodeEvent): AddPasskeyWithCodeState {
  if (isStale(state, event)) return state;
  if (event.type === 'reset') return { status: 'idle', attempt: state.attempt + 1 };
  switch (state.status) {
    case 'idle':
      return event.type === 'start' ? { status: 'fetching-challenge', attempt: state.attempt + 1 } : state;
    case 'fetching-challenge':
      if (event.type === 'challenge-received') {
        return { status: 'awaiting-authenticator', attempt: state.attempt + 1, challenge: event.challenge };
      }
      if (event.type === 'failed') return { status: 'error', attempt: state.attempt, step: 'fetching-challenge', error: event.error };
      return state;
    case 'awaiting-authenticator':
      if (event.type === 'passkey-created') return { status: 'submitting', attempt: state.attempt + 1, challenge: state.challenge };
      // The code is spent, but its challenge lives on: every retry reuses it, never the code.
      if (event.type === 'failed') {
        return { status: 'error', attempt: state.attempt, step: 'awaiting-authenticator', error: event.error, challenge: state.challenge };
      }
      return state;
    case 'submitting':
      if (event.type === 'added') {
        return event.then === 'log-in'
          ? { status: 'logging-in', attempt: state.attempt + 1, added: event.added }
          : { status: 'success', attempt: state.attempt, added: event.added, signedIn: false };
      }
      if (event.type === 'failed') {
        return { status: 'error', attempt: state.attempt, step: 'submitting', error: event.error, challenge: state.challenge };
      }
      return state;
    case 'logging-in':
      if (event.type === 'logged-in') return { status: 'success', attempt: state.attempt, added: state.added, signedIn: true };
      if (event.type === 'failed') return { status: 'error', attempt: state.attempt, step: 'logging-in', error: event.error, added: state.added };
      return state;
    case 'success':
      return state;
    case 'error':
      if (event.type !== 'retry' && event.type !== 'continue') return state;
      if (state.added) return { status: 'logging-in', attempt: state.attempt + 1, added: state.added };
      if (state.challenge) return { status: 'awaiting-authenticator', attempt: state.attempt + 1, challenge: state.challenge };
      return event.type === 'retry' ? { status: 'fetching-challenge', attempt: state.attempt + 1 } : state;
    default:
      return state satisfies never;
  }
}
