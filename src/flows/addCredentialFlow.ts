/**
 * Adding a credential to a logged-in user, shared by `useAddPasskey` and `useCreateRecoveryKey`:
 * `POST /auth/credentials/init` → `create()` (passkey) or a new WebCrypto key (recovery key) →
 * a user action signed with an existing credential → `POST /auth/credentials` → for a recovery
 * key, the recovery kit. A pure reducer; the hooks run the I/O.
 */
import type { Credential, CredentialChallenge } from '../api/types';
import {
  failedAt,
  reduceFetchingChallenge,
  reduceIdle,
  isStale,
  type ChallengeReceivedEvent,
  type ContinueEvent,
  type FailedEvent,
  type FlowErrorState,
  type PrefetchEvent,
  type RecoveryKit,
  type ResetEvent,
  type RetryEvent,
  type StartEvent,
} from './flowState';

/** Steps of the add-credential flow that can fail. */
export type AddCredentialStep =
  | 'fetching-challenge'
  | 'awaiting-authenticator'
  | 'creating-key'
  | 'signing-user-action'
  | 'submitting';

/** State of the add-credential flow, discriminated on `status`. */
export type AddCredentialState =
  | {
      status: 'idle';
      attempt: number;
      /** A challenge is being fetched ahead of the click. */
      prefetching: boolean;
      /** A challenge fetched ahead of the click, so `create()` can run inside it. */
      challenge?: CredentialChallenge | undefined;
    }
  | { status: 'fetching-challenge'; attempt: number }
  /** A `Fido2` challenge: the browser's passkey prompt is open. */
  | { status: 'awaiting-authenticator'; attempt: number; challenge: CredentialChallenge }
  /** A key-style challenge (`RecoveryKey`, `Key`): the hook generates and encrypts the key. */
  | { status: 'creating-key'; attempt: number; challenge: CredentialChallenge }
  /** `POST /auth/credentials` needs a user action: a second prompt, with an existing credential. */
  | { status: 'signing-user-action'; attempt: number }
  | { status: 'submitting'; attempt: number }
  /**
   * The new recovery key is registered and its kit is shown once. The kit (a secret) lives here
   * only because the UI must display it; every way out of this status drops it.
   */
  | { status: 'showing-recovery-kit'; attempt: number; credential: Credential; recoveryKit: RecoveryKit }
  | { status: 'success'; attempt: number; credential: Credential }
  | FlowErrorState<AddCredentialStep, CredentialChallenge>;

/** Events of the add-credential flow, discriminated on `type`. */
export type AddCredentialEvent =
  | PrefetchEvent
  | StartEvent
  | ChallengeReceivedEvent<CredentialChallenge>
  /** The new credential's attestation is ready; it stays with the hook. */
  | { type: 'credential-created'; attempt: number }
  /** The user action for `POST /auth/credentials` is signed; the token stays with the hook. */
  | { type: 'user-action-signed'; attempt: number }
  /** Dfns stored the credential; `recoveryKit` is set for a new recovery key. */
  | { type: 'created'; attempt: number; credential: Credential; recoveryKit?: RecoveryKit | undefined }
  /** The user confirmed "I have saved it". */
  | { type: 'kit-saved' }
  | FailedEvent
  | RetryEvent
  | ContinueEvent
  | ResetEvent;

/** Where every add-credential flow starts. */
export const initialState: AddCredentialState = { status: 'idle', attempt: 0, prefetching: false };

/** The step that turns `challenge` into a new credential: the passkey prompt, or key generation. */
function creating(attempt: number, challenge: CredentialChallenge): AddCredentialState {
  return challenge.kind === 'Fido2'
    ? { status: 'awaiting-authenticator', attempt, challenge }
    : { status: 'creating-key', attempt, challenge };
}

/** The next add-credential state; unchanged (same reference) for illegal or stale events. */
export function reduce(state: AddCredentialState, event: AddCredentialEvent): AddCredentialState {
  if (isStale(state, event)) return state;
  if (event.type === 'reset') {
    // The key is already registered: dropping its kit unseen would leave a key nobody can use.
    if (state.status === 'showing-recovery-kit') return state;
    return { status: 'idle', attempt: state.attempt + 1, prefetching: false };
  }
  switch (state.status) {
    case 'idle':
      return reduceIdle(state, event, creating);
    case 'fetching-challenge':
      return reduceFetchingChallenge(state, event, creating);
    case 'awaiting-authenticator':
    case 'creating-key':
      if (event.type === 'credential-created') return { status: 'signing-user-action', attempt: state.attempt + 1 };
      if (event.type === 'failed') return failedAt(state.status, state.attempt, event.error, state.challenge);
      return state;
    case 'signing-user-action':
      if (event.type === 'user-action-signed') return { status: 'submitting', attempt: state.attempt + 1 };
      if (event.type === 'failed') return failedAt('signing-user-action', state.attempt, event.error);
      return state;
    case 'submitting':
      if (event.type === 'created') {
        return event.recoveryKit
          ? {
              status: 'showing-recovery-kit',
              attempt: state.attempt,
              credential: event.credential,
              recoveryKit: event.recoveryKit,
            }
          : { status: 'success', attempt: state.attempt, credential: event.credential };
      }
      if (event.type === 'failed') return failedAt('submitting', state.attempt, event.error);
      return state;
    case 'showing-recovery-kit':
      if (event.type === 'kit-saved') return { status: 'success', attempt: state.attempt, credential: state.credential };
      return state;
    case 'success':
      return state;
    case 'error':
      if (event.type === 'retry') {
        // The new credential is still in the hook and its challenge still open: only the second
        // prompt (often refused for lack of a fresh gesture) needs to run again, from this click.
        return state.step === 'signing-user-action'
          ? { status: 'signing-user-action', attempt: state.attempt + 1 }
          : { status: 'fetching-challenge', attempt: state.attempt + 1 };
      }
      if (event.type === 'continue' && state.challenge) return creating(state.attempt + 1, state.challenge);
      return state;
    default:
      return state satisfies never;
  }
}
