import { describe, expect, it } from 'vitest';
import { DfnsAuthError } from '../../src/errors';
import {
  initialState,
  reduce,
  type AddPasskeyWithCodeEvent,
  type AddPasskeyWithCodeState,
} from '../../src/flows/addPasskeyWithCodeFlow';
import { A, cancelledError, credential, describeFlowTable, fido2CredentialChallenge as challenge, networkError } from './flowTable';

const added = { credential, username: 'alice@example.com' };
const expiredCode = new DfnsAuthError('credential_code_expired', 'spent');

const states: Record<string, AddPasskeyWithCodeState> = {
  idle: { status: 'idle', attempt: A },
  'fetching-challenge': { status: 'fetching-challenge', attempt: A },
  'awaiting-authenticator': { status: 'awaiting-authenticator', attempt: A, challenge },
  submitting: { status: 'submitting', attempt: A, challenge },
  'logging-in': { status: 'logging-in', attempt: A, added },
  success: { status: 'success', attempt: A, added, signedIn: false },
  'error-code': { status: 'error', attempt: A, step: 'fetching-challenge', error: expiredCode },
  'error-prompt': { status: 'error', attempt: A, step: 'awaiting-authenticator', error: cancelledError, challenge },
  'error-login': { status: 'error', attempt: A, step: 'logging-in', error: networkError, added },
};

const events: Record<string, (attempt: number) => AddPasskeyWithCodeEvent> = {
  start: () => ({ type: 'start' }),
  challenge: (attempt) => ({ type: 'challenge-received', attempt, challenge }),
  'passkey-created': (attempt) => ({ type: 'passkey-created', attempt }),
  added: (attempt) => ({ type: 'added', attempt, added, then: 'done' }),
  'added-then-log-in': (attempt) => ({ type: 'added', attempt, added, then: 'log-in' }),
  'logged-in': (attempt) => ({ type: 'logged-in', attempt }),
  failed: (attempt) => ({ type: 'failed', attempt, error: networkError }),
  retry: () => ({ type: 'retry' }),
  continue: () => ({ type: 'continue' }),
  reset: () => ({ type: 'reset' }),
};

const awaiting: AddPasskeyWithCodeState = { status: 'awaiting-authenticator', attempt: A + 1, challenge };
const loggingIn: AddPasskeyWithCodeState = { status: 'logging-in', attempt: A + 1, added };

describe('add passkey with code flow (new device)', () => {
  it('starts idle at attempt 0', () => {
    expect(initialState).toEqual({ status: 'idle', attempt: 0 });
  });

  describeFlowTable({
    reduce,
    states,
    events,
    transitions: [
      ...Object.keys(states).map((from) => [from, 'reset', { status: 'idle', attempt: A + 1 }] as const),
      ['idle', 'start', { status: 'fetching-challenge', attempt: A + 1 }],
      ['fetching-challenge', 'challenge', awaiting],
      ['fetching-challenge', 'failed', { status: 'error', attempt: A, step: 'fetching-challenge', error: networkError }],
      ['awaiting-authenticator', 'passkey-created', { status: 'submitting', attempt: A + 1, challenge }],
      ['awaiting-authenticator', 'failed', { status: 'error', attempt: A, step: 'awaiting-authenticator', error: networkError, challenge }],
      ['submitting', 'added', { status: 'success', attempt: A, added, signedIn: false }],
      ['submitting', 'added-then-log-in', loggingIn],
      ['submitting', 'failed', { status: 'error', attempt: A, step: 'submitting', error: networkError, challenge }],
      ['logging-in', 'logged-in', { status: 'success', attempt: A, added, signedIn: true }],
      ['logging-in', 'failed', { status: 'error', attempt: A, step: 'logging-in', error: networkError, added }],
      ['error-code', 'retry', { status: 'fetching-challenge', attempt: A + 1 }],
      ['error-prompt', 'retry', awaiting],
      ['error-prompt', 'continue', awaiting],
      ['error-login', 'retry', loggingIn],
      ['error-login', 'continue', loggingIn],
    ],
  });

  it('never goes back to the code once it bought a challenge: a failed prompt keeps the challenge', () => {
    const failed = reduce(states['awaiting-authenticator']!, { type: 'failed', attempt: A, error: cancelledError });
    expect(reduce(failed, { type: 'retry' })).toMatchObject({ status: 'awaiting-authenticator', challenge });
  });
});
