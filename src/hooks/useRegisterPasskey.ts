'use client';
import { useCallback, useEffect, useRef } from 'react';
import type {
  Fido2Attestation,
  RegisteredUser,
  RegistrationChallenge,
  Wallet,
  WalletSpec,
} from '../api/types';
import { DfnsAuthError, toDfnsAuthError } from '../errors';
import {
  initialState,
  reduce,
  type AfterRegistration,
  type RegisterPasskeyState,
} from '../flows/registerPasskeyFlow';
import { lazyPart, loadedValue } from '../lazyPart';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { recoveryKeyCrypto } from './recoveryKeyCrypto';
import { useFlowMachine } from './useFlowMachine';
import { useLoginAfterKit } from './useLoginAfterKit';
import { useLatest } from './useLatest';

/**
 * How the registration starts and ends: `standard` (invited user: registration code →
 * `/auth/registration`), `endUser` (registration code → `/auth/registration/enduser` with wallets,
 * logged in at once) or `delegated` (your backend made the challenge as a service account).
 */
export type RegisterPasskeyMode = 'standard' | 'endUser' | 'delegated';

/** Asks your backend for a delegated registration challenge (it calls `POST /auth/registration/delegated`). */
export type RegistrationChallengeRelay = (params: { username: string }) => Promise<unknown>;

/** Who registers: the username, and the emailed registration code (not needed in `delegated` mode). */
export interface RegisterPasskeyInput {
  username: string;
  registrationCode?: string | undefined;
}

/** What a finished registration hands to the app; `token` when the user is logged in. */
export interface RegisterPasskeyResult {
  user: RegisteredUser;
  token?: string | undefined;
  wallets?: Wallet[] | undefined;
}

/**
 * Where the registration challenge comes from: Dfns, from an emailed registration code
 * (`standard`, the default, or `endUser`), or your backend (`delegated`, which then needs
 * `getChallenge`; the compiler says so).
 */
export type RegisterPasskeyModeOptions =
  | {
      /** Default `standard`. */
      mode?: 'standard' | 'endUser' | undefined;
      /** Only with `mode: 'delegated'`. */
      getChallenge?: undefined;
    }
  | {
      mode: 'delegated';
      /** Fetches the challenge from your backend. Its answer is validated like a Dfns response. */
      getChallenge: RegistrationChallengeRelay;
    };

/** Options of `useRegisterPasskey` that every mode shares. */
export interface RegisterPasskeyCommonOptions {
  /** After a registration that returns no token, log in at once (a second passkey prompt). */
  autoLogin?: boolean | undefined;
  /**
   * Wallets made with an end user: `endUser` mode defaults to `[{ network: 'EthereumSepolia' }]`;
   * in `delegated` mode, giving wallets completes through `/auth/registration/enduser`.
   */
  wallets?: WalletSpec[] | undefined;
  /** Also register a recovery key and show its kit (default true, as Dfns recommends). */
  recoveryKey?: boolean | undefined;
  // Method syntax on purpose: the logged-in overload's narrower onSuccess then fits these options.
  /** Called once, after the kit is confirmed saved (and after the login, with `autoLogin`). */
  onSuccess?(result: RegisterPasskeyResult): void;
  /** Called once per failed step, with the kit error the flow now shows. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
}

/** Options of `useRegisterPasskey`. */
export type UseRegisterPasskeyOptions = RegisterPasskeyCommonOptions & RegisterPasskeyModeOptions;

/** A registration that ends logged in (`endUser` mode, or `autoLogin`) always hands over its token. */
export interface LoggedInRegistrationResult extends RegisterPasskeyResult {
  token: string;
}

/**
 * Options of a registration that always ends logged in: `mode: 'endUser'`, or `autoLogin: true`.
 * Their `onSuccess` gets `token: string`, so an app can store it without a check.
 */
export type UseLoggedInRegisterPasskeyOptions = Omit<RegisterPasskeyCommonOptions, 'onSuccess'> & {
  /** Called once, after the kit is confirmed saved and the user is logged in. */
  onSuccess?: ((result: LoggedInRegistrationResult) => void) | undefined;
} & ({ mode: 'endUser'; getChallenge?: undefined } | ({ autoLogin: true } & RegisterPasskeyModeOptions));

/** What `useRegisterPasskey` returns: the flow state and its actions. */
export interface UseRegisterPasskeyResult {
  state: RegisterPasskeyState;
  /** The click: fetches the challenge, opens the passkey prompt, then completes the registration. */
  start: (input: RegisterPasskeyInput) => void;
  /** From an error: the failed part again (a fresh challenge, or only the login once registered). */
  retry: () => void;
  /** From an error the browser raised for lack of a click: the prompt again, same challenge. */
  continue: () => void;
  /** The user confirmed "I have saved it": the flow goes on (login or success). */
  confirmKitSaved: () => void;
  /** Back to idle, dropping anything in flight (not while the new kit is shown). */
  reset: () => void;
}

/** The default wallet of an end-user registration. */
export const DEFAULT_END_USER_WALLETS: readonly WalletSpec[] = [{ network: 'EthereumSepolia' }];

/** The requests and the passkey ceremony, a chunk the hook fetches when it mounts (see ./registerSteps). */
const registerSteps = lazyPart(() => import('./registerSteps').then((module) => module.registerSteps));

/** The login after the kit, from that chunk: the registration before it loaded it. */
const loginCeremony = () => loadedValue(registerSteps);

/** The challenge as the flow state keeps it: the temporary token is a secret and stays in a ref. */
function withoutToken(challenge: RegistrationChallenge): RegistrationChallenge {
  return { ...challenge, temporaryAuthenticationToken: '[concealed]' };
}

/**
 * Passkey registration: the challenge (registration code, or your backend in `delegated` mode) →
 * the passkey prompt → a recovery key signing the same challenge → completion → the recovery kit
 * → optionally a login. Secrets (code, temporary token, login token) stay in this hook's refs.
 *
 * @example
 * const register = useRegisterPasskey({ mode: 'endUser', onSuccess: ({ token }) => session.set(token) });
 * <button onClick={() => register.start({ username, registrationCode })}>Create passkey</button>
 */
export function useRegisterPasskey(options: UseLoggedInRegisterPasskeyOptions): UseRegisterPasskeyResult;
export function useRegisterPasskey(options?: UseRegisterPasskeyOptions): UseRegisterPasskeyResult;
export function useRegisterPasskey(options: UseRegisterPasskeyOptions = {}): UseRegisterPasskeyResult {
  const config = useDfnsAuth('useRegisterPasskey');
  const { state, send, current, isCurrent, nextSignal, abort } = useFlowMachine(reduce, initialState);
  const configRef = useLatest(config);
  const optionsRef = useLatest(options);
  const inputRef = useRef<RegisterPasskeyInput | undefined>(undefined);
  const temporaryTokenRef = useRef<string | undefined>(undefined);
  const resultRef = useRef<RegisterPasskeyResult | undefined>(undefined);
  const loginAfterKit = useLoginAfterKit(loginCeremony);

  // The steps' chunk comes while the form is filled in: the submit finds it here.
  useEffect(() => registerSteps.preload(), []);

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
    inputRef.current = undefined;
    if (result) optionsRef.current.onSuccess?.(result);
  }, [optionsRef]);

  const login = useCallback(
    async (attempt: number) => {
      const user = resultRef.current?.user;
      if (!user) return;
      try {
        const token = await loginAfterKit.logIn(user.username, {
          ...configRef.current,
          nextSignal,
          isCurrent: () => isCurrent(attempt),
        });
        if (token === undefined || !isCurrent(attempt)) return;
        resultRef.current = { ...resultRef.current, user, token };
        send({ type: 'logged-in', attempt });
        finish();
      } catch (error) {
        fail(attempt, error);
      }
    },
    [configRef, loginAfterKit, nextSignal, isCurrent, send, finish, fail],
  );

  /** Runs what the state just entered needs: the login, the login prefetch, or `onSuccess`. */
  const proceed = useCallback(
    (next: RegisterPasskeyState) => {
      if (next.status === 'showing-recovery-kit' && next.then === 'log-in') loginAfterKit.prefetch(configRef.current.client, next.user.username);
      else if (next.status === 'logging-in') void login(next.attempt);
      else if (next.status === 'success') finish();
    },
    [loginAfterKit, configRef, login, finish],
  );

  const complete = useCallback(
    async (attempt: number, challenge: RegistrationChallenge, passkey: Fido2Attestation) => {
      const { client, orgId } = configRef.current;
      const { mode = 'standard', wallets, autoLogin = false, recoveryKey = true } = optionsRef.current;
      const temporaryAuthenticationToken = temporaryTokenRef.current ?? '';
      const signal = nextSignal();
      try {
        const { completeEndUserRegistration, completeRegistration, recoveryKitOf } = await registerSteps.load();
        const { registrationCredentials } = await recoveryKeyCrypto.load();
        const { credentials, recovery } = await registrationCredentials(challenge, passkey, recoveryKey);
        const endUserWallets = mode === 'endUser' ? (wallets ?? [...DEFAULT_END_USER_WALLETS]) : mode === 'delegated' ? wallets : undefined;
        let then: AfterRegistration;
        let user: RegisteredUser;
        if (endUserWallets) {
          const result = await completeEndUserRegistration(
            client,
            { temporaryAuthenticationToken, credentials, wallets: endUserWallets },
            { signal },
          );
          user = result.user;
          resultRef.current = { user, token: result.authentication.token, wallets: result.wallets };
          then = 'logged-in';
        } else {
          const result = await completeRegistration(client, { temporaryAuthenticationToken, credentials }, { signal });
          user = result.user;
          resultRef.current = { user };
          then = autoLogin ? 'log-in' : 'done';
        }
        temporaryTokenRef.current = undefined;
        if (!isCurrent(attempt)) return;
        const recoveryKit = recovery && recoveryKitOf(recovery, { username: user.username, orgId: user.orgId || orgId, server: client.baseUrl });
        proceed(send({ type: 'registered', attempt, user, recoveryKit, then }));
      } catch (error) {
        fail(attempt, error);
      }
    },
    [configRef, optionsRef, nextSignal, isCurrent, proceed, send, fail],
  );

  const create = useCallback(
    async (attempt: number, challenge: RegistrationChallenge) => {
      const { rp, authenticator, timeout } = configRef.current;
      let passkey: Fido2Attestation;
      try {
        // Loaded before the challenge was fetched: no await before the ceremony, which must run
        // inside the click's user activation (Continue after a refused prompt).
        const { createPasskey } = loadedValue(registerSteps);
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

  const fetchChallenge = useCallback(
    async (attempt: number) => {
      const { client } = configRef.current;
      const { mode = 'standard', getChallenge } = optionsRef.current;
      const input = inputRef.current;
      const signal = nextSignal();
      let challenge: RegistrationChallenge;
      try {
        if (!input?.username) throw new DfnsAuthError('invalid_input', 'useRegisterPasskey.start needs a username.');
        const { checkRelayed, initRegistration, registrationChallengeSchema } = await registerSteps.load();
        if (mode === 'delegated') {
          if (!getChallenge) {
            throw new DfnsAuthError('config_error', 'useRegisterPasskey in delegated mode needs a getChallenge({ username }) option that calls your backend.');
          }
          const json = await getChallenge({ username: input.username });
          signal.throwIfAborted();
          challenge = checkRelayed('getChallenge (delegated registration)', registrationChallengeSchema(), json);
        } else {
          if (!input.registrationCode) {
            throw new DfnsAuthError('invalid_input', 'useRegisterPasskey.start needs the registrationCode Dfns emailed the user.');
          }
          challenge = await initRegistration(
            client,
            { username: input.username, registrationCode: input.registrationCode },
            { signal },
          );
        }
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (!isCurrent(attempt)) return;
      temporaryTokenRef.current = challenge.temporaryAuthenticationToken;
      const next = send({ type: 'challenge-received', attempt, challenge: withoutToken(challenge) });
      if (next.status === 'awaiting-authenticator') await create(next.attempt, next.challenge);
    },
    [configRef, optionsRef, nextSignal, fail, isCurrent, send, create],
  );

  const start = useCallback(
    (input: RegisterPasskeyInput) => {
      if (current().status !== 'idle') return;
      inputRef.current = { username: input.username.trim(), registrationCode: input.registrationCode?.trim() };
      const next = send({ type: 'start' });
      if (next.status === 'fetching-challenge') void fetchChallenge(next.attempt);
      // The credentials made after the prompt need the recovery-key crypto: it loads meanwhile.
      recoveryKeyCrypto.preload();
    },
    [current, send, fetchChallenge],
  );

  const retry = useCallback(() => {
    const next = send({ type: 'retry' });
    if (next.status === 'fetching-challenge') void fetchChallenge(next.attempt);
    else if (next.status === 'logging-in') void login(next.attempt);
  }, [send, fetchChallenge, login]);

  const continueFlow = useCallback(() => {
    const next = send({ type: 'continue' });
    if (next.status === 'awaiting-authenticator') void create(next.attempt, next.challenge);
  }, [send, create]);

  const confirmKitSaved = useCallback(() => {
    proceed(send({ type: 'kit-saved' }));
  }, [proceed, send]);

  const reset = useCallback(() => {
    const next = send({ type: 'reset' });
    // The reducer refuses to leave an unsaved kit; then nothing in flight may be dropped either.
    if (next.status !== 'idle') return;
    abort();
    loginAfterKit.drop();
    inputRef.current = undefined;
    temporaryTokenRef.current = undefined;
    resultRef.current = undefined;
  }, [send, abort, loginAfterKit]);

  return { state, start, retry, continue: continueFlow, confirmKitSaved, reset };
}
