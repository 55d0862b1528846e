'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { sendRecoveryCode } from '../api/sendRecoveryCode';
import type { Fido2Attestation, RecoveryChallenge, RegisteredUser } from '../api/types';
import { DfnsAuthError, toDfnsAuthError } from '../errors';
import { initialState, reduce, type RecoverAccountState } from '../flows/recoverAccountFlow';
import { lazyPart, loadedValue } from '../lazyPart';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { CHALLENGE_LIFETIME_MS } from './challengeLifetime';
import { recoveryKeyCrypto } from './recoveryKeyCrypto';
import type { SignedRecovery } from './recoverAccountSteps';
import { useFlowMachine } from './useFlowMachine';
import { useLatest } from './useLatest';
import { useLoginAfterKit } from './useLoginAfterKit';

/** Delegated recovery: your backend verified the user and called `POST /auth/recover/user/delegated`. */
export type RecoveryChallengeRelay = (
  params: { username: string; credentialId: string },
  options: { signal: AbortSignal },
) => Promise<unknown>;

/** What `onSuccess` receives: the recovered user, and the login token when `autoLogin` is on. */
export interface RecoverAccountSuccess {
  user: RegisteredUser;
  token?: string | undefined;
}

/** Options of `useRecoverAccount`. */
export interface UseRecoverAccountOptions {
  /** The Dfns username, when the app knows it; otherwise pass it to `sendCode` / `submitCodes`. */
  username?: string | undefined;
  /** Delegated mode: fetches the recovery challenge through your backend instead of the Dfns email. */
  getChallenge?: RecoveryChallengeRelay | undefined;
  /** Logs in with the new passkey after the kit is saved (one more prompt); `onSuccess` then gets the token. */
  autoLogin?: boolean | undefined;
  // Method syntax on purpose: the `autoLogin` overload's narrower onSuccess then fits these options.
  /** Called once, when the account is recovered (after the login, with `autoLogin`). */
  onSuccess?(result: RecoverAccountSuccess): void;
  /** Called once per failure. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
}

/** What the user typed (or a kit file filled in). The codes are read once and never stored in state. */
export interface RecoveryCodesInput {
  username?: string | undefined;
  /** The emailed code; ignored in delegated mode. */
  verificationCode?: string | undefined;
  recoveryCode: string;
  recoveryKeyId: string;
}

/** A recovery with `autoLogin` ends logged in and always hands over its token. */
export interface LoggedInRecoverAccountSuccess extends RecoverAccountSuccess {
  token: string;
}

/** Options of a recovery with `autoLogin: true`: `onSuccess` gets `token: string`. */
export type UseLoggedInRecoverAccountOptions = Omit<UseRecoverAccountOptions, 'autoLogin' | 'onSuccess'> & {
  autoLogin: true;
  /** Called once, after the new kit is saved and the user is logged in with the new passkey. */
  onSuccess?: ((result: LoggedInRecoverAccountSuccess) => void) | undefined;
};

/** What `useRecoverAccount` returns. */
export interface UseRecoverAccountResult {
  state: RecoverAccountState;
  /** `delegated` when `getChallenge` was given: no email, no verification code. */
  mode: 'standard' | 'delegated';
  /** True once this flow emailed a verification code. */
  codeSent: boolean;
  /** In `awaiting-authenticator`: true while the passkey prompt is open, false while it waits for the click. */
  promptOpen: boolean;
  /** Emails the verification code (standard mode). */
  sendCode: (username?: string) => void;
  /** Goes straight to the codes form (the user already has a code, or delegated mode). */
  haveCode: () => void;
  /** Submits the codes: fetches the challenge and unlocks the old recovery key, before any prompt. */
  submitCodes: (input: RecoveryCodesInput) => void;
  /** Opens the passkey prompt; call it from the click of the "Create new passkey" button. */
  createNewPasskey: () => void;
  /** After `passkey_no_user_gesture`: reopens the prompt with the same challenge. */
  continue: () => void;
  retry: () => void;
  /** From an error: back to the codes form. */
  editCodes: () => void;
  /** The user stored the new recovery kit. */
  kitSaved: () => void;
  reset: () => void;
}

/** The secrets and intermediate results of one recovery; lives in a ref, never in state. */
interface Session {
  username: string;
  credentialId: string;
  /** Cleared once the init request used it (Dfns consumes it). */
  verificationCode?: string | undefined;
  /** Cleared as soon as the unlock step takes it. */
  recoveryCode?: string | undefined;
  /** False from a submit until its codes were checked, which happens before any request. */
  checked?: boolean | undefined;
  /** The last challenge, reused while fresh: in standard mode a new one costs a new email. */
  challenge?: { value: RecoveryChallenge; receivedAt: number; username: string; credentialId: string } | undefined;
  /** The decrypted old recovery key, kept until the account is recovered or the flow reset. */
  privateKey?: { key: CryptoKey; credentialId: string } | undefined;
  passkey?: Fido2Attestation | undefined;
  /** The signed recovery request and the new kit's secret, between signing and submitting. */
  signed?: SignedRecovery | undefined;
}

const sameUser = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What runs after the codes are submitted (the challenge, unlocking, the new passkey, signing,
 * recovering, the login after the kit), in a chunk of its own: the first step is a form. The flow
 * fetches it when it starts (the send-code or have-code step, or at mount in delegated mode), so
 * it is here long before the "Create new passkey" click, which must not await it.
 */
const recoverAccountSteps = lazyPart(() => import('./recoverAccountSteps').then((module) => module.recoverAccountSteps));

/** The steps in that chunk. */
type RecoverAccountSteps = typeof import('./recoverAccountSteps').recoverAccountSteps;

/** The steps' chunk, already loaded (the steps before the click awaited it): for a click that must reach the passkey prompt without an await. */
const loadedSteps = (): RecoverAccountSteps => loadedValue(recoverAccountSteps);

/**
 * Account recovery with a recovery kit, standard (Dfns emails a code) or delegated (your backend
 * vouches for the user): codes → challenge → unlock the old key → a click creates the new passkey →
 * a new recovery key → the old key signs → recover → the new kit. Exactly 3 requests in standard mode.
 *
 * @example
 * const recovery = useRecoverAccount({ onSuccess: ({ user }) => navigate('/login') });
 * recovery.sendCode('jane@example.com');
 * recovery.submitCodes({ verificationCode, recoveryCode, recoveryKeyId });
 * // state.status === 'awaiting-authenticator' && !recovery.promptOpen: render a button
 * <button onClick={recovery.createNewPasskey}>Create new passkey</button>
 */
export function useRecoverAccount(options: UseLoggedInRecoverAccountOptions): UseRecoverAccountResult;
export function useRecoverAccount(options?: UseRecoverAccountOptions): UseRecoverAccountResult;
export function useRecoverAccount(options: UseRecoverAccountOptions = {}): UseRecoverAccountResult {
  const { client, rp, authenticator, timeout } = useDfnsAuth('useRecoverAccount');
  const machine = useFlowMachine(reduce, initialState);
  const { send, current, isCurrent, nextSignal, abort } = machine;
  const latest = useLatest({ options, client, rp, authenticator, timeout });
  const session = useRef<Session | undefined>(undefined);
  const loginAfterKit = useLoginAfterKit(loadedSteps);
  const [codeSent, setCodeSent] = useState(false);
  const [promptAttempt, setPromptAttempt] = useState<number | undefined>(undefined);
  const mode = options.getChallenge ? 'delegated' : 'standard';

  // Secrets must not outlive the component (the login prefetch is aborted by its own hook).
  useEffect(
    () => () => {
      session.current = undefined;
    },
    [],
  );

  // Delegated mode starts at the codes form: the steps after it load while it is filled in.
  useEffect(() => {
    if (mode === 'delegated') recoverAccountSteps.preload();
  }, [mode]);

  /** The username a step runs for: the one given, else the option, else the one this recovery has. */
  const usernameFor = useCallback(
    (given: string | undefined) => (given ?? latest.current.options.username ?? session.current?.username ?? '').trim(),
    [latest],
  );

  const fail = useCallback(
    (attempt: number, error: unknown) => {
      if (!isCurrent(attempt)) return;
      const kitError = toDfnsAuthError(error);
      send({ type: 'failed', attempt, error: kitError });
      latest.current.options.onError?.(kitError);
    },
    [isCurrent, send, latest],
  );

  const finish = useCallback(
    (result: RecoverAccountSuccess) => {
      session.current = undefined;
      latest.current.options.onSuccess?.(result);
    },
    [latest],
  );

  // `drive` and the steps call each other; a ref breaks the cycle of useCallback dependencies.
  const driveRef = useRef<(state: RecoverAccountState) => void>(() => {});
  const drive = useCallback((state: RecoverAccountState) => driveRef.current(state), []);

  const runSendCode = async (attempt: number): Promise<void> => {
    const signal = nextSignal();
    try {
      const username = session.current?.username ?? '';
      if (username === '') throw new DfnsAuthError('invalid_input', 'useRecoverAccount: sendCode needs a username.');
      await sendRecoveryCode(latest.current.client, { username }, { signal });
      if (!isCurrent(attempt)) return;
      setCodeSent(true);
      send({ type: 'code-sent', attempt });
    } catch (error) {
      fail(attempt, error);
    }
  };

  const fetchChallenge = async (attempt: number, s: Session): Promise<void> => {
    const signal = nextSignal();
    try {
      const { fetchRecoveryChallenge } = await recoverAccountSteps.load();
      const challenge = await fetchRecoveryChallenge(latest.current.client, latest.current.options.getChallenge, s, signal);
      s.challenge = { value: challenge, receivedAt: Date.now(), username: s.username, credentialId: s.credentialId };
      if (!isCurrent(attempt)) return;
      drive(send({ type: 'challenge-received', attempt, challenge }));
    } catch (error) {
      fail(attempt, error);
    }
  };

  /** Checks the submitted codes (before any request: a mistyped code must not spend the emailed one), then goes on. */
  const checkCodes = (attempt: number, s: Session, { checkRecoveryCodes }: RecoverAccountSteps): void => {
    try {
      s.recoveryCode = checkRecoveryCodes(s, s.recoveryCode ?? '', latest.current.options.getChallenge !== undefined);
    } catch (error) {
      s.recoveryCode = undefined;
      fail(attempt, error);
      return;
    }
    s.checked = true;
    runFetchChallenge(attempt);
    // Unlocking the old key needs the recovery-key crypto: it loads while the challenge is fetched.
    recoveryKeyCrypto.preload();
  };

  const runFetchChallenge = (attempt: number): void => {
    const s = session.current;
    if (!s) return fail(attempt, new DfnsAuthError('invalid_input', 'useRecoverAccount: submitCodes was not called.'));
    if (s.checked === false) {
      const steps = recoverAccountSteps.snapshot();
      // Loaded since the flow started: the codes are checked in the submit's call, a mistake shown
      // in the same commit. A hook driven straight to submitCodes (or a chunk that failed) waits here.
      if (steps.status === 'ready') return checkCodes(attempt, s, steps.value);
      recoverAccountSteps.load().then(
        (loaded) => {
          if (isCurrent(attempt)) checkCodes(attempt, s, loaded);
        },
        (error: unknown) => fail(attempt, error),
      );
      return;
    }
    const cached = s.challenge;
    if (
      cached &&
      Date.now() - cached.receivedAt < CHALLENGE_LIFETIME_MS &&
      sameUser(cached.username, s.username) &&
      cached.credentialId === s.credentialId
    ) {
      // Synchronous on purpose: a retry click can then reach the passkey prompt with its gesture intact.
      drive(send({ type: 'challenge-received', attempt, challenge: cached.value }));
      return;
    }
    s.challenge = undefined;
    s.privateKey = undefined;
    void fetchChallenge(attempt, s);
  };

  const runUnlock = (attempt: number, challenge: RecoveryChallenge): void => {
    const s = session.current;
    if (!s) return;
    if (s.privateKey && s.privateKey.credentialId === s.credentialId) {
      drive(send({ type: 'recovery-key-unlocked', attempt }));
      return;
    }
    const recoveryCode = s.recoveryCode ?? '';
    s.recoveryCode = undefined;
    nextSignal();
    void (async () => {
      try {
        const { unlockOldRecoveryKey } = await recoverAccountSteps.load();
        const key = await unlockOldRecoveryKey(challenge, s.credentialId, recoveryCode);
        if (!isCurrent(attempt)) return;
        s.privateKey = { key, credentialId: s.credentialId };
        send({ type: 'recovery-key-unlocked', attempt });
        // No prompt here: PBKDF2 and a fetch ran since the click, so the browser may refuse it.
      } catch (error) {
        fail(attempt, error);
      }
    })();
  };

  const runSign = async (attempt: number): Promise<void> => {
    nextSignal();
    try {
      const s = session.current;
      const challenge = s?.challenge?.value;
      if (!s || !challenge || !s.passkey || !s.privateKey) {
        throw new DfnsAuthError('unknown_error', 'useRecoverAccount: the recovery session was lost before signing.');
      }
      const { signNewCredentials } = await recoverAccountSteps.load();
      const signed = await signNewCredentials(challenge, s.passkey, { credentialId: s.credentialId, privateKey: s.privateKey.key });
      if (!isCurrent(attempt)) return;
      s.signed = signed;
      drive(send({ type: 'signed', attempt }));
    } catch (error) {
      fail(attempt, error);
    }
  };

  const runSubmit = async (attempt: number): Promise<void> => {
    const signal = nextSignal();
    const s = session.current;
    const signed = s?.signed;
    try {
      if (!s || !signed) throw new DfnsAuthError('unknown_error', 'useRecoverAccount: nothing was signed to submit.');
      const { submitRecovery } = await recoverAccountSteps.load();
      const { user, recoveryKit } = await submitRecovery(latest.current.client, signed, signal);
      if (!isCurrent(attempt)) return;
      // Every old credential is dead now: nothing of this recovery may be reused.
      session.current = undefined;
      const then = latest.current.options.autoLogin ? 'log-in' : 'done';
      send({ type: 'recovered', attempt, user, recoveryKit, then });
    } catch (error) {
      // The signed body is single-use in spirit: a retry signs new credentials.
      if (s) s.signed = undefined;
      fail(attempt, error);
    }
  };

  const runLogin = async (attempt: number, user: RegisteredUser): Promise<void> => {
    try {
      const token = await loginAfterKit.logIn(user.username, {
        ...latest.current,
        nextSignal,
        isCurrent: () => isCurrent(attempt),
      });
      if (token === undefined || !isCurrent(attempt)) return;
      send({ type: 'logged-in', attempt });
      finish({ user, token });
    } catch (error) {
      fail(attempt, error);
    }
  };

  driveRef.current = (state: RecoverAccountState): void => {
    switch (state.status) {
      case 'sending-code':
        void runSendCode(state.attempt);
        return;
      case 'fetching-challenge':
        runFetchChallenge(state.attempt);
        return;
      case 'unlocking-recovery-key':
        runUnlock(state.attempt, state.challenge);
        return;
      case 'signing-with-recovery-key':
        void runSign(state.attempt);
        return;
      case 'submitting':
        void runSubmit(state.attempt);
        return;
      case 'logging-in':
        void runLogin(state.attempt, state.user);
        return;
      case 'success':
        // `logged-in` reports success itself, with the token.
        if (!state.loggedIn) finish({ user: state.user });
        return;
      // Waiting for the user: the codes form, the "Create new passkey" click, the kit, an error.
      case 'idle':
      case 'code-sent':
      case 'awaiting-authenticator':
      case 'showing-recovery-kit':
      case 'error':
        return;
      default:
        state satisfies never;
    }
  };

  const openPrompt = useCallback(() => {
    const state = current();
    if (state.status !== 'awaiting-authenticator') return;
    const { attempt, challenge } = state;
    let steps: RecoverAccountSteps;
    try {
      steps = loadedSteps();
    } catch (error) {
      return fail(attempt, error);
    }
    const signal = nextSignal();
    setPromptAttempt(attempt);
    const { rp: relyingParty, authenticator: passkeys, timeout: ms } = latest.current;
    // No await before this call: it must run inside the click's user activation.
    steps.createPasskey(challenge, { rp: relyingParty, authenticator: passkeys, signal, timeout: ms }).then(
      (passkey) => {
        if (!isCurrent(attempt) || !session.current) return;
        session.current.passkey = passkey;
        drive(send({ type: 'passkey-created', attempt }));
      },
      (error: unknown) => fail(attempt, error),
    );
  }, [current, nextSignal, latest, isCurrent, drive, send, fail]);

  // With autoLogin the kit's "Continue" click opens a login prompt: fetch its challenge while the
  // kit is read, so that click reaches the prompt without a request first. Deferred so StrictMode's
  // double effect sends one request.
  const kitUsername =
    machine.state.status === 'showing-recovery-kit' && options.autoLogin ? machine.state.user.username : undefined;
  useEffect(() => {
    if (kitUsername === undefined) return;
    // The steps' chunk is here (it recovered the account); were it not, the Continue click fetches the challenge.
    const timer = setTimeout(() => {
      if (recoverAccountSteps.snapshot().status === 'ready') loginAfterKit.prefetch(latest.current.client, kitUsername);
    }, 0);
    return () => clearTimeout(timer);
  }, [kitUsername, latest, loginAfterKit]);

  const sendCode = useCallback(
    (username?: string) => {
      recoverAccountSteps.preload();
      session.current = { ...session.current, username: usernameFor(username), credentialId: session.current?.credentialId ?? '' };
      const state = current();
      if (state.status === 'error') send({ type: 'edit-codes' });
      drive(send({ type: 'send-code' }));
    },
    [usernameFor, current, send, drive],
  );

  const haveCode = useCallback(() => {
    recoverAccountSteps.preload();
    send({ type: 'have-code' });
  }, [send]);

  const submitCodes = useCallback(
    (input: RecoveryCodesInput) => {
      const state = current();
      // A second submit while a step runs must not swap the session under that step.
      if (state.status === 'idle') send({ type: 'have-code' });
      else if (state.status === 'error') send({ type: 'edit-codes' });
      else if (state.status !== 'code-sent') return;
      if (current().status !== 'code-sent') return;
      const previous = session.current;
      const username = usernameFor(input.username);
      const next: Session = {
        ...previous,
        username,
        credentialId: input.recoveryKeyId.trim(),
        verificationCode: input.verificationCode?.trim() || previous?.verificationCode,
        recoveryCode: input.recoveryCode,
        checked: false,
      };
      session.current = next;
      drive(send({ type: 'codes-entered' }));
    },
    [current, send, usernameFor, drive],
  );

  const retry = useCallback(() => {
    const next = send({ type: 'retry' });
    if (next.status === 'code-sent' && session.current) session.current.recoveryCode = undefined;
    drive(next);
    // A cached challenge and unlocked key bring a retry straight back here, still inside the click.
    if (current().status === 'awaiting-authenticator') openPrompt();
  }, [send, drive, current, openPrompt]);

  const continueFlow = useCallback(() => {
    send({ type: 'continue' });
    openPrompt();
  }, [send, openPrompt]);

  const editCodes = useCallback(() => {
    send({ type: 'edit-codes' });
  }, [send]);

  const kitSaved = useCallback(() => {
    drive(send({ type: 'kit-saved' }));
  }, [send, drive]);

  const reset = useCallback(() => {
    abort();
    session.current = undefined;
    loginAfterKit.drop();
    setCodeSent(false);
    send({ type: 'reset' });
  }, [abort, loginAfterKit, send]);

  const { state } = machine;
  return {
    state,
    mode,
    codeSent,
    promptOpen: state.status === 'awaiting-authenticator' && promptAttempt === state.attempt,
    sendCode,
    haveCode,
    submitCodes,
    createNewPasskey: openPrompt,
    continue: continueFlow,
    retry,
    editCodes,
    kitSaved,
    reset,
  };
}
