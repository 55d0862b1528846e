/**
 * The signed-in half of adding a passkey on another device or domain: a user action signed with
 * an existing passkey → `POST /auth/credentials/code` → the code shown until it expires, while the
 * hook watches the credential list for the passkey made with it. A pure reducer; the hook runs the I/O.
 */
import type { Credential } from '../api/types';
import { failedAt, isStale, type FailedEvent, type FlowErrorState, type ResetEvent, type RetryEvent } from './flowState';

/** Steps of the credential-code flow that can fail. */
export type CredentialCodeStep = 'signing-user-action' | 'submitting';

/** State of the credential-code flow, discriminated on `status`. */
export type CredentialCodeState =
  | { status: 'idle'; attempt: number }
  /** The passkey prompt that signs `POST /auth/credentials/code`. */
  | { status: 'signing-user-action'; attempt: number }
  | { status: 'submitting'; attempt: number }
  /**
   * The code is shown, to be typed on the other device. It lets anyone who has it add a passkey
   * to the account for its minute, so it lives here (the UI must show it) and in no cache.
   */
  | { status: 'showing-code'; attempt: number; code: string; expiresAt: number }
  /** The code's minute is over; a passkey begun with it may still arrive. */
  | { status: 'expired'; attempt: number }
  /** A credential made with the code appeared in the user's list. */
  | { status: 'success'; attempt: number; credential: Credential }
  | FlowErrorState<CredentialCodeStep, never>;

/** Events of the credential-code flow, discriminated on `type`. */
export type CredentialCodeEvent =
  /** The click: a code (again, from `showing-code` or `expired`: a new one). */
  | { type: 'start' }
  /** The user action is signed; the token stays with the hook. */
  | { type: 'user-action-signed'; attempt: number }
  | { type: 'code-received'; attempt: number; code: string; expiresAt: number }
  | { type: 'code-expired'; attempt: number }
  /** The list shows a credential that was not there when the code was asked for. */
  | { type: 'credential-added'; attempt: number; credential: Credential }
  | FailedEvent
  | RetryEvent
  | ResetEvent;

/** Where every credential-code flow starts. */
export const initialState: CredentialCodeState = { status: 'idle', attempt: 0 };

/** The next credential-code state; unchanged (same reference) for illegal or stale events. */
export function reduce(state: CredentialCodeState, event: CredentialCodeEvent): CredentialCodeState {
  if (isStale(state, event)) return state;
  if (event.type === 'reset') return { status: 'idle', attempt: state.attempt + 1 };
  switch (state.status) {
    case 'idle':
    case 'showing-code':
    case 'expired':
      if (event.type === 'start') return { status: 'signing-user-action', attempt: state.attempt + 1 };
      if (state.status === 'showing-code' && event.type === 'code-expired') return { status: 'expired', attempt: state.attempt };
      if (state.status !== 'idle' && event.type === 'credential-added') {
        return { status: 'success', attempt: state.attempt, credential: event.credential };
      }
      return state;
    case 'signing-user-action':
      if (event.type === 'user-action-signed') return { status: 'submitting', attempt: state.attempt + 1 };
      if (event.type === 'failed') return failedAt('signing-user-action', state.attempt, event.error);
      return state;
    case 'submitting':
      if (event.type === 'code-received') {
        return { status: 'showing-code', attempt: state.attempt, code: event.code, expiresAt: event.expiresAt };
      }
      if (event.type === 'failed') return failedAt('submitting', state.attempt, event.error);
      return state;
    case 'success':
      // Another device: a new code, from this click.
      if (event.type === 'start') return { status: 'signing-user-action', attempt: state.attempt + 1 };
      return state;
    case 'error':
      // Either step is redone from the signing prompt: a user action token is single use.
      if (event.type === 'retry' || event.type === 'start') return { status: 'signing-user-action', attempt: state.attempt + 1 };
      return state;
    default:
      return state satisfies never;
  }
}
