/**
 * Account recovery with a recovery key: `POST /auth/recover/user/code` (email) → the user types
 * the verification code, recovery code and recovery key id → `POST /auth/recover/user/init` →
 * decrypt the old recovery key → `create()` a new passkey → make a new recovery key and sign
 * `newCredentials` with the old one → `POST /auth/recover/user` → the new recovery kit → an
 * optional login. A pure reducer; `useRecoverAccount` runs the I/O and keeps the typed codes
 * and the decrypted key in closures: none of them ever enters this state.
 */
import type { RecoveryChallenge, RegisteredUser } from '../api/types';
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
} from './flowState';

/** Steps of the recovery flow that can fail. */
export type RecoverAccountStep =
  | 'sending-code'
  | 'fetching-challenge'
  | 'unlocking-recovery-key'
  | 'awaiting-authenticator'
  | 'signing-with-recovery-key'
  | 'submitting'
  | 'logging-in';

/** What follows a successful recovery: `log-in` (autoLogin, another passkey prompt) or `done`. */
export type AfterRecovery = 'log-in' | 'done';

/** State of the recovery flow, discriminated on `status`. */
export type RecoverAccountState =
  | { status: 'idle'; attempt: number }
  | { status: 'sending-code'; attempt: number }
  /** Waiting for the user to type the emailed verification code, the recovery code and key id. */
  | { status: 'code-sent'; attempt: number }
  | { status: 'fetching-challenge'; attempt: number }
  /** Decrypting the old recovery key, before any passkey prompt, so a wrong code fails early. */
  | { status: 'unlocking-recovery-key'; attempt: number; challenge: RecoveryChallenge }
  | { status: 'awaiting-authenticator'; attempt: number; challenge: RecoveryChallenge }
  /** Making the new recovery key and signing `newCredentials` with the old one. */
  | { status: 'signing-with-recovery-key'; attempt: number }
  | { status: 'submitting'; attempt: number }
  /**
   * The account is recovered and the NEW recovery kit is shown once. The kit (a secret) lives
   * here only because the UI must display it; every way out of this status drops it.
   */
  | {
      status: 'showing-recovery-kit';
      attempt: number;
      user: RegisteredUser;
      recoveryKit: RecoveryKit;
      then: AfterRecovery;
    }
  | { status: 'logging-in'; attempt: number; user: RegisteredUser }
  | { status: 'success'; attempt: number; user: RegisteredUser; loggedIn: boolean }
  | (FlowErrorState<RecoverAccountStep, RecoveryChallenge> & {
      /** Set when the recovery itself succeeded and only the login after it failed. */
      user?: RegisteredUser | undefined;
    });

/** Events of the recovery flow, discriminated on `type`. */
export type RecoverAccountEvent =
  /** Send (or send again) the verification code by email. */
  | { type: 'send-code' }
  | { type: 'code-sent'; attempt: number }
  /** The user already has a verification code: go straight to the form. */
  | { type: 'have-code' }
  /** The user submitted the form; the codes themselves stay with the hook. */
  | { type: 'codes-entered' }
  /** From an error: back to the form, to correct what was typed. */
  | { type: 'edit-codes' }
  | ChallengeReceivedEvent<RecoveryChallenge>
  | { type: 'recovery-key-unlocked'; attempt: number }
  | { type: 'passkey-created'; attempt: number }
  | { type: 'signed'; attempt: number }
  /** Dfns replaced the user's credentials; `recoveryKit` is set when a new recovery key was registered. */
  | {
      type: 'recovered';
      attempt: number;
      user: RegisteredUser;
      recoveryKit?: RecoveryKit | undefined;
      then: AfterRecovery;
    }
  /** The user confirmed "I have saved it". */
  | { type: 'kit-saved' }
  | { type: 'logged-in'; attempt: number }
  | FailedEvent
  | RetryEvent
  | ContinueEvent
  | ResetEvent;

/** Where every recovery flow starts. */
export const initialState: RecoverAccountState = { status: 'idle', attempt: 0 };

/** The state after recovery (and, if shown, the kit): log in, or finish. */
function afterRecovery(attempt: number, user: RegisteredUser, then: AfterRecovery): RecoverAccountState {
  switch (then) {
    case 'log-in':
      return { status: 'logging-in', attempt: attempt + 1, user };
    case 'done':
      return { status: 'success', attempt, user, loggedIn: false };
    default:
      return then satisfies never;
  }
}

/** Where `retry` goes from an error in `step`. */
function retryFrom(state: Extract<RecoverAccountState, { status: 'error' }>): RecoverAccountState {
  const attempt = state.attempt + 1;
  switch (state.step) {
    case 'sending-code':
      return { status: 'sending-code', attempt };
    // Unlocking fails on a mistyped recovery code or key id: trying again unchanged cannot help.
    case 'unlocking-recovery-key':
      return { status: 'code-sent', attempt };
    case 'logging-in':
      return state.user ? { status: 'logging-in', attempt, user: state.user } : { status: 'idle', attempt };
    case 'fetching-challenge':
    case 'awaiting-authenticator':
    case 'signing-with-recovery-key':
    case 'submitting':
      return { status: 'fetching-challenge', attempt };
    default:
      return state.step satisfies never;
  }
}

/** The next recovery state; unchanged (same reference) for illegal or stale events. */
export function reduce(state: RecoverAccountState, event: RecoverAccountEvent): RecoverAccountState {
  if (isStale(state, event)) return state;
  if (event.type === 'reset') {
    // The new recovery key is already registered: dropping its kit unseen would lock the user out again.
    if (state.status === 'showing-recovery-kit') return state;
    return { status: 'idle', attempt: state.attempt + 1 };
  }
  switch (state.status) {
    case 'idle':
      if (event.type === 'send-code') return { status: 'sending-code', attempt: state.attempt + 1 };
      if (event.type === 'have-code') return { status: 'code-sent', attempt: state.attempt + 1 };
      return state;
    case 'sending-code':
      if (event.type === 'code-sent') return { status: 'code-sent', attempt: state.attempt };
      if (event.type === 'failed') return failedAt('sending-code', state.attempt, event.error);
      return state;
    case 'code-sent':
      if (event.type === 'send-code') return { status: 'sending-code', attempt: state.attempt + 1 };
      if (event.type === 'codes-entered') return { status: 'fetching-challenge', attempt: state.attempt + 1 };
      return state;
    case 'fetching-challenge':
      if (event.type === 'challenge-received') {
        return { status: 'unlocking-recovery-key', attempt: state.attempt + 1, challenge: event.challenge };
      }
      if (event.type === 'failed') return failedAt('fetching-challenge', state.attempt, event.error);
      return state;
    case 'unlocking-recovery-key':
      if (event.type === 'recovery-key-unlocked') {
        return { status: 'awaiting-authenticator', attempt: state.attempt + 1, challenge: state.challenge };
      }
      if (event.type === 'failed') return failedAt('unlocking-recovery-key', state.attempt, event.error);
      return state;
    case 'awaiting-authenticator':
      if (event.type === 'passkey-created') return { status: 'signing-with-recovery-key', attempt: state.attempt + 1 };
      if (event.type === 'failed') {
        return failedAt('awaiting-authenticator', state.attempt, event.error, state.challenge);
      }
      return state;
    case 'signing-with-recovery-key':
      if (event.type === 'signed') return { status: 'submitting', attempt: state.attempt + 1 };
      if (event.type === 'failed') return failedAt('signing-with-recovery-key', state.attempt, event.error);
      return state;
    case 'submitting':
      if (event.type === 'recovered') {
        return event.recoveryKit
          ? {
              status: 'showing-recovery-kit',
              attempt: state.attempt,
              user: event.user,
              recoveryKit: event.recoveryKit,
              then: event.then,
            }
          : afterRecovery(state.attempt, event.user, event.then);
      }
      if (event.type === 'failed') return failedAt('submitting', state.attempt, event.error);
      return state;
    case 'showing-recovery-kit':
      if (event.type === 'kit-saved') return afterRecovery(state.attempt, state.user, state.then);
      return state;
    case 'logging-in':
      if (event.type === 'logged-in') return { status: 'success', attempt: state.attempt, user: state.user, loggedIn: true };
      if (event.type === 'failed') return { ...failedAt('logging-in', state.attempt, event.error), user: state.user };
      return state;
    case 'success':
      return state;
    case 'error':
      if (event.type === 'retry') return retryFrom(state);
      // Editing the codes only makes sense before the account was recovered.
      if (event.type === 'edit-codes' && state.step !== 'logging-in' && state.step !== 'sending-code') {
        return { status: 'code-sent', attempt: state.attempt + 1 };
      }
      if (event.type === 'continue' && state.challenge) {
        return { status: 'awaiting-authenticator', attempt: state.attempt + 1, challenge: state.challenge };
      }
      return state;
    default:
      return state satisfies never;
  }
}
