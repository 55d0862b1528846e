/**
 * Pieces shared by every flow reducer: the error state, the attempt bookkeeping, the recovery
 * kit, and the events every flow understands. No I/O, no React.
 *
 * Attempts: every transition INTO an async step bumps `state.attempt`. The hook drives the
 * reducer synchronously (through a ref), reads `attempt` from the state it just produced, and
 * tags the async result event with it. A result whose `attempt` differs from the state's is a
 * late answer from a step the user already left (reset, retry, unmount), and is dropped.
 */
import type { DfnsAuthError, DfnsAuthErrorCode } from '../errors';

/** The error state of a flow: which step failed, the kit error, and a challenge still worth reusing. */
export interface FlowErrorState<Step extends string, Challenge> {
  status: 'error';
  attempt: number;
  /** The status the flow was in when the step failed. */
  step: Step;
  error: DfnsAuthError;
  /** Kept only when the challenge is still usable (see `REUSABLE_CHALLENGE_CODES`), for "Continue". */
  challenge?: Challenge | undefined;
}

/**
 * The new recovery kit, shown exactly once. Not the only secret a flow state holds: registration
 * and recovery challenges carry their `temporaryAuthenticationToken` while the step that needs it
 * runs (and in an error state kept for "Continue"). Flow states belong to the hook and its
 * component: never put one in storage, a URL, a log or a react-query cache.
 */
export interface RecoveryKit {
  /** The `D1-…` recovery code: the password of the new recovery key. */
  recoveryCode: string;
  /** The recovery key's credId ("Recovery Key ID"). */
  credId: string;
  username: string;
  orgId: string;
  /** The Dfns API base URL the key was registered with. */
  server: string;
  /** ISO 8601 time of creation. */
  createdAt: string;
}

/** Ask the hook to fetch a challenge before the click, so the passkey prompt can open inside it. */
export interface PrefetchEvent {
  type: 'prefetch';
}

/** The user started the flow (the click). */
export interface StartEvent {
  type: 'start';
}

/** A challenge arrived for the step tagged `attempt`. */
export interface ChallengeReceivedEvent<Challenge> {
  type: 'challenge-received';
  attempt: number;
  challenge: Challenge;
}

/** The async step tagged `attempt` failed. */
export interface FailedEvent {
  type: 'failed';
  attempt: number;
  error: DfnsAuthError;
}

/** Back to `idle`, dropping any result still in flight. */
export interface ResetEvent {
  type: 'reset';
}

/** From `error`: run the failed step again, with a fresh challenge where one is needed. */
export interface RetryEvent {
  type: 'retry';
}

/** From `error` with a kept challenge: open the passkey prompt again with that challenge. */
export interface ContinueEvent {
  type: 'continue';
}

/** An event that reports the result of an async step. */
export interface AttemptEvent {
  attempt: number;
}

/**
 * Error codes after which the challenge of the failed passkey step is still good: the browser
 * refused only for lack of a user gesture, so a "Continue" click can reuse it without a refetch.
 */
export const REUSABLE_CHALLENGE_CODES: ReadonlySet<DfnsAuthErrorCode> = new Set<DfnsAuthErrorCode>([
  'passkey_no_user_gesture',
]);

/** True when `event` reports a result of an attempt other than the current one (so it must be dropped). */
export function isStale(state: { attempt: number }, event: object): boolean {
  return 'attempt' in event && (event as AttemptEvent).attempt !== state.attempt;
}

/** True when the challenge of a failed passkey step can be reused by a "Continue". */
export function isChallengeReusable(error: DfnsAuthError): boolean {
  return REUSABLE_CHALLENGE_CODES.has(error.code);
}

/** The error state for a failure in `step`, keeping `challenge` only when it is still usable. */
export function failedAt<Step extends string, Challenge>(
  step: Step,
  attempt: number,
  error: DfnsAuthError,
  challenge?: Challenge,
): FlowErrorState<Step, Challenge> {
  return challenge !== undefined && isChallengeReusable(error)
    ? { status: 'error', attempt, step, error, challenge }
    : { status: 'error', attempt, step, error };
}

/** The idle state of a flow that can fetch its challenge before the click. */
export interface PrefetchingIdleState<Challenge> {
  status: 'idle';
  attempt: number;
  /** A challenge is being fetched ahead of the click. */
  prefetching: boolean;
  /** A challenge fetched ahead of the click, so the passkey prompt can open inside it. */
  challenge?: Challenge | undefined;
}

/** The state while the click waits for its challenge. */
export interface FetchingChallengeState {
  status: 'fetching-challenge';
  attempt: number;
}

/** The events the shared challenge steps read; each flow's event union contains them. */
type ChallengeStepEvent<Challenge> = PrefetchEvent | StartEvent | ChallengeReceivedEvent<Challenge> | FailedEvent;

/**
 * `idle` of every prefetching flow: a prefetch bumps the attempt; the click goes straight to
 * `withChallenge` when a prefetched challenge is in hand, else to `fetching-challenge`; a failed
 * prefetch is not shown (the click fetches again and reports that failure). Other events leave the
 * state as it is (same reference).
 */
export function reduceIdle<Challenge, Next>(
  state: PrefetchingIdleState<Challenge>,
  event: { type: string },
  withChallenge: (attempt: number, challenge: Challenge) => Next,
): PrefetchingIdleState<Challenge> | FetchingChallengeState | Next {
  // Only the shared event types (defined above, used by every flow's union) are acted on.
  const shared = event as ChallengeStepEvent<Challenge>;
  switch (shared.type) {
    case 'prefetch':
      return { status: 'idle', attempt: state.attempt + 1, prefetching: true };
    case 'start':
      return state.challenge
        ? withChallenge(state.attempt + 1, state.challenge)
        : { status: 'fetching-challenge', attempt: state.attempt + 1 };
    case 'challenge-received':
      return state.prefetching
        ? { status: 'idle', attempt: state.attempt, prefetching: false, challenge: shared.challenge }
        : state;
    case 'failed':
      return state.prefetching ? { status: 'idle', attempt: state.attempt, prefetching: false } : state;
    default:
      return state;
  }
}

/** `fetching-challenge` of every flow: the challenge moves on to `withChallenge`, a failure to `error`. */
export function reduceFetchingChallenge<Challenge, Next>(
  state: FetchingChallengeState,
  event: { type: string },
  withChallenge: (attempt: number, challenge: Challenge) => Next,
): FetchingChallengeState | FlowErrorState<'fetching-challenge', Challenge> | Next {
  const shared = event as ChallengeStepEvent<Challenge>;
  if (shared.type === 'challenge-received') return withChallenge(state.attempt + 1, shared.challenge);
  if (shared.type === 'failed') return failedAt('fetching-challenge', state.attempt, shared.error);
  return state;
}

/** `awaiting-authenticator` with its challenge: where most flows go once the challenge is in hand. */
export function awaitingAuthenticator<Challenge>(
  attempt: number,
  challenge: Challenge,
): { status: 'awaiting-authenticator'; attempt: number; challenge: Challenge } {
  return { status: 'awaiting-authenticator', attempt, challenge };
}
