import { describe, expect, it } from 'vitest';
import { initialState, reduce, type LoginEvent, type LoginState } from '../../src/flows/loginFlow';
import {
  A,
  cancelledError,
  describeFlowTable,
  loginChallenge,
  networkError,
  noGestureError,
} from './flowTable';

const states: Record<string, LoginState> = {
  idle: { status: 'idle', attempt: A, prefetching: false },
  'idle-prefetching': { status: 'idle', attempt: A, prefetching: true },
  'idle-prefetched': { status: 'idle', attempt: A, prefetching: false, challenge: loginChallenge },
  'fetching-challenge': { status: 'fetching-challenge', attempt: A },
  'awaiting-authenticator': { status: 'awaiting-authenticator', attempt: A, challenge: loginChallenge },
  submitting: { status: 'submitting', attempt: A },
  success: { status: 'success', attempt: A },
  'error-fetching': { status: 'error', attempt: A, step: 'fetching-challenge', error: networkError },
  'error-no-gesture': {
    status: 'error',
    attempt: A,
    step: 'awaiting-authenticator',
    error: noGestureError,
    challenge: loginChallenge,
  },
};

const events: Record<string, (attempt: number) => LoginEvent> = {
  prefetch: () => ({ type: 'prefetch' }),
  start: () => ({ type: 'start' }),
  'challenge-received': (attempt) => ({ type: 'challenge-received', attempt, challenge: loginChallenge }),
  signed: (attempt) => ({ type: 'signed', attempt }),
  'logged-in': (attempt) => ({ type: 'logged-in', attempt }),
  failed: (attempt) => ({ type: 'failed', attempt, error: networkError }),
  'failed-no-gesture': (attempt) => ({ type: 'failed', attempt, error: noGestureError }),
  'failed-cancelled': (attempt) => ({ type: 'failed', attempt, error: cancelledError }),
  retry: () => ({ type: 'retry' }),
  continue: () => ({ type: 'continue' }),
  'autofill-signed': () => ({ type: 'autofill-signed' }),
  reset: () => ({ type: 'reset' }),
};

const idleNext: LoginState = { status: 'idle', attempt: A + 1, prefetching: false };
const reset = Object.keys(states).map((from) => [from, 'reset', idleNext] as const);
const fetching: LoginState = { status: 'fetching-challenge', attempt: A + 1 };
const awaiting: LoginState = { status: 'awaiting-authenticator', attempt: A + 1, challenge: loginChallenge };
const prefetchDone: LoginState = { status: 'idle', attempt: A, prefetching: false };

describe('login flow', () => {
  it('starts idle at attempt 0 with nothing prefetched', () => {
    expect(initialState).toEqual({ status: 'idle', attempt: 0, prefetching: false });
  });

  describeFlowTable({
    reduce,
    states,
    events,
    transitions: [
      ...reset,
      ['idle', 'prefetch', { status: 'idle', attempt: A + 1, prefetching: true }],
      ['idle', 'start', fetching],
      ['idle', 'autofill-signed', { status: 'submitting', attempt: A + 1 }],
      ['idle-prefetching', 'autofill-signed', { status: 'submitting', attempt: A + 1 }],
      ['idle-prefetched', 'autofill-signed', { status: 'submitting', attempt: A + 1 }],
      ['idle-prefetching', 'prefetch', { status: 'idle', attempt: A + 1, prefetching: true }],
      ['idle-prefetching', 'start', fetching],
      ['idle-prefetching', 'challenge-received', { ...prefetchDone, challenge: loginChallenge }],
      ['idle-prefetching', 'failed', prefetchDone],
      ['idle-prefetching', 'failed-no-gesture', prefetchDone],
      ['idle-prefetching', 'failed-cancelled', prefetchDone],
      ['idle-prefetched', 'prefetch', { status: 'idle', attempt: A + 1, prefetching: true }],
      ['idle-prefetched', 'start', awaiting],
      ['fetching-challenge', 'challenge-received', awaiting],
      ['fetching-challenge', 'failed', { status: 'error', attempt: A, step: 'fetching-challenge', error: networkError }],
      [
        'fetching-challenge',
        'failed-no-gesture',
        { status: 'error', attempt: A, step: 'fetching-challenge', error: noGestureError },
      ],
      [
        'fetching-challenge',
        'failed-cancelled',
        { status: 'error', attempt: A, step: 'fetching-challenge', error: cancelledError },
      ],
      ['awaiting-authenticator', 'signed', { status: 'submitting', attempt: A + 1 }],
      [
        'awaiting-authenticator',
        'failed',
        { status: 'error', attempt: A, step: 'awaiting-authenticator', error: networkError },
      ],
      [
        'awaiting-authenticator',
        'failed-no-gesture',
        { status: 'error', attempt: A, step: 'awaiting-authenticator', error: noGestureError, challenge: loginChallenge },
      ],
      [
        'awaiting-authenticator',
        'failed-cancelled',
        { status: 'error', attempt: A, step: 'awaiting-authenticator', error: cancelledError },
      ],
      ['submitting', 'logged-in', { status: 'success', attempt: A }],
      ['submitting', 'failed', { status: 'error', attempt: A, step: 'submitting', error: networkError }],
      ['submitting', 'failed-no-gesture', { status: 'error', attempt: A, step: 'submitting', error: noGestureError }],
      ['submitting', 'failed-cancelled', { status: 'error', attempt: A, step: 'submitting', error: cancelledError }],
      ['error-fetching', 'retry', fetching],
      ['error-no-gesture', 'retry', fetching],
      ['error-no-gesture', 'continue', awaiting],
    ],
  });

  it('opens the passkey prompt at once when the challenge was prefetched before the click', () => {
    let state = reduce(initialState, { type: 'prefetch' });
    state = reduce(state, { type: 'challenge-received', attempt: state.attempt, challenge: loginChallenge });
    state = reduce(state, { type: 'start' });
    expect(state).toEqual({ status: 'awaiting-authenticator', attempt: 2, challenge: loginChallenge });
  });

  it('drops a prefetched challenge that arrives after the click started its own fetch', () => {
    const prefetching = reduce(initialState, { type: 'prefetch' });
    const fetchingState = reduce(prefetching, { type: 'start' });
    const late = { type: 'challenge-received', attempt: prefetching.attempt, challenge: loginChallenge } as const;
    expect(reduce(fetchingState, late)).toBe(fetchingState);
  });

  it('drops a late result after reset', () => {
    const fetchingState = reduce(initialState, { type: 'start' });
    const idle = reduce(fetchingState, { type: 'reset' });
    const late = { type: 'challenge-received', attempt: fetchingState.attempt, challenge: loginChallenge } as const;
    expect(reduce(idle, late)).toBe(idle);
  });

  it('fetches a fresh challenge on retry, even when the failed one was kept for Continue', () => {
    const error = states['error-no-gesture']!;
    const next = reduce(error, { type: 'retry' });
    expect(next).toEqual({ status: 'fetching-challenge', attempt: A + 1 });
    expect(next).not.toHaveProperty('challenge');
  });
});
