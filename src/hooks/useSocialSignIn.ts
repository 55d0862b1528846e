'use client';
import { useCallback, useRef } from 'react';
import { completeEndUserRegistration } from '../api/registration';
import { initSocialRegistration, socialLogin } from '../api/social';
import type { Fido2Attestation, RegisteredUser, RegistrationChallenge, Wallet, WalletSpec } from '../api/types';
import { DfnsApiError, DfnsAuthError, toDfnsAuthError } from '../errors';
import { recoveryKitOf } from '../flows/recoveryKitOf';
import { initialSocialSignInState, reduceSocialSignIn, type SocialSignInOutcome, type SocialSignInState } from '../flows/socialSignInFlow';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { createPasskey } from '../webauthn/createPasskey';
import { recoveryKeyCrypto } from './recoveryKeyCrypto';
import { useFlowMachine } from './useFlowMachine';
import { useLatest } from './useLatest';
import { DEFAULT_END_USER_WALLETS } from './useRegisterPasskey';

/** What a finished social sign-in hands to the app: the user's token, always. */
export interface SocialSignInResult {
  token: string;
  /** `signed-in` for a known person (one request), `registered` for a new account with a passkey. */
  outcome: SocialSignInOutcome;
  /** The new user and their wallets (`registered` only). */
  user?: RegisteredUser | undefined;
  wallets?: Wallet[] | undefined;
}

/** Options of `useSocialSignIn`. */
export interface UseSocialSignInOptions {
  /**
   * Your identity provider's sign-in, answering its OIDC id token (a JWT): Google Identity
   * Services, `@react-oauth/google`, or any OIDC library. The kit does no OAuth itself. Called on
   * the click, and again on a retry of the sign-in.
   */
  getIdToken: () => Promise<string>;
  /** Wallets made with a new user (default `[{ network: 'EthereumSepolia' }]`). */
  wallets?: WalletSpec[] | undefined;
  /** Also register a recovery key for a new user and show its kit (default true, as Dfns recommends). */
  recoveryKey?: boolean | undefined;
  /** Called once: after a known person is signed in, or after a new user's kit is confirmed saved. */
  onSuccess?: ((result: SocialSignInResult) => void) | undefined;
  /** Called once per failed step, with the kit error the flow now shows. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
}

/** What `useSocialSignIn` returns: the flow state and its actions. */
export interface UseSocialSignInResult {
  state: SocialSignInState;
  /** The click: gets the id token, signs in, or registers a new user with a passkey. */
  start: () => void;
  /** From an error: the failed part again (the sign-in, or the registration with the same id token). */
  retry: () => void;
  /** From an error the browser raised for lack of a click: the passkey prompt again, same challenge. */
  continue: () => void;
  /** The user confirmed "I have saved it": the flow ends. */
  confirmKitSaved: () => void;
  /** Back to idle, dropping anything in flight (not while the new kit is shown). */
  reset: () => void;
}

/** The challenge as the flow state keeps it: the temporary token is a secret and stays in a ref. */
function withoutToken(challenge: RegistrationChallenge): RegistrationChallenge {
  return { ...challenge, temporaryAuthenticationToken: '[concealed]' };
}

/** A 401 from `/auth/login/social`: Dfns does not know this person (not an expired session). */
function isUnknownUser(error: unknown): boolean {
  return error instanceof DfnsApiError && error.status === 401;
}

/**
 * A 401 from `/auth/registration/social`: Dfns refused the id token itself (a 401 from the login
 * before it only meant "unknown person"). `id_token_refused`, retryable with a fresh token.
 */
function refusedIdToken(error: unknown, dropToken: () => void): unknown {
  if (!(error instanceof DfnsApiError) || error.status !== 401) return error;
  dropToken();
  return new DfnsAuthError(
    'id_token_refused',
    `POST /auth/registration/social refused the id token (${error.apiMessage ?? 'unauthorized'}): check that your identity provider's issuer and client id are the ones allowed in the organisation's social login settings, and that the token is fresh.`,
    { cause: error, retryable: true },
  );
}

/**
 * Social sign-in with a passkey behind it. The app brings the id token; a person Dfns knows is
 * signed in with one request (`/auth/login/social`); a new one (401) is registered through
 * `/auth/registration/social`, one passkey prompt (plus a recovery key signing the same
 * challenge) and `/auth/registration/enduser`, which signs them in. The id token, temporary token
 * and session token stay in this hook's refs.
 *
 * @example
 * const social = useSocialSignIn({ getIdToken: signInWithGoogle, onSuccess: ({ token }) => session.set(token) });
 * <button onClick={social.start}>Continue with Google</button>
 */
export function useSocialSignIn(options: UseSocialSignInOptions): UseSocialSignInResult {
  const config = useDfnsAuth('useSocialSignIn');
  const { state, send, current, isCurrent, nextSignal, abort } = useFlowMachine(reduceSocialSignIn, initialSocialSignInState);
  const configRef = useLatest(config);
  const optionsRef = useLatest(options);
  const idTokenRef = useRef<string | undefined>(undefined);
  const temporaryTokenRef = useRef<string | undefined>(undefined);
  const resultRef = useRef<SocialSignInResult | undefined>(undefined);

  const fail = useCallback(
    (attempt: number, error: unknown) => {
      if (!isCurrent(attempt)) return;
      const kitError = toDfnsAuthError(error);
      send({ type: 'failed', attempt, error: kitError });
      optionsRef.current.onError?.(kitError);
    },
    [isCurrent, send, optionsRef],
  );

  const finish = useCallback(() => {
    const result = resultRef.current;
    resultRef.current = undefined;
    idTokenRef.current = undefined;
    if (result) optionsRef.current.onSuccess?.(result);
  }, [optionsRef]);

  const complete = useCallback(
    async (attempt: number, challenge: RegistrationChallenge, passkey: Fido2Attestation) => {
      const { client, orgId } = configRef.current;
      const { wallets, recoveryKey = true } = optionsRef.current;
      const signal = nextSignal();
      try {
        const { registrationCredentials } = await recoveryKeyCrypto.load();
        const { credentials, recovery } = await registrationCredentials(challenge, passkey, recoveryKey);
        const result = await completeEndUserRegistration(
          client,
          { temporaryAuthenticationToken: temporaryTokenRef.current ?? '', credentials, wallets: wallets ?? [...DEFAULT_END_USER_WALLETS] },
          { signal },
        );
        temporaryTokenRef.current = undefined;
        idTokenRef.current = undefined;
        if (!isCurrent(attempt)) return;
        resultRef.current = { token: result.authentication.token, outcome: 'registered', user: result.user, wallets: result.wallets };
        const recoveryKit =
          recovery && recoveryKitOf(recovery, { username: result.user.username, orgId: result.user.orgId || orgId, server: client.baseUrl });
        const next = send({ type: 'registered', attempt, user: result.user, recoveryKit });
        if (next.status === 'success') finish();
      } catch (error) {
        fail(attempt, error);
      }
    },
    [configRef, optionsRef, nextSignal, isCurrent, send, finish, fail],
  );

  const create = useCallback(
    async (attempt: number, challenge: RegistrationChallenge) => {
      const { rp, authenticator, timeout } = configRef.current;
      let passkey: Fido2Attestation;
      try {
        passkey = await createPasskey(challenge, { rp, authenticator, signal: nextSignal(), timeout });
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (!isCurrent(attempt)) return;
      const next = send({ type: 'passkey-created', attempt });
      await complete(next.attempt, challenge, passkey);
    },
    [configRef, nextSignal, fail, isCurrent, send, complete],
  );

  /** Asks the app for an id token; a failure or an empty answer is `id_token_unavailable` (retryable). */
  const idToken = useCallback(async (): Promise<string> => {
    let token: unknown;
    try {
      token = await optionsRef.current.getIdToken();
    } catch (error) {
      if (error instanceof DfnsAuthError) throw error;
      throw new DfnsAuthError('id_token_unavailable', 'getIdToken() failed: your identity provider gave no id token (the person may have closed its sign-in).', {
        cause: error,
        retryable: true,
      });
    }
    if (typeof token !== 'string' || token.split('.').length !== 3) {
      throw new DfnsAuthError('id_token_unavailable', 'getIdToken() must resolve to the OIDC id token (a JWT string: header.payload.signature).', {
        retryable: true,
      });
    }
    return token;
  }, [optionsRef]);

  const fetchChallenge = useCallback(
    async (attempt: number) => {
      const { client } = configRef.current;
      let challenge: RegistrationChallenge;
      try {
        // A retry after the id token ran out asks the app for a new one.
        idTokenRef.current ??= await idToken();
        challenge = await initSocialRegistration(client, { idToken: idTokenRef.current }, { signal: nextSignal() });
      } catch (error) {
        fail(attempt, refusedIdToken(error, () => (idTokenRef.current = undefined)));
        return;
      }
      if (!isCurrent(attempt)) return;
      temporaryTokenRef.current = challenge.temporaryAuthenticationToken;
      const next = send({ type: 'challenge-received', attempt, challenge: withoutToken(challenge) });
      if (next.status === 'awaiting-authenticator') await create(next.attempt, next.challenge);
    },
    [configRef, idToken, nextSignal, fail, isCurrent, send, create],
  );

  const signIn = useCallback(
    async (attempt: number) => {
      const { client } = configRef.current;
      let token: string;
      try {
        token = await idToken();
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (!isCurrent(attempt)) return;
      idTokenRef.current = token;
      const signingIn = send({ type: 'id-token-received', attempt });
      try {
        const { token: session } = await socialLogin(client, { idToken: token }, { signal: nextSignal() });
        if (!isCurrent(signingIn.attempt)) return;
        resultRef.current = { token: session, outcome: 'signed-in' };
        send({ type: 'signed-in', attempt: signingIn.attempt });
        finish();
      } catch (error) {
        if (!isUnknownUser(error)) {
          fail(signingIn.attempt, error);
          return;
        }
        if (!isCurrent(signingIn.attempt)) return;
        const next = send({ type: 'unknown-user', attempt: signingIn.attempt });
        if (next.status === 'fetching-challenge') await fetchChallenge(next.attempt);
      }
    },
    [configRef, idToken, fail, isCurrent, send, nextSignal, finish, fetchChallenge],
  );

  const start = useCallback(() => {
    if (current().status !== 'idle') return;
    const next = send({ type: 'start' });
    if (next.status === 'awaiting-id-token') void signIn(next.attempt);
    // A new person's sign-up makes its credentials after the prompt with the recovery-key crypto: it loads meanwhile.
    recoveryKeyCrypto.preload();
  }, [current, send, signIn]);

  const retry = useCallback(() => {
    const next = send({ type: 'retry' });
    if (next.status === 'awaiting-id-token') {
      idTokenRef.current = undefined;
      void signIn(next.attempt);
    } else if (next.status === 'fetching-challenge') void fetchChallenge(next.attempt);
  }, [send, signIn, fetchChallenge]);

  const continueFlow = useCallback(() => {
    const next = send({ type: 'continue' });
    if (next.status === 'awaiting-authenticator') void create(next.attempt, next.challenge);
  }, [send, create]);

  const confirmKitSaved = useCallback(() => {
    if (send({ type: 'kit-saved' }).status === 'success') finish();
  }, [send, finish]);

  const reset = useCallback(() => {
    if (send({ type: 'reset' }).status !== 'idle') return;
    abort();
    idTokenRef.current = undefined;
    temporaryTokenRef.current = undefined;
    resultRef.current = undefined;
  }, [send, abort]);

  return { state, start, retry, continue: continueFlow, confirmKitSaved, reset };
}
