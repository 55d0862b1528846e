'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Fido2Assertion, LoginChallenge } from '../api/types';
import { toDfnsAuthError, type DfnsAuthError } from '../errors';
import { initialState, reduce, type LoginState } from '../flows/loginFlow';
import { lazyPart } from '../lazyPart';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { warnDeveloper } from '../provider/warnDeveloper';
import { CHALLENGE_LIFETIME_MS } from './challengeLifetime';
import { useFlowMachine } from './useFlowMachine';
import { useLatest } from './useLatest';

/** Who logs in: a username, or nobody (usernameless: the browser offers the site's passkeys). */
export interface LoginWithPasskeyInput {
  username?: string | undefined;
}

/** What a successful login hands to the app: the session token (and the username, when it was typed). */
export interface LoginWithPasskeyResult {
  token: string;
  username?: string | undefined;
}

/** Options of `useLoginWithPasskey`. */
export interface UseLoginWithPasskeyOptions {
  /** Receives the login token: the only place the kit ever hands it out. */
  onSuccess?: ((result: LoginWithPasskeyResult) => void) | undefined;
  /** Called once per failed step, with the kit error the flow now shows. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /**
   * Offer passkey autofill (conditional mediation) when the browser supports it: the hook then
   * waits for the user to pick a passkey from the username field's suggestions. Default true.
   */
  autofill?: boolean | undefined;
}

/** What `useLoginWithPasskey` returns: the flow state and its actions. */
export interface UseLoginWithPasskeyResult {
  state: LoginState;
  /** The click: opens the passkey prompt (at once when a challenge was prefetched for this input). */
  start: (input?: LoginWithPasskeyInput) => void;
  /** User intent (blur, hover, focus): fetches the challenge now so the click needs no request. */
  prefetch: (input?: LoginWithPasskeyInput) => void;
  /** From an error: the whole login again, with a fresh challenge. */
  retry: () => void;
  /** From an error the browser raised for lack of a click: the prompt again, same challenge. */
  continue: () => void;
  /** Back to idle, dropping anything in flight. */
  reset: () => void;
  /** True while passkey autofill is offered: give the username field `autoComplete="username webauthn"`. */
  autofill: boolean;
}

/** A challenge fetched ahead of the click, and for whom. */
interface Prefetched {
  username: string | undefined;
  requestedAt: number;
  promise: Promise<LoginChallenge>;
  settled: boolean;
}

/** A usernameless challenge and when it was requested (for the lifetime check). */
interface TimedChallenge {
  challenge: LoginChallenge;
  requestedAt: number;
}

/** The requests and the passkey ceremony, a chunk the hook fetches when it mounts (see ./loginSteps). */
const loginSteps = lazyPart(() => import('./loginSteps').then((module) => module.loginSteps));

/** The functions in that chunk. */
type LoginSteps = typeof import('./loginSteps').loginSteps;

const normalise = (username: string | undefined): string | undefined => username?.trim() || undefined;

const isFresh = (requestedAt: number): boolean => Date.now() - requestedAt < CHALLENGE_LIFETIME_MS;

/**
 * Passkey login: `POST /auth/login/init` → the passkey prompt → `POST /auth/login` → `onSuccess({ token })`.
 * With a username or usernameless, with passkey autofill where the browser has it, and with the
 * challenge prefetched on intent so that the click opens the prompt without waiting for a request.
 *
 * @example
 * const login = useLoginWithPasskey({ onSuccess: ({ token }) => session.set(token) });
 * <input autoComplete={login.autofill ? 'username webauthn' : 'username'} onBlur={(e) => login.prefetch({ username: e.target.value })} />
 * <button onClick={() => login.start({ username })}>Sign in</button>
 */
export function useLoginWithPasskey(options: UseLoginWithPasskeyOptions = {}): UseLoginWithPasskeyResult {
  const config = useDfnsAuth('useLoginWithPasskey');
  const { state, send, current, isCurrent, nextSignal, abort } = useFlowMachine(reduce, initialState);
  const configRef = useLatest(config);
  const onSuccessRef = useLatest(options.onSuccess);
  const onErrorRef = useLatest(options.onError);
  const usernameRef = useRef<string | undefined>(undefined);
  const prefetchedRef = useRef<Prefetched | undefined>(undefined);
  const autofillControllerRef = useRef<AbortController | undefined>(undefined);
  const autofillChallengeRef = useRef<TimedChallenge | undefined>(undefined);
  const [autofill, setAutofill] = useState(false);
  const autofillEnabled = options.autofill ?? true;
  // Offered whenever no button ceremony runs: a failed, cancelled or reset login offers it again.
  // Error and idle share one value, so Cancel (error -> idle) keeps the running offer: one request.
  const autofillWanted = autofillEnabled && (state.status === 'idle' || state.status === 'error');

  // The steps' chunk comes while the form is read: a click, a prefetch or autofill finds it here.
  useEffect(() => loginSteps.preload(), []);

  const fail = useCallback(
    (attempt: number, error: unknown) => {
      if (!isCurrent(attempt)) return;
      const kitError = toDfnsAuthError(error);
      send({ type: 'failed', attempt, error: kitError });
      onErrorRef.current?.(kitError);
    },
    [isCurrent, send, onErrorRef],
  );

  const submit = useCallback(
    async (attempt: number, challenge: LoginChallenge, firstFactor: Fido2Assertion) => {
      const signal = nextSignal();
      const username = usernameRef.current;
      try {
        const { completeLogin, loginToken } = await loginSteps.load();
        const token = loginToken(
          await completeLogin(configRef.current.client, { challengeIdentifier: challenge.challengeIdentifier, firstFactor }, { signal }),
        );
        if (!isCurrent(attempt)) return;
        send({ type: 'logged-in', attempt });
        onSuccessRef.current?.(username === undefined ? { token } : { token, username });
      } catch (error) {
        fail(attempt, error);
      }
    },
    [nextSignal, configRef, isCurrent, send, onSuccessRef, fail],
  );

  const sign = useCallback(
    async (attempt: number, challenge: LoginChallenge) => {
      // A modal ceremony replaces the autofill one: browsers run one WebAuthn request at a time.
      autofillControllerRef.current?.abort();
      const signal = nextSignal();
      const { rp, authenticator, timeout } = configRef.current;
      let firstFactor: Fido2Assertion;
      try {
        // Loaded since mount (and a challenge cannot be at hand without it): no await before the
        // ceremony, which must run inside the click's user activation. Only a chunk that failed to
        // arrive waits here, and a prompt the browser then refuses offers Continue.
        const part = loginSteps.snapshot();
        const { signWithPasskey } = part.status === 'ready' ? part.value : await loginSteps.load();
        firstFactor = await signWithPasskey(challenge, { rp, authenticator, signal, timeout });
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (!isCurrent(attempt)) return;
      const next = send({ type: 'signed', attempt });
      await submit(next.attempt, challenge, firstFactor);
    },
    [nextSignal, configRef, fail, isCurrent, send, submit],
  );

  /** `POST /auth/login/init` for `username` (or usernameless), as the flow's current step. */
  const requestChallenge = useCallback(
    (username: string | undefined) => {
      const signal = nextSignal();
      return loginSteps.load().then(({ initLogin }) => initLogin(configRef.current.client, { username }, { signal }));
    },
    [configRef, nextSignal],
  );

  const fetchThenSign = useCallback(
    async (attempt: number) => {
      const username = usernameRef.current;
      const pending = prefetchedRef.current;
      prefetchedRef.current = undefined;
      // A prefetch for this same user still in flight is awaited rather than sent again.
      const promise = pending && !pending.settled && pending.username === username ? pending.promise : requestChallenge(username);
      let challenge: LoginChallenge;
      try {
        challenge = await promise;
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (!isCurrent(attempt)) return;
      const next = send({ type: 'challenge-received', attempt, challenge });
      if (next.status === 'awaiting-authenticator') await sign(next.attempt, next.challenge);
    },
    [requestChallenge, fail, isCurrent, send, sign],
  );

  /** Runs the step the flow has just entered: the prompt when a challenge is at hand, else the challenge request. */
  const advance = useCallback(
    (next: LoginState) => {
      if (next.status === 'awaiting-authenticator') void sign(next.attempt, next.challenge);
      else if (next.status === 'fetching-challenge') void fetchThenSign(next.attempt);
    },
    [sign, fetchThenSign],
  );

  const prefetch = useCallback(
    (input: LoginWithPasskeyInput = {}) => {
      const username = normalise(input.username);
      const now = current();
      if (now.status !== 'idle') return;
      const known = prefetchedRef.current;
      if (known && known.username === username && (now.prefetching || (now.challenge && isFresh(known.requestedAt)))) return;
      const { attempt } = send({ type: 'prefetch' });
      const requestedAt = Date.now();
      const promise = requestChallenge(username);
      const entry: Prefetched = { username, requestedAt, promise, settled: false };
      prefetchedRef.current = entry;
      promise.then(
        (challenge) => {
          entry.settled = true;
          if (isCurrent(attempt)) send({ type: 'challenge-received', attempt, challenge });
        },
        (error: unknown) => {
          entry.settled = true;
          // Not shown and not reported: the click fetches again and reports its own failure.
          if (isCurrent(attempt)) send({ type: 'failed', attempt, error: toDfnsAuthError(error) });
        },
      );
    },
    [current, send, requestChallenge, isCurrent],
  );

  const start = useCallback(
    (input: LoginWithPasskeyInput = {}) => {
      const username = normalise(input.username);
      const idle = current();
      if (idle.status !== 'idle') return;
      usernameRef.current = username;
      const known = prefetchedRef.current;
      const usable = known !== undefined && known.username === username && isFresh(known.requestedAt);
      const autofillChallenge = autofillChallengeRef.current;
      autofillControllerRef.current?.abort();
      autofillChallengeRef.current = undefined;
      if (!usable) {
        // A challenge prefetched for someone else, or too old to be accepted, is dropped.
        if (idle.challenge || (idle.prefetching && known?.username !== username)) {
          send({ type: 'reset' });
          prefetchedRef.current = undefined;
        }
        // The autofill ceremony was stopped unsigned: its usernameless challenge is still good.
        if (username === undefined && autofillChallenge && isFresh(autofillChallenge.requestedAt)) {
          const { attempt } = send({ type: 'prefetch' });
          send({ type: 'challenge-received', attempt, challenge: autofillChallenge.challenge });
        }
      }
      advance(send({ type: 'start' }));
    },
    [current, send, advance],
  );

  const retry = useCallback(() => advance(send({ type: 'retry' })), [send, advance]);

  const continueFlow = useCallback(() => advance(send({ type: 'continue' })), [send, advance]);

  const reset = useCallback(() => {
    abort();
    prefetchedRef.current = undefined;
    send({ type: 'reset' });
  }, [abort, send]);

  // Passkey autofill is the one ceremony started without a click: conditional mediation shows
  // nothing until the user picks a passkey from the field's suggestions. The timer keeps
  // StrictMode's mount-unmount-mount from sending two challenge requests. A button ceremony stops
  // it (browsers run one WebAuthn request at a time); it starts again when the flow is back at rest.
  useEffect(() => {
    if (!autofillWanted) return;
    const controller = new AbortController();
    autofillControllerRef.current = controller;
    const { signal } = controller;
    const run = async (): Promise<void> => {
      let steps: LoginSteps;
      try {
        steps = await loginSteps.load();
      } catch {
        // Autofill is an extra: without its chunk the buttons still work (and load it again).
        return;
      }
      const { conditionalMediationAvailable, initLogin, signWithPasskey } = steps;
      if (!(await conditionalMediationAvailable()) || signal.aborted) return;
      setAutofill(true);
      const { client, rp, authenticator, timeout } = configRef.current;
      let challenge: LoginChallenge;
      let firstFactor: Fido2Assertion;
      try {
        const requestedAt = Date.now();
        challenge = await initLogin(client, {}, { signal });
        autofillChallengeRef.current = { challenge, requestedAt };
        firstFactor = await signWithPasskey(challenge, { rp, authenticator, signal, timeout, mediation: 'conditional' });
      } catch (error) {
        // Autofill is an extra: when it fails or is stopped, the buttons still work. A wrong rp
        // id fails here first, on page load, so the developer hears of it before any click.
        warnDeveloper(toDfnsAuthError(error));
        return;
      } finally {
        if (signal.aborted) autofillChallengeRef.current = undefined;
      }
      autofillChallengeRef.current = undefined;
      const now = current();
      if (signal.aborted || (now.status !== 'idle' && now.status !== 'error')) return;
      // Picking a passkey from the suggestions answers the error on screen: it is a new login.
      if (now.status === 'error') send({ type: 'reset' });
      usernameRef.current = undefined;
      const { attempt } = send({ type: 'autofill-signed' });
      await submit(attempt, challenge, firstFactor);
    };
    const timer = setTimeout(() => void run(), 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [autofillWanted, configRef, current, send, submit]);

  return { state, start, prefetch, retry, continue: continueFlow, reset, autofill };
}
