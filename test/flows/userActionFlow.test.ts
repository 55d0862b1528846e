import { describe, expect, it } from 'vitest';
import {
  initialState,
  reduce,
  type UserActionEvent,
  type UserActionState,
} from '../../src/flows/userActionFlow';
import { A, describeFlowTable, loginChallenge as challenge, networkError, noGestureError } from './flowTable';

const pending = { id: 'ap-1', status: 'Pending' };

const states: Record<string, UserActionState> = {
  idle: { status: 'idle', attempt: A, prefetching: false },
  'idle-prefetching': { status: 'idle', attempt: A, prefetching: true },
  'idle-prefetched': { status: 'idle', attempt: A, prefetching: false, challenge },
  'fetching-challenge': { status: 'fetching-challenge', attempt: A },
  'awaiting-authenticator': { status: 'awaiting-authenticator', attempt: A, challenge },
  submitting: { status: 'submitting', attempt: A },
  'awaiting-approval': { status: 'awaiting-approval', attempt: A, pending },
  success: { status: 'success', attempt: A },
  'error-submitting': { status: 'error', attempt: A, step: 'submitting', error: networkError },
  'error-no-gesture': {
    status: 'error',
    attempt: A,
    step: 'awaiting-authenticator',
    error: noGestureError,
    challenge,
  },
};

const events: Record<string, (attempt: number) => UserActionEvent> = {
  prefetch: () => ({ type: 'prefetch' }),
  start: () => ({ type: 'start' }),
  'challenge-received': (attempt) => ({ type: 'challenge-received', attempt, challenge }),
  signed: (attempt) => ({ type: 'signed', attempt }),
  completed: (attempt) => ({ type: 'completed', attempt }),
  'policy-pending': (attempt) => ({ type: 'policy-pending', attempt, pending }),
  approved: (attempt) => ({ type: 'approved', attempt }),
  failed: (attempt) => ({ type: 'failed', attempt, error: networkError }),
  'failed-no-gesture': (attempt) => ({ type: 'failed', attempt, error: noGestureError }),
  retry: () => ({ type: 'retry' }),
  continue: () => ({ type: 'continue' }),
  reset: () => ({ type: 'reset' }),
};

const reset = Object.keys(states).map(
  (from) => [from, 'reset', { status: 'idle', attempt: A + 1, prefetching: false }] as const,
);
const fetching: UserActionState = { status: 'fetching-challenge', attempt: A + 1 };
const awaiting: UserActionState = { status: 'awaiting-authenticator', attempt: A + 1, challenge };
const prefetchDone: UserActionState = { status: 'idle', attempt: A, prefetching: false };
const prefetching: UserActionState = { status: 'idle', attempt: A + 1, prefetching: true };
const errorAt = (step: 'fetching-challenge' | 'awaiting-authenticator' | 'submitting' | 'awaiting-approval', error = networkError) =>
  ({ status: 'error', attempt: A, step, error }) as const;

describe('user action flow', () => {
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
      ['awaiting-authenticator', 'signed', { status: 'submitting', attempt: A + 1 }],
      ['awaiting-authenticator', 'failed', errorAt('awaiting-authenticator')],
      ['awaiting-authenticator', 'failed-no-gesture', { ...errorAt('awaiting-authenticator', noGestureError), challenge }],
      ['submitting', 'completed', { status: 'success', attempt: A }],
      ['submitting', 'policy-pending', { status: 'awaiting-approval', attempt: A + 1, pending }],
      ['submitting', 'failed', errorAt('submitting')],
      ['submitting', 'failed-no-gesture', errorAt('submitting', noGestureError)],
      ['awaiting-approval', 'approved', { status: 'success', attempt: A }],
      ['awaiting-approval', 'failed', errorAt('awaiting-approval')],
      ['awaiting-approval', 'failed-no-gesture', errorAt('awaiting-approval', noGestureError)],
      ['error-submitting', 'retry', fetching],
      ['error-no-gesture', 'retry', fetching],
      ['error-no-gesture', 'continue', awaiting],
    ],
  });

  it('waits for approval on HTTP 202 instead of failing', () => {
    const next = reduce(states.submitting!, { type: 'policy-pending', attempt: A, pending });
    expect(next.status).toBe('awaiting-approval');
  });
});
