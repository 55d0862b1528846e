'use client';
import { useCallback, useRef } from 'react';
import { normalizeCredentialCode, toCredentialCodeError } from '../api/credentialCode';
import { createCredentialWithCode, initCredentialWithCode } from '../api/credentials';
import type { Credential, Fido2Attestation, Fido2CredentialChallenge } from '../api/types';
import { DfnsAuthError, toDfnsAuthError } from '../errors';
import { initialState, reduce, type AddPasskeyWithCodeState } from '../flows/addPasskeyWithCodeFlow';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { createPasskey } from '../webauthn/createPasskey';
import { logInAfterKit } from './loginAfterKit';
import { useFlowMachine } from './useFlowMachine';
import { useLatest } from './useLatest';

/** Options of `useAddPasskeyWithCode`. */
export interface UseAddPasskeyWithCodeOptions {
  /** Sign in with the new passkey at once (a second passkey prompt); `onSuccess` then gets the token. */
  autoLogin?: boolean | undefined;
  /** The passkey was added (and, with `autoLogin`, the user signed in with it). */
  onSuccess?: ((result: { credential: Credential; username: string; token?: string | undefined }) => void) | undefined;
  /** Called once per failure. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
}

/** What `useAddPasskeyWithCode` returns. */
export interface UseAddPasskeyWithCodeResult {
  state: AddPasskeyWithCodeState;
  /**
   * The click: `code` from the signed-in device, `name` for the new passkey. `username`, when
   * known, must be the user the code was made for (a code names its user; Dfns needs no username).
   */
  start: (input: { code: string; name: string; username?: string | undefined }) => void;
  /** From `error`: the failed step again; after the code was spent, with its challenge, never the code. */
  retry: () => void;
  /** From `error` after a refused gesture: the passkey prompt again, from this click. */
  continue: () => void;
  /** Back to `idle`, dropping whatever is in flight. */
  reset: () => void;
}

/**
 * The new-device half of adding a passkey with a one-time code, with no session: the code buys a
 * credential challenge (`POST /auth/credentials/code/init`), the browser makes the passkey, and
 * `POST /auth/credentials/code/verify` adds it (2 requests; 4 more with `autoLogin`). A mistyped
 * code is `credential_code_invalid`, a spent or expired one `credential_code_expired`.
 *
 * @example
 * const { state, start } = useAddPasskeyWithCode({ onSuccess: () => navigate('/sign-in') });
 * <button onClick={() => start({ code, name: 'Work PC' })}>Create passkey</button>
 */
export function useAddPasskeyWithCode(options: UseAddPasskeyWithCodeOptions = {}): UseAddPasskeyWithCodeResult {
  const config = useDfnsAuth('useAddPasskeyWithCode');
  const configRef = useLatest(config);
  const optionsRef = useLatest(options);
  const { state, send, current, isCurrent, nextSignal, abort } = useFlowMachine(reduce, initialState);
  // The code is a secret: it stays here for the one request that spends it.
  const inputRef = useRef<{ code: string; name: string; username?: string | undefined } | undefined>(undefined);

  const fail = useCallback(
    (attempt: number, error: unknown) => {
      if (!isCurrent(attempt)) return;
      const kitError = toDfnsAuthError(error);
      send({ type: 'failed', attempt, error: kitError });
      optionsRef.current.onError?.(kitError);
    },
    [isCurrent, send, optionsRef],
  );

  const drive = useCallback(async (): Promise<void> => {
    const { client, rp, authenticator, timeout } = configRef.current;
    let s = current();
    if (s.status === 'fetching-challenge') {
      const { attempt } = s;
      const input = inputRef.current;
      let challenge: Fido2CredentialChallenge;
      try {
        if (!input) throw new DfnsAuthError('invalid_input', 'useAddPasskeyWithCode.start needs the code.');
        const code = normalizeCredentialCode(input.code);
        try {
          challenge = await initCredentialWithCode(client, { code, credentialKind: 'Fido2' }, { signal: nextSignal() });
        } catch (error) {
          throw toCredentialCodeError(error);
        }
        // Spent now, whatever follows: a retry reuses the challenge, never the code.
        input.code = '';
        if (input.username && input.username.toLowerCase() !== challenge.user.name.toLowerCase()) {
          throw new DfnsAuthError(
            'credential_code_invalid',
            `The code was made for another user than ${input.username}: ask that user's signed-in device for a code.`,
          );
        }
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (!isCurrent(attempt)) return;
      s = send({ type: 'challenge-received', attempt, challenge });
    }

    if (s.status === 'awaiting-authenticator') {
      const { attempt, challenge } = s;
      let passkey: Fido2Attestation;
      try {
        if (challenge.kind !== 'Fido2') throw new DfnsAuthError('invalid_response', 'The code challenge is not for a passkey.');
        passkey = await createPasskey(challenge, { rp, authenticator, timeout, signal: nextSignal() });
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (!isCurrent(attempt)) return;
      s = send({ type: 'passkey-created', attempt });
      if (s.status !== 'submitting') return;
      let credential: Credential;
      try {
        credential = await createCredentialWithCode(
          client,
          { ...passkey, credentialName: inputRef.current?.name ?? '', challengeIdentifier: challenge.challengeIdentifier },
          { signal: nextSignal() },
        );
      } catch (error) {
        fail(s.attempt, error);
        return;
      }
      if (!isCurrent(s.attempt)) return;
      const added = { credential, username: challenge.user.name };
      s = send({ type: 'added', attempt: s.attempt, added, then: optionsRef.current.autoLogin ? 'log-in' : 'done' });
      if (s.status === 'success') {
        inputRef.current = undefined;
        optionsRef.current.onSuccess?.(added);
      }
    }

    if (s.status === 'logging-in') {
      const { attempt, added } = s;
      let token: string | undefined;
      try {
        token = await logInAfterKit(added.username, undefined, {
          client,
          rp,
          authenticator,
          timeout,
          nextSignal,
          isCurrent: () => isCurrent(attempt),
        });
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (token === undefined || !isCurrent(attempt)) return;
      inputRef.current = undefined;
      send({ type: 'logged-in', attempt });
      optionsRef.current.onSuccess?.({ ...added, token });
    }
  }, [configRef, optionsRef, current, nextSignal, isCurrent, send, fail]);

  const start = useCallback(
    (input: { code: string; name: string; username?: string | undefined }) => {
      if (current().status !== 'idle') send({ type: 'reset' });
      inputRef.current = { code: input.code, name: input.name.trim(), username: input.username?.trim() || undefined };
      send({ type: 'start' });
      void drive();
    },
    [current, send, drive],
  );

  const retry = useCallback(() => {
    send({ type: 'retry' });
    void drive();
  }, [send, drive]);

  const continueFlow = useCallback(() => {
    send({ type: 'continue' });
    void drive();
  }, [send, drive]);

  const reset = useCallback(() => {
    abort();
    inputRef.current = undefined;
    send({ type: 'reset' });
  }, [abort, send]);

  return { state, start, retry, continue: continueFlow, reset };
}
