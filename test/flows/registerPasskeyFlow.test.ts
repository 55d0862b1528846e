import { describe, expect, it } from 'vitest';
import {
  initialState,
  reduce,
  type RegisterPasskeyEvent,
  type RegisterPasskeyState,
} from '../../src/flows/registerPasskeyFlow';
import {
  A,
  describeFlowTable,
  networkError,
  noGestureError,
  recoveryKit,
  registrationChallenge as challenge,
  user,
} from './flowTable';

const states: Record<string, RegisterPasskeyState> = {
  idle: { status: 'idle', attempt: A, prefetching: false },
  'idle-prefetching': { status: 'idle', attempt: A, prefetching: true },
  'idle-prefetched': { status: 'idle', attempt: A, prefetching: false, challenge },
  'fetching-challenge': { status: 'fetching-challenge', attempt: A },
  'awaiting-authenticator': { status: 'awaiting-authenticator', attempt: A, challenge },
  submitting: { status: 'submitting', attempt: A },
  'showing-kit-then-login': { status: 'showing-recovery-kit', attempt: A, user, recoveryKit, then: 'log-in' },
  'showing-kit-then-done': { status: 'showing-recovery-kit', attempt: A, user, recoveryKit, then: 'done' },
  'logging-in': { status: 'logging-in', attempt: A, user },
  success: { status: 'success', attempt: A, user, loggedIn: true },
  'error-submitting': { status: 'error', attempt: A, step: 'submitting', error: networkError },
  'error-no-gesture': { status: 'error', attempt: A, step: 'awaiting-authenticator', error: noGestureError, challenge },
  'error-logging-in': { status: 'error', attempt: A, step: 'logging-in', error: noGestureError, user },
};

const events: Record<string, (attempt: number) => RegisterPasskeyEvent> = {
  prefetch: () => ({ type: 'prefetch' }),
  start: () => ({ type: 'start' }),
  'challenge-received': (attempt) => ({ type: 'challenge-received', attempt, challenge }),
  'passkey-created': (attempt) => ({ type: 'passkey-created', attempt }),
  'registered-with-kit': (attempt) => ({ type: 'registered', attempt, user, recoveryKit, then: 'log-in' }),
  'registered-then-login': (attempt) => ({ type: 'registered', attempt, user, then: 'log-in' }),
  'registered-with-token': (attempt) => ({ type: 'registered', attempt, user, then: 'logged-in' }),
  'registered-done': (attempt) => ({ type: 'registered', attempt, user, then: 'done' }),
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
  .map((from) => [from, 'reset', { status: 'idle', attempt: A + 1, prefetching: false }] as const);
const fetching: RegisterPasskeyState = { status: 'fetching-challenge', attempt: A + 1 };
const awaiting: RegisterPasskeyState = { status: 'awaiting-authenticator', attempt: A + 1, challenge };
const prefetching: RegisterPasskeyState = { status: 'idle', attempt: A + 1, prefetching: true };
const prefetchDone: RegisterPasskeyState = { status: 'idle', attempt: A, prefetching: false };
const loggingIn: RegisterPasskeyState = { status: 'logging-in', attempt: A + 1, user };
const errorAt = (step: 'fetching-challenge' | 'awaiting-authenticator' | 'submitting', error = networkError) =>
  ({ status: 'error', attempt: A, step, error }) as const;

describe('register passkey flow', () => {
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
      ['idle-prefetching', 'challenge-received', { ...prefetchDone, challenge }],
      ['idle-prefetching', 'failed', prefetchDone],
      ['idle-prefetching', 'failed-no-gesture', prefetchDone],
      ['idle-prefetched', 'prefetch', prefetching],
      ['idle-prefetched', 'start', awaiting],
      ['fetching-challenge', 'challenge-received', awaiting],
      ['fetching-challenge', 'failed', errorAt('fetching-challenge')],
      ['fetching-challenge', 'failed-no-gesture', errorAt('fetching-challenge', noGestureError)],
      ['awaiting-authenticator', 'passkey-created', { status: 'submitting', attempt: A + 1 }],
      ['awaiting-authenticator', 'failed', errorAt('awaiting-authenticator')],
      ['awaiting-authenticator', 'failed-no-gesture', { ...errorAt('awaiting-authenticator', noGestureError), challenge }],
      [
        'submitting',
        'registered-with-kit',
        { status: 'showing-recovery-kit', attempt: A, user, recoveryKit, then: 'log-in' },
      ],
      ['submitting', 'registered-then-login', loggingIn],
      ['submitting', 'registered-with-token', { status: 'success', attempt: A, user, loggedIn: true }],
      ['submitting', 'registered-done', { status: 'success', attempt: A, user, loggedIn: false }],
      ['submitting', 'failed', errorAt('submitting')],
      ['submitting', 'failed-no-gesture', errorAt('submitting', noGestureError)],
      ['showing-kit-then-login', 'kit-saved', loggingIn],
      ['showing-kit-then-done', 'kit-saved', { status: 'success', attempt: A, user, loggedIn: false }],
      ['logging-in', 'logged-in', { status: 'success', attempt: A, user, loggedIn: true }],
      ['logging-in', 'failed', { status: 'error', attempt: A, step: 'logging-in', error: networkError, user }],
      [
        'logging-in',
        'failed-no-gesture',
        { status: 'error', attempt: A, step: 'logging-in', error: noGestureError, user },
      ],
      ['error-submitting', 'retry', fetching],
      ['error-no-gesture', 'retry', fetching],
      ['error-no-gesture', 'continue', awaiting],
      ['error-logging-in', 'retry', loggingIn],
    ],
  });

  it('clears the recovery kit from state once the user has saved it', () => {
    const next = reduce(states['showing-kit-then-login']!, { type: 'kit-saved' });
    expect(next).not.toHaveProperty('recoveryKit');
    expect(JSON.stringify(next)).not.toContain(recoveryKit.recoveryCode);
  });

  it('keeps the recovery kit on screen when reset arrives before the user saved it', () => {
    const showing = states['showing-kit-then-done']!;
    expect(reduce(showing, { type: 'reset' })).toBe(showing);
  });

  it('retries only the login when registration succeeded and the login after it failed', () => {
    expect(reduce(states['error-logging-in']!, { type: 'retry' })).toEqual({ status: 'logging-in', attempt: A + 1, user });
  });

  it('never puts the recovery code anywhere but the showing-recovery-kit state', () => {
    let state = reduce(initialState, { type: 'start' });
    state = reduce(state, { type: 'challenge-received', attempt: state.attempt, challenge });
    state = reduce(state, { type: 'passkey-created', attempt: state.attempt });
    state = reduce(state, { type: 'registered', attempt: state.attempt, user, recoveryKit, then: 'log-in' });
    expect(state.status).toBe('showing-recovery-kit');
    state = reduce(state, { type: 'kit-saved' });
    state = reduce(state, { type: 'logged-in', attempt: state.attempt });
    expect(state).toEqual({ status: 'success', attempt: 4, user, loggedIn: true });
  });
});
