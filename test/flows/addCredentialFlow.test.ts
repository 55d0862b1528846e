import { describe, expect, it } from 'vitest';
import {
  initialState,
  reduce,
  type AddCredentialEvent,
  type AddCredentialState,
} from '../../src/flows/addCredentialFlow';
import {
  A,
  credential,
  describeFlowTable,
  fido2CredentialChallenge as passkeyChallenge,
  networkError,
  noGestureError,
  recoveryKeyCredentialChallenge as keyChallenge,
  recoveryKit,
} from './flowTable';

const states: Record<string, AddCredentialState> = {
  idle: { status: 'idle', attempt: A, prefetching: false },
  'idle-prefetching': { status: 'idle', attempt: A, prefetching: true },
  'idle-prefetched': { status: 'idle', attempt: A, prefetching: false, challenge: passkeyChallenge },
  'fetching-challenge': { status: 'fetching-challenge', attempt: A },
  'awaiting-authenticator': { status: 'awaiting-authenticator', attempt: A, challenge: passkeyChallenge },
  'creating-key': { status: 'creating-key', attempt: A, challenge: keyChallenge },
  'signing-user-action': { status: 'signing-user-action', attempt: A },
  submitting: { status: 'submitting', attempt: A },
  'showing-recovery-kit': { status: 'showing-recovery-kit', attempt: A, credential, recoveryKit },
  success: { status: 'success', attempt: A, credential },
  'error-submitting': { status: 'error', attempt: A, step: 'submitting', error: networkError },
  'error-signing-user-action': { status: 'error', attempt: A, step: 'signing-user-action', error: noGestureError },
  'error-no-gesture': {
    status: 'error',
    attempt: A,
    step: 'awaiting-authenticator',
    error: noGestureError,
    challenge: passkeyChallenge,
  },
};

const events: Record<string, (attempt: number) => AddCredentialEvent> = {
  prefetch: () => ({ type: 'prefetch' }),
  start: () => ({ type: 'start' }),
  'passkey-challenge': (attempt) => ({ type: 'challenge-received', attempt, challenge: passkeyChallenge }),
  'key-challenge': (attempt) => ({ type: 'challenge-received', attempt, challenge: keyChallenge }),
  'credential-created': (attempt) => ({ type: 'credential-created', attempt }),
  'user-action-signed': (attempt) => ({ type: 'user-action-signed', attempt }),
  created: (attempt) => ({ type: 'created', attempt, credential }),
  'created-with-kit': (attempt) => ({ type: 'created', attempt, credential, recoveryKit }),
  'kit-saved': () => ({ type: 'kit-saved' }),
  failed: (attempt) => ({ type: 'failed', attempt, error: networkError }),
  'failed-no-gesture': (attempt) => ({ type: 'failed', attempt, error: noGestureError }),
  retry: () => ({ type: 'retry' }),
  continue: () => ({ type: 'continue' }),
  reset: () => ({ type: 'reset' }),
};

const reset = Object.keys(states)
  .filter((from) => from !== 'showing-recovery-kit')
  .map((from) => [from, 'reset', { status: 'idle', attempt: A + 1, prefetching: false }] as const);
const fetching: AddCredentialState = { status: 'fetching-challenge', attempt: A + 1 };
const awaiting: AddCredentialState = { status: 'awaiting-authenticator', attempt: A + 1, challenge: passkeyChallenge };
const creatingKey: AddCredentialState = { status: 'creating-key', attempt: A + 1, challenge: keyChallenge };
const prefetching: AddCredentialState = { status: 'idle', attempt: A + 1, prefetching: true };
const prefetchDone: AddCredentialState = { status: 'idle', attempt: A, prefetching: false };
const signing: AddCredentialState = { status: 'signing-user-action', attempt: A + 1 };
type Step = 'fetching-challenge' | 'awaiting-authenticator' | 'creating-key' | 'signing-user-action' | 'submitting';
const errorAt = (step: Step, error = networkError) => ({ status: 'error', attempt: A, step, error }) as const;

describe('add credential flow', () => {
  it('starts idle at attempt 0', () => {
    expect(initialState).toEqual({ status: 'idle', attempt: 0, prefetching: false });
  });

  describeFlowTable({
    reduce,
    states,
    events,
    transitions: [
      ...reset,
      ['idle', 'prefetch', prefetching],
      ['idle', 'start', fetching],
      ['idle-prefetching', 'prefetch', prefetching],
      ['idle-prefetching', 'start', fetching],
      ['idle-prefetching', 'passkey-challenge', { ...prefetchDone, challenge: passkeyChallenge }],
      ['idle-prefetching', 'key-challenge', { ...prefetchDone, challenge: keyChallenge }],
      ['idle-prefetching', 'failed', prefetchDone],
      ['idle-prefetching', 'failed-no-gesture', prefetchDone],
      ['idle-prefetched', 'prefetch', prefetching],
      ['idle-prefetched', 'start', awaiting],
      ['fetching-challenge', 'passkey-challenge', awaiting],
      ['fetching-challenge', 'key-challenge', creatingKey],
      ['fetching-challenge', 'failed', errorAt('fetching-challenge')],
      ['fetching-challenge', 'failed-no-gesture', errorAt('fetching-challenge', noGestureError)],
      ['awaiting-authenticator', 'credential-created', signing],
      ['awaiting-authenticator', 'failed', errorAt('awaiting-authenticator')],
      [
        'awaiting-authenticator',
        'failed-no-gesture',
        { ...errorAt('awaiting-authenticator', noGestureError), challenge: passkeyChallenge },
      ],
      ['creating-key', 'credential-created', signing],
      ['creating-key', 'failed', errorAt('creating-key')],
      ['creating-key', 'failed-no-gesture', { ...errorAt('creating-key', noGestureError), challenge: keyChallenge }],
      ['signing-user-action', 'user-action-signed', { status: 'submitting', attempt: A + 1 }],
      ['signing-user-action', 'failed', errorAt('signing-user-action')],
      ['signing-user-action', 'failed-no-gesture', errorAt('signing-user-action', noGestureError)],
      ['submitting', 'created', { status: 'success', attempt: A, credential }],
      ['submitting', 'created-with-kit', { status: 'showing-recovery-kit', attempt: A, credential, recoveryKit }],
      ['submitting', 'failed', errorAt('submitting')],
      ['submitting', 'failed-no-gesture', errorAt('submitting', noGestureError)],
      ['showing-recovery-kit', 'kit-saved', { status: 'success', attempt: A, credential }],
      ['error-submitting', 'retry', fetching],
      ['error-signing-user-action', 'retry', signing],
      ['error-no-gesture', 'retry', fetching],
      ['error-no-gesture', 'continue', awaiting],
    ],
  });

  it('clears the recovery kit from state once the user has saved it', () => {
    const next = reduce(states['showing-recovery-kit']!, { type: 'kit-saved' });
    expect(JSON.stringify(next)).not.toContain(recoveryKit.recoveryCode);
  });

  it('signs the user action again from the retry click without making a second credential', () => {
    const next = reduce(states['error-signing-user-action']!, { type: 'retry' });
    expect(next.status).toBe('signing-user-action');
  });
});
