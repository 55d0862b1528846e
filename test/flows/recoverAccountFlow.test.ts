import { describe, expect, it } from 'vitest';
import {
  initialState,
  reduce,
  type RecoverAccountEvent,
  type RecoverAccountState,
  type RecoverAccountStep,
} from '../../src/flows/recoverAccountFlow';
import {
  A,
  describeFlowTable,
  networkError,
  noGestureError,
  recoveryChallenge as challenge,
  recoveryKit,
  user,
  wrongCodeError,
} from './flowTable';

const errorIn = (step: RecoverAccountStep, error = networkError): RecoverAccountState => ({
  status: 'error',
  attempt: A,
  step,
  error,
});

const states: Record<string, RecoverAccountState> = {
  idle: { status: 'idle', attempt: A },
  'sending-code': { status: 'sending-code', attempt: A },
  'code-sent': { status: 'code-sent', attempt: A },
  'fetching-challenge': { status: 'fetching-challenge', attempt: A },
  'unlocking-recovery-key': { status: 'unlocking-recovery-key', attempt: A, challenge },
  'awaiting-authenticator': { status: 'awaiting-authenticator', attempt: A, challenge },
  'signing-with-recovery-key': { status: 'signing-with-recovery-key', attempt: A },
  submitting: { status: 'submitting', attempt: A },
  'showing-kit-then-login': { status: 'showing-recovery-kit', attempt: A, user, recoveryKit, then: 'log-in' },
  'showing-kit-then-done': { status: 'showing-recovery-kit', attempt: A, user, recoveryKit, then: 'done' },
  'logging-in': { status: 'logging-in', attempt: A, user },
  success: { status: 'success', attempt: A, user, loggedIn: false },
  'error-sending-code': errorIn('sending-code'),
  'error-fetching-challenge': errorIn('fetching-challenge'),
  'error-unlocking': errorIn('unlocking-recovery-key', wrongCodeError),
  'error-no-gesture': { status: 'error', attempt: A, step: 'awaiting-authenticator', error: noGestureError, challenge },
  'error-signing': errorIn('signing-with-recovery-key'),
  'error-submitting': errorIn('submitting'),
  'error-logging-in': { status: 'error', attempt: A, step: 'logging-in', error: networkError, user },
};

const events: Record<string, (attempt: number) => RecoverAccountEvent> = {
  'send-code': () => ({ type: 'send-code' }),
  'code-sent': (attempt) => ({ type: 'code-sent', attempt }),
  'have-code': () => ({ type: 'have-code' }),
  'codes-entered': () => ({ type: 'codes-entered' }),
  'edit-codes': () => ({ type: 'edit-codes' }),
  'challenge-received': (attempt) => ({ type: 'challenge-received', attempt, challenge }),
  'recovery-key-unlocked': (attempt) => ({ type: 'recovery-key-unlocked', attempt }),
  'passkey-created': (attempt) => ({ type: 'passkey-created', attempt }),
  signed: (attempt) => ({ type: 'signed', attempt }),
  'recovered-with-kit': (attempt) => ({ type: 'recovered', attempt, user, recoveryKit, then: 'done' }),
  'recovered-then-login': (attempt) => ({ type: 'recovered', attempt, user, then: 'log-in' }),
  'kit-saved': () => ({ type: 'kit-saved' }),
  'logged-in': (attempt) => ({ type: 'logged-in', attempt }),
  failed: (attempt) => ({ type: 'failed', attempt, error: networkError }),
  'failed-no-gesture': (attempt) => ({ type: 'failed', attempt, error: noGestureError }),
  retry: () => ({ type: 'retry' }),
  continue: () => ({ type: 'continue' }),
  reset: () => ({ type: 'reset' }),
};

const reset = Object.keys(states)
  .filter((from) => !from.startsWith('showing-kit'))
  .map((from) => [from, 'reset', { status: 'idle', attempt: A + 1 }] as const);
const next = <S extends RecoverAccountState['status']>(status: S) => ({ status, attempt: A + 1 }) as RecoverAccountState;
const errorNow = (step: RecoverAccountStep) => ({
  failed: [step, 'failed', errorIn(step)] as const,
  gesture: [step, 'failed-no-gesture', errorIn(step, noGestureError)] as const,
});
const loggingIn: RecoverAccountState = { status: 'logging-in', attempt: A + 1, user };
const editable = ['error-fetching-challenge', 'error-unlocking', 'error-no-gesture', 'error-signing', 'error-submitting'];

describe('recover account flow', () => {
  it('starts idle at attempt 0', () => {
    expect(initialState).toEqual({ status: 'idle', attempt: 0 });
  });

  describeFlowTable({
    reduce,
    states,
    events,
    transitions: [
      ...reset,
      ['idle', 'send-code', next('sending-code')],
      ['idle', 'have-code', next('code-sent')],
      ['sending-code', 'code-sent', { status: 'code-sent', attempt: A }],
      errorNow('sending-code').failed,
      errorNow('sending-code').gesture,
      ['code-sent', 'send-code', next('sending-code')],
      ['code-sent', 'codes-entered', next('fetching-challenge')],
      ['fetching-challenge', 'challenge-received', { status: 'unlocking-recovery-key', attempt: A + 1, challenge }],
      errorNow('fetching-challenge').failed,
      errorNow('fetching-challenge').gesture,
      [
        'unlocking-recovery-key',
        'recovery-key-unlocked',
        { status: 'awaiting-authenticator', attempt: A + 1, challenge },
      ],
      errorNow('unlocking-recovery-key').failed,
      errorNow('unlocking-recovery-key').gesture,
      ['awaiting-authenticator', 'passkey-created', next('signing-with-recovery-key')],
      errorNow('awaiting-authenticator').failed,
      [
        'awaiting-authenticator',
        'failed-no-gesture',
        { status: 'error', attempt: A, step: 'awaiting-authenticator', error: noGestureError, challenge },
      ],
      ['signing-with-recovery-key', 'signed', next('submitting')],
      errorNow('signing-with-recovery-key').failed,
      errorNow('signing-with-recovery-key').gesture,
      [
        'submitting',
        'recovered-with-kit',
        { status: 'showing-recovery-kit', attempt: A, user, recoveryKit, then: 'done' },
      ],
      ['submitting', 'recovered-then-login', loggingIn],
      errorNow('submitting').failed,
      errorNow('submitting').gesture,
      ['showing-kit-then-login', 'kit-saved', loggingIn],
      ['showing-kit-then-done', 'kit-saved', { status: 'success', attempt: A, user, loggedIn: false }],
      ['logging-in', 'logged-in', { status: 'success', attempt: A, user, loggedIn: true }],
      ['logging-in', 'failed', { status: 'error', attempt: A, step: 'logging-in', error: networkError, user }],
      ['logging-in', 'failed-no-gesture', { status: 'error', attempt: A, step: 'logging-in', error: noGestureError, user }],
      ['error-sending-code', 'retry', next('sending-code')],
      ['error-fetching-challenge', 'retry', next('fetching-challenge')],
      ['error-unlocking', 'retry', next('code-sent')],
      ['error-no-gesture', 'retry', next('fetching-challenge')],
      ['error-no-gesture', 'continue', { status: 'awaiting-authenticator', attempt: A + 1, challenge }],
      ['error-signing', 'retry', next('fetching-challenge')],
      ['error-submitting', 'retry', next('fetching-challenge')],
      ['error-logging-in', 'retry', loggingIn],
      ...editable.map((from) => [from, 'edit-codes', next('code-sent')] as const),
    ],
  });

  it('unlocks the recovery key before any passkey prompt', () => {
    let state = reduce(states['code-sent']!, { type: 'codes-entered' });
    state = reduce(state, { type: 'challenge-received', attempt: state.attempt, challenge });
    expect(state.status).toBe('unlocking-recovery-key');
  });

  it('sends the user back to the form after a wrong recovery code, since retrying unchanged cannot help', () => {
    const failed = reduce(states['unlocking-recovery-key']!, { type: 'failed', attempt: A, error: wrongCodeError });
    expect(failed).toMatchObject({ status: 'error', step: 'unlocking-recovery-key' });
    expect(reduce(failed, { type: 'retry' })).toEqual({ status: 'code-sent', attempt: A + 1 });
  });

  it('clears the new recovery kit from state once the user has saved it', () => {
    const saved = reduce(states['showing-kit-then-done']!, { type: 'kit-saved' });
    expect(JSON.stringify(saved)).not.toContain(recoveryKit.recoveryCode);
  });

  it('never holds the typed codes: no event of the form carries them', () => {
    const entered = reduce(states['code-sent']!, { type: 'codes-entered' });
    expect(Object.keys(entered).sort()).toEqual(['attempt', 'status']);
  });
});
