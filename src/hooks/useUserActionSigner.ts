'use client';
import { useCallback, useRef } from 'react';
import { pathWithoutQuery } from '../api/pathWithoutQuery';
import type { HttpMethod } from '../api/request';
import { stringifyBody } from '../api/stringifyBody';
import type { UserActionChallenge } from '../api/types';
import { completeUserAction, initUserAction } from '../api/userActions';
import { DfnsAuthError, PolicyPendingError, toDfnsAuthError } from '../errors';
import { initialState, reduce, type UserActionState } from '../flows/userActionFlow';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { signWithPasskey } from '../webauthn/signWithPasskey';
import { useFlowMachine } from './useFlowMachine';
import { useLatest } from './useLatest';

/** A request Dfns protects with a user action: method, path (from the API root) and JSON body. */
export interface UserActionRequest {
  method: Exclude<HttpMethod, 'GET'>;
  path: string;
  /** Stringified once; that exact string is signed and sent. Omit for a request without a body. */
  body?: unknown;
}

/** A signed user action: the single-use token and the exact body string it was signed over. */
export interface SignedUserAction {
  /** Send as `X-DFNS-USERACTION` with the same method and path, and `payload` as the body, once. */
  userAction: string;
  /** The body string that was signed: send exactly this (`''` means no body). */
  payload: string;
}

/** The `init` of `signedFetch`: method (default `POST`) and JSON body. */
export interface SignedFetchInit {
  method?: Exclude<HttpMethod, 'GET'> | undefined;
  body?: unknown;
}

/** Options of `useUserActionSigner`. */
export interface UseUserActionSignerOptions {
  /** The parsed response of a `signedFetch` (or of its retry). Never called by `sign`: its token is a secret. */
  onSuccess?: ((data: unknown) => void) | undefined;
  /** HTTP 202: a policy holds the request; `pending` is Dfns's approval object. Not an error. */
  onPending?: ((pending: unknown) => void) | undefined;
  /** Called once per failure. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
}

/** What `useUserActionSigner` returns. */
export interface UseUserActionSignerResult {
  state: UserActionState;
  /** Init → passkey → complete: a user action token for `request`, which the caller sends once. */
  sign: (request: UserActionRequest) => Promise<SignedUserAction>;
  /** Signs, then sends the request to `client.baseUrl + path` with the token; resolves with the parsed JSON. */
  signedFetch: <T = unknown>(path: string, init?: SignedFetchInit) => Promise<T>;
  /** Fetches the challenge for `request` before the click, so the click opens the passkey prompt at once. */
  prefetch: (request: UserActionRequest) => void;
  /** From `error`: runs the last request again with a fresh challenge. */
  retry: () => Promise<unknown>;
  /** From `error` after a refused gesture: reopens the passkey prompt with the same challenge. */
  continue: () => Promise<unknown>;
  /** Back to `idle`, dropping whatever is in flight. */
  reset: () => void;
}

/** A challenge older than this is discarded: Dfns's challenges expire after about five minutes. */
const CHALLENGE_LIFETIME_MS = 4 * 60_000;

/** One run of the flow: what is signed, and whether the hook also sends the request. */
interface Job {
  mode: 'sign' | 'fetch';
  method: Exclude<HttpMethod, 'GET'>;
  path: string;
  payload: string;
  key: string;
}

/** The request in its signed form: the body stringified once, the path without its query. */
function toJob(mode: Job['mode'], request: UserActionRequest): Job {
  const signedPath = pathWithoutQuery(request.path);
  const payload = request.body === undefined ? '' : stringifyBody(request.body, `${request.method} ${signedPath}`);
  return { mode, method: request.method, path: request.path, payload, key: `${request.method} ${signedPath}\n${payload}` };
}

/** Thrown to a caller whose run was overtaken (reset, another run, unmount). */
function supersededError(): DfnsAuthError {
  return new DfnsAuthError('aborted', 'The user action was cancelled: the flow was reset, restarted or unmounted.');
}

/**
 * Signs Dfns user actions with the user's passkey: `sign(request)` returns a single-use token
 * for a request the app sends itself, `signedFetch(path, init)` also sends it. The body is
 * stringified once and that string is both signed and sent. HTTP 202 is `awaiting-approval`.
 *
 * @example
 * const { signedFetch, state } = useUserActionSigner({ onSuccess: (wallet) => console.log(wallet) });
 * <button onClick={() => void signedFetch('/wallets', { body: { network: 'EthereumSepolia' } }).catch(() => {})}>Create wallet</button>
 */
export function useUserActionSigner(options: UseUserActionSignerOptions = {}): UseUserActionSignerResult {
  const { client, rp, authenticator, timeout } = useDfnsAuth('useUserActionSigner');
  const machine = useFlowMachine(reduce, initialState);
  const { state, send, current, isCurrent, nextSignal, abort } = machine;
  const optionsRef = useLatest(options);
  // Not state: the request body and the challenge's bookkeeping belong to the hook, not the UI.
  const jobRef = useRef<Job | undefined>(undefined);
  const challengeRef = useRef<{ key: string; fetchedAt: number } | undefined>(undefined);
  const prefetchRef = useRef<{ key: string; done: Promise<void> } | undefined>(undefined);

  const fail = useCallback(
    (attempt: number, error: unknown): DfnsAuthError => {
      const kitError = toDfnsAuthError(error);
      if (isCurrent(attempt)) {
        send({ type: 'failed', attempt, error: kitError });
        optionsRef.current.onError?.(kitError);
      }
      return kitError;
    },
    [isCurrent, send, optionsRef],
  );

  /** Runs the flow from the current state (fetching-challenge or awaiting-authenticator) to its end. */
  const drive = useCallback(
    async (job: Job): Promise<unknown> => {
      let s = current();
      if (s.status === 'fetching-challenge') {
        const { attempt } = s;
        const signal = nextSignal();
        let challenge: UserActionChallenge;
        try {
          challenge = await initUserAction(
            client,
            { userActionHttpMethod: job.method, userActionHttpPath: pathWithoutQuery(job.path), userActionPayload: job.payload },
            { signal },
          );
        } catch (error) {
          throw fail(attempt, error);
        }
        if (!isCurrent(attempt)) throw supersededError();
        challengeRef.current = { key: job.key, fetchedAt: Date.now() };
        s = send({ type: 'challenge-received', attempt, challenge });
      }
      if (s.status !== 'awaiting-authenticator') throw supersededError();

      // No await between the click and this call when the challenge was prefetched: browsers
      // only open the passkey prompt inside the user's gesture.
      const signingAttempt = s.attempt;
      const signal = nextSignal();
      let firstFactor;
      try {
        firstFactor = await signWithPasskey(s.challenge, { rp, authenticator, timeout, signal });
      } catch (error) {
        throw fail(signingAttempt, error);
      }
      if (!isCurrent(signingAttempt)) throw supersededError();
      const challengeIdentifier = s.challenge.challengeIdentifier;
      challengeRef.current = undefined;
      const { attempt } = send({ type: 'signed', attempt: signingAttempt });

      let userAction: string;
      try {
        ({ userAction } = await completeUserAction(client, { challengeIdentifier, firstFactor }, { signal }));
      } catch (error) {
        throw fail(attempt, error);
      }
      if (!isCurrent(attempt)) throw supersededError();
      if (job.mode === 'sign') {
        send({ type: 'completed', attempt });
        return { userAction, payload: job.payload } satisfies SignedUserAction;
      }

      let data: unknown;
      try {
        data = await client.request({
          method: job.method,
          path: job.path,
          auth: 'user',
          bodyText: job.payload,
          headers: { 'X-DFNS-USERACTION': userAction },
          signal,
        });
      } catch (error) {
        if (error instanceof PolicyPendingError) {
          if (isCurrent(attempt)) {
            send({ type: 'policy-pending', attempt, pending: error.pending });
            optionsRef.current.onPending?.(error.pending);
          }
          throw error;
        }
        throw fail(attempt, error);
      }
      if (!isCurrent(attempt)) throw supersededError();
      send({ type: 'completed', attempt });
      optionsRef.current.onSuccess?.(data);
      return data;
    },
    [client, rp, authenticator, timeout, current, nextSignal, isCurrent, send, fail, optionsRef, challengeRef],
  );

  const start = useCallback(
    (job: Job): Promise<unknown> => {
      let s = current();
      // A prefetched challenge is bound to its exact method, path and payload, and expires.
      if (s.status === 'idle' && s.challenge) {
        const kept = challengeRef.current;
        if (!kept || kept.key !== job.key || Date.now() - kept.fetchedAt > CHALLENGE_LIFETIME_MS) {
          s = send({ type: 'reset' });
        }
      }
      if (s.status !== 'idle') s = send({ type: 'reset' });
      jobRef.current = job;
      send({ type: 'start' });
      return drive(job);
    },
    [current, send, drive, jobRef, challengeRef],
  );

  const run = useCallback(
    (job: Job): Promise<unknown> => {
      // A click while the prefetch for this very request is on its way waits for it rather
      // than sending a second init: one challenge per request, as the API intends.
      const inFlight = prefetchRef.current;
      const s = current();
      if (s.status === 'idle' && s.prefetching && inFlight?.key === job.key) {
        return inFlight.done.then(() => start(job));
      }
      return start(job);
    },
    [current, start],
  );

  const sign = useCallback(
    (request: UserActionRequest) => run(toJob('sign', request)) as Promise<SignedUserAction>,
    [run],
  );

  const signedFetch = useCallback(
    <T = unknown>(path: string, init: SignedFetchInit = {}) =>
      run(toJob('fetch', { method: init.method ?? 'POST', path, body: init.body })) as Promise<T>,
    [run],
  );

  const prefetch = useCallback(
    (request: UserActionRequest) => {
      const s = current();
      if (s.status !== 'idle' || s.prefetching) return;
      const job = toJob('fetch', request);
      if (s.challenge && challengeRef.current?.key === job.key) return;
      const { attempt } = send({ type: 'prefetch' });
      const signal = nextSignal();
      const done = initUserAction(
        client,
        { userActionHttpMethod: job.method, userActionHttpPath: pathWithoutQuery(job.path), userActionPayload: job.payload },
        { signal },
      ).then(
        (challenge) => {
          if (!isCurrent(attempt)) return;
          challengeRef.current = { key: job.key, fetchedAt: Date.now() };
          send({ type: 'challenge-received', attempt, challenge });
        },
        // A failed prefetch stays silent: the click fetches again and reports that failure.
        (error: unknown) => {
          if (isCurrent(attempt)) send({ type: 'failed', attempt, error: toDfnsAuthError(error) });
        },
      );
      prefetchRef.current = { key: job.key, done };
    },
    [client, current, send, nextSignal, isCurrent, challengeRef],
  );

  const retry = useCallback((): Promise<unknown> => {
    const job = jobRef.current;
    if (current().status !== 'error' || !job) return Promise.reject(supersededError());
    send({ type: 'retry' });
    return drive(job);
  }, [current, send, drive, jobRef]);

  const continueFlow = useCallback((): Promise<unknown> => {
    const job = jobRef.current;
    const s = current();
    if (s.status !== 'error' || !s.challenge || !job) return retry();
    send({ type: 'continue' });
    return drive(job);
  }, [current, send, drive, retry, jobRef]);

  const reset = useCallback(() => {
    abort();
    challengeRef.current = undefined;
    send({ type: 'reset' });
  }, [abort, send]);

  return { state, sign, signedFetch, prefetch, retry, continue: continueFlow, reset };
}
