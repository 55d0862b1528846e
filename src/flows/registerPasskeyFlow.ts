/**
 * The passkey registration flow: `POST /auth/registration/init` → `create()` (plus, optionally,
 * a new recovery key signing the same challenge) → `POST /auth/registration` → the recovery kit
 * → an optional login. A pure reducer; `useRegisterPasskey` runs the I/O.
 */
import type { RegisteredUser, RegistrationChallenge } from '../api/types';
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
  type RecoveryKit,
  type ResetEvent,
  type RetryEvent,
  type StartEvent,
} from './flowState';

/** Steps of the registration flow that can fail. */
export type RegisterPasskeyStep = 'fetching-challenge' | 'awaiting-authenticator' | 'submitting' | 'logging-in';

/**
 * What follows a successful registration: `log-in` (autoLogin, a second passkey prompt),
 * `logged-in` (end-user registration already returned a token) or `done` (the app logs in later).
 */
export type AfterRegistration = 'log-in' | 'logged-in' | 'done';

/** State of the registration flow, discriminated on `status`. */
export type RegisterPasskeyState =
  | {
      status: 'idle';
      attempt: number;
      /** A challenge is being fetched ahead of the click. */
      prefetching: boolean;
      /** A challenge fetched ahead of the click, so `create()` can run inside it. */
      challenge?: RegistrationChallenge | undefined;
    }
  | { status: 'fetching-challenge'; attempt: number }
  | { status: 'awaiting-authenticator'; attempt: number; challenge: RegistrationChallenge }
  /** The hook makes the recovery key (if any) and completes the registration. */
  | { status: 'submitting'; attempt: number }
  /**
   * The registration is done and its new recovery kit is shown once. The kit (a secret) lives
   * here only because the UI must display it; every way out of this status drops it.
   */
  | {
      status: 'showing-recovery-kit';
      attempt: number;
      user: RegisteredUser;
      recoveryKit: RecoveryKit;
      then: AfterRegistration;
    }
  | { status: 'logging-in'; attempt: number; user: RegisteredUser }
  | { status: 'success'; attempt: number; user: RegisteredUser; loggedIn: boolean }
  | (FlowErrorState<RegisterPasskeyStep, RegistrationChallenge> & {
      /** Set when the registration itself succeeded and only the login after it failed. */
      user?: RegisteredUser | undefined;
    });

/** Events of the registration flow, discriminated on `type`. */
export type RegisterPasskeyEvent =
  | PrefetchEvent
  | StartEvent
  | ChallengeReceivedEvent<RegistrationChallenge>
  /** The authenticator created the passkey; the attestation stays with the hook. */
  | { type: 'passkey-created'; attempt: number }
  /** Dfns registered the user; `recoveryKit` is set when a recovery key was registered with it. */
  | {
      type: 'registered';
      attempt: number;
      user: RegisteredUser;
      recoveryKit?: RecoveryKit | undefined;
      then: AfterRegistration;
    }
  /** The user confirmed "I have saved it". */
  | { type: 'kit-saved' }
  /** The login after registration succeeded; the token stays with the hook. */
  | { type: 'logged-in'; attempt: number }
  | FailedEvent
  | RetryEvent
  | ContinueEvent
  | ResetEvent;

/** Where every registration flow starts. */
export const initialState: RegisterPasskeyState = { status: 'idle', attempt: 0, prefetching: false };

/** The state after registration (and, if shown, the kit): log in, or finish. */
function afterRegistration(attempt: number, user: RegisteredUser, then: AfterRegistration): RegisterPasskeyState {
  switch (then) {
    case 'log-in':
      return { status: 'logging-in', attempt: attempt + 1, user };
    case 'logged-in':
      return { status: 'success', attempt, user, loggedIn: true };
    case 'done':
      return { status: 'success', attempt, user, loggedIn: false };
    default:
      return then satisfies never;
  }
}

/** The next registration state; unchanged (same reference) for illegal or stale events. */
export function reduce(state: RegisterPasskeyState, event: RegisterPasskeyEvent): RegisterPasskeyState {
  if (isStale(state, event)) return state;
  if (event.type === 'reset') {
    // The kit is already registered: dropping it unseen would leave a recovery key nobody can use.
    if (state.status === 'showing-recovery-kit') return state;
    return { status: 'idle', attempt: state.attempt + 1, prefetching: false };
  }
  switch (state.status) {
    case 'idle':
      return reduceIdle(state, event, awaitingAuthenticator);
    case 'fetching-challenge':
      return reduceFetchingChallenge(state, event, awaitingAuthenticator);
    case 'awaiting-authenticator':
      if (event.type === 'passkey-created') return { status: 'submitting', attempt: state.attempt + 1 };
      if (event.type === 'failed') {
        return failedAt('awaiting-authenticator', state.attempt, event.error, state.challenge);
      }
      return state;
    case 'submitting':
      if (event.type === 'registered') {
        return event.recoveryKit
          ? {
              status: 'showing-recovery-kit',
              attempt: state.attempt,
              user: event.user,
              recoveryKit: event.recoveryKit,
              then: event.then,
            }
          : afterRegistration(state.attempt, event.user, event.then);
      }
      if (event.type === 'failed') return failedAt('submitting', state.attempt, event.error);
      return state;
    case 'showing-recovery-kit':
      if (event.type === 'kit-saved') return afterRegistration(state.attempt, state.user, state.then);
      return state;
    case 'logging-in':
      if (event.type === 'logged-in') return { status: 'success', attempt: state.attempt, user: state.user, loggedIn: true };
      if (event.type === 'failed') return { ...failedAt('logging-in', state.attempt, event.error), user: state.user };
      return state;
    case 'success':
      return state;
    case 'error':
      if (event.type === 'retry') {
        // The user is registered already: only the login is tried again.
        return state.step === 'logging-in' && state.user
          ? { status: 'logging-in', attempt: state.attempt + 1, user: state.user }
          : { status: 'fetching-challenge', attempt: state.attempt + 1 };
      }
      if (event.type === 'continue' && state.challenge) {
        return { status: 'awaiting-authenticator', attempt: state.attempt + 1, challenge: state.challenge };
      }
      return state;
    default:
      return state satisfies never;
  }
}
