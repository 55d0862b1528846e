/**
 * Social sign-in with a passkey behind it: the app's id token → `POST /auth/login/social` (a known
 * person is signed in: one request) → on 401, `POST /auth/registration/social` → a passkey (and a
 * recovery key signing the same challenge) → `POST /auth/registration/enduser` with wallets, which
 * signs the new user in → the recovery kit. A pure reducer; `useSocialSignIn` runs the I/O.
 */
import type { RegisteredUser, RegistrationChallenge } from '../api/types';
import {
  failedAt,
  isStale,
  type ChallengeReceivedEvent,
  type ContinueEvent,
  type FailedEvent,
  type FlowErrorState,
  type RecoveryKit,
  type ResetEvent,
  type RetryEvent,
  type StartEvent,
} from './flowState';

/** Steps of social sign-in that can fail. */
export type SocialSignInStep = 'awaiting-id-token' | 'signing-in' | 'fetching-challenge' | 'awaiting-authenticator' | 'submitting';

/** How the person got in: signed in to an existing account, or registered a new one with a passkey. */
export type SocialSignInOutcome = 'signed-in' | 'registered';

/** State of social sign-in, discriminated on `status`. */
export type SocialSignInState =
  | { status: 'idle'; attempt: number }
  /** The app's `getIdToken()` runs (e.g. the Google sign-in popup). */
  | { status: 'awaiting-id-token'; attempt: number }
  /** `POST /auth/login/social` with the id token. */
  | { status: 'signing-in'; attempt: number }
  /** Dfns does not know this person (401): `POST /auth/registration/social`. */
  | { status: 'fetching-challenge'; attempt: number }
  | { status: 'awaiting-authenticator'; attempt: number; challenge: RegistrationChallenge }
  /** The hook makes the recovery key (if any) and completes the end-user registration. */
  | { status: 'submitting'; attempt: number }
  /** The new account is signed in; its recovery kit is shown once before the flow ends. */
  | { status: 'showing-recovery-kit'; attempt: number; user: RegisteredUser; recoveryKit: RecoveryKit }
  | { status: 'success'; attempt: number; outcome: SocialSignInOutcome; user?: RegisteredUser | undefined }
  | FlowErrorState<SocialSignInStep, RegistrationChallenge>;

/** Events of social sign-in, discriminated on `type`. */
export type SocialSignInEvent =
  | StartEvent
  /** The app handed over an id token; it stays with the hook. */
  | { type: 'id-token-received'; attempt: number }
  /** `/auth/login/social` answered a token; it stays with the hook. */
  | { type: 'signed-in'; attempt: number }
  /** `/auth/login/social` answered 401: a person Dfns does not know yet. */
  | { type: 'unknown-user'; attempt: number }
  | ChallengeReceivedEvent<RegistrationChallenge>
  /** The authenticator created the passkey; the attestation stays with the hook. */
  | { type: 'passkey-created'; attempt: number }
  /** Dfns registered and signed in the new user; `recoveryKit` when a recovery key was registered too. */
  | { type: 'registered'; attempt: number; user: RegisteredUser; recoveryKit?: RecoveryKit | undefined }
  /** The user confirmed "I have saved it". */
  | { type: 'kit-saved' }
  | FailedEvent
  | RetryEvent
  | ContinueEvent
  | ResetEvent;

/** Where social sign-in starts. */
export const initialSocialSignInState: SocialSignInState = { status: 'idle', attempt: 0 };

/** Steps of the registration half: a retry there starts the registration again, not the sign-in. */
const REGISTRATION_STEPS: ReadonlySet<SocialSignInStep> = new Set(['fetching-challenge', 'awaiting-authenticator', 'submitting']);

/** The next social sign-in state; unchanged (same reference) for illegal or stale events. */
export function reduceSocialSignIn(state: SocialSignInState, event: SocialSignInEvent): SocialSignInState {
  if (isStale(state, event)) return state;
  if (event.type === 'reset') {
    // The account exists already: dropping its kit unseen would leave a recovery key nobody can use.
    if (state.status === 'showing-recovery-kit') return state;
    return { status: 'idle', attempt: state.attempt + 1 };
  }
  switch (state.status) {
    case 'idle':
      return event.type === 'start' ? { status: 'awaiting-id-token', attempt: state.attempt + 1 } : state;
    case 'awaiting-id-token':
      if (event.type === 'id-token-received') return { status: 'signing-in', attempt: state.attempt + 1 };
      if (event.type === 'failed') return failedAt('awaiting-id-token', state.attempt, event.error);
      return state;
    case 'signing-in':
      if (event.type === 'signed-in') return { status: 'success', attempt: state.attempt, outcome: 'signed-in' };
      if (event.type === 'unknown-user') return { status: 'fetching-challenge', attempt: state.attempt + 1 };
      if (event.type === 'failed') return failedAt('signing-in', state.attempt, event.error);
      return state;
    case 'fetching-challenge':
      if (event.type === 'challenge-received') {
        return { status: 'awaiting-authenticator', attempt: state.attempt + 1, challenge: event.challenge };
      }
      if (event.type === 'failed') return failedAt('fetching-challenge', state.attempt, event.error);
      return state;
    case 'awaiting-authenticator':
      if (event.type === 'passkey-created') return { status: 'submitting', attempt: state.attempt + 1 };
      if (event.type === 'failed') return failedAt('awaiting-authenticator', state.attempt, event.error, state.challenge);
      return state;
    case 'submitting':
      if (event.type === 'registered') {
        return event.recoveryKit
          ? { status: 'showing-recovery-kit', attempt: state.attempt, user: event.user, recoveryKit: event.recoveryKit }
          : { status: 'success', attempt: state.attempt, outcome: 'registered', user: event.user };
      }
      if (event.type === 'failed') return failedAt('submitting', state.attempt, event.error);
      return state;
    case 'showing-recovery-kit':
      if (event.type === 'kit-saved') return { status: 'success', attempt: state.attempt, outcome: 'registered', user: state.user };
      return state;
    case 'success':
      return state;
    case 'error':
      if (event.type === 'retry') {
        // A failed registration step starts the registration again (a fresh challenge), not the sign-in.
        return REGISTRATION_STEPS.has(state.step)
          ? { status: 'fetching-challenge', attempt: state.attempt + 1 }
          : { status: 'awaiting-id-token', attempt: state.attempt + 1 };
      }
      if (event.type === 'continue' && state.challenge) {
        return { status: 'awaiting-authenticator', attempt: state.attempt + 1, challenge: state.challenge };
      }
      return state;
    default:
      return state satisfies never;
  }
}
