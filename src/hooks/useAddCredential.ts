'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { initCredential } from '../api/credentials';
import { credentialSchema } from '../api/schemas';
import { stringifyBody } from '../api/stringifyBody';
import type { CreateCredentialBody, Credential, CredentialAttestation, CredentialChallenge } from '../api/types';
import { getUserActionToken } from '../api/userActions';
import { toDfnsAuthError, type DfnsAuthError } from '../errors';
import { initialState, reduce, type AddCredentialState } from '../flows/addCredentialFlow';
import type { RecoveryKit } from '../flows/flowState';
import type { DfnsAuthContextValue } from '../provider/DfnsAuthContext';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { dfnsKeys } from '../query/dfnsKeys';
import { passkeySigner } from '../webauthn/signWithPasskey';
import { useFlowMachine } from './useFlowMachine';
import { useLatest } from './useLatest';

/** Options of `useAddPasskey` and `useCreateRecoveryKey`. */
export interface UseAddCredentialOptions {
  /** The credential Dfns stored; for a recovery key, once the user confirmed they saved the kit. */
  onSuccess?: ((result: { credential: Credential }) => void) | undefined;
  /** Called once per failure. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
}

/** What `useAddPasskey` and `useCreateRecoveryKey` return. */
export interface UseAddCredentialResult {
  state: AddCredentialState;
  /** The click: adds the credential under `name` (call it from the event handler, not an effect). */
  start: (input: { name: string }) => void;
  /** From `error`: the failed step again (a fresh challenge, or a fresh signing prompt). */
  retry: () => void;
  /** From `error` after a refused gesture: the same prompt again, from this click. */
  continue: () => void;
  /** The user saved the recovery kit: drops it from state and finishes. */
  kitSaved: () => void;
  /** Back to `idle`, dropping whatever is in flight (not while the new kit is shown). */
  reset: () => void;
}

/** The new credential as `POST /auth/credentials` takes it (before its name and challenge id), and a new recovery key's kit. */
export interface MadeCredential {
  attestation: CredentialAttestation;
  kit?: RecoveryKit | undefined;
}

/**
 * How one kind of credential is made: `useAddPasskey`'s passkey (the browser's prompt) or
 * `useCreateRecoveryKey`'s recovery key (WebCrypto). Each hook passes only its own, so an app
 * ships only the credential it makes: a recovery key needs no registration ceremony, a passkey no
 * recovery-key code.
 */
export interface CredentialMaker {
  kind: 'Fido2' | 'RecoveryKey';
  make: (
    challenge: CredentialChallenge,
    context: Pick<DfnsAuthContextValue, 'client' | 'orgId' | 'rp' | 'authenticator' | 'timeout'> & { signal: AbortSignal },
  ) => Promise<MadeCredential>;
  /** Starts loading what `make` needs later; called in the click, after the call that may open a prompt. */
  preload?: (() => void) | undefined;
}

/** The credential being added: kept by the hook, never in state or a cache. */
interface Pending {
  body: CreateCredentialBody;
  /** The body string, made once: signed for the user action and sent as is. */
  bodyText: string;
  /** A new recovery key's kit, handed to the state only once Dfns stored the key. */
  kit?: RecoveryKit | undefined;
}

/**
 * Adds a credential made by `maker` to the logged-in user: challenge → new passkey (`Fido2`) or new
 * recovery key → user action for `POST /auth/credentials`, signed with an existing passkey → create.
 * The shared engine of `useAddPasskey` and `useCreateRecoveryKey`.
 */
export function useAddCredential(
  maker: CredentialMaker,
  hookName: string,
  options: UseAddCredentialOptions = {},
): UseAddCredentialResult {
  const { client, orgId, rp, authenticator, timeout } = useDfnsAuth(hookName);
  const queryClient = useQueryClient();
  const { state, send, current, isCurrent, nextSignal, abort } = useFlowMachine(reduce, initialState);
  const optionsRef = useLatest(options);
  const nameRef = useRef('');
  const pendingRef = useRef<Pending | undefined>(undefined);

  const fail = useCallback(
    (attempt: number, error: unknown) => {
      if (!isCurrent(attempt)) return;
      const kitError = toDfnsAuthError(error);
      send({ type: 'failed', attempt, error: kitError });
      optionsRef.current.onError?.(kitError);
    },
    [isCurrent, send, optionsRef],
  );

  /** Runs from the current state to the end, one async step at a time. */
  const drive = useCallback(async (): Promise<void> => {
    let s = current();
    if (s.status === 'fetching-challenge') {
      const { attempt } = s;
      const signal = nextSignal();
      let challenge: CredentialChallenge;
      try {
        challenge = await initCredential(client, { kind: maker.kind }, { signal });
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (!isCurrent(attempt)) return;
      s = send({ type: 'challenge-received', attempt, challenge });
    }

    if (s.status === 'awaiting-authenticator' || s.status === 'creating-key') {
      const { attempt, challenge } = s;
      const signal = nextSignal();
      try {
        const made = await maker.make(challenge, { client, orgId, rp, authenticator, timeout, signal });
        pendingRef.current = pending(
          { ...made.attestation, credentialName: nameRef.current, challengeIdentifier: challenge.challengeIdentifier },
          made.kit,
        );
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (!isCurrent(attempt)) return;
      s = send({ type: 'credential-created', attempt });
    }

    const held = pendingRef.current;
    if (s.status === 'signing-user-action' && held) {
      const { attempt } = s;
      const signal = nextSignal();
      let userAction: string;
      try {
        userAction = await getUserActionToken(
          client,
          { method: 'POST', path: '/auth/credentials', payload: held.bodyText },
          { sign: passkeySigner({ rp, authenticator, timeout }), signal },
        );
      } catch (error) {
        fail(attempt, error);
        return;
      }
      if (!isCurrent(attempt)) return;
      s = send({ type: 'user-action-signed', attempt });

      let credential: Credential;
      try {
        credential = await client.request({
          method: 'POST',
          path: '/auth/credentials',
          auth: 'user',
          bodyText: held.bodyText,
          headers: { 'X-DFNS-USERACTION': userAction },
          schema: credentialSchema(),
          signal,
        });
      } catch (error) {
        fail(s.attempt, error);
        return;
      }
      if (!isCurrent(s.attempt)) return;
      pendingRef.current = undefined;
      void queryClient.invalidateQueries({ queryKey: dfnsKeys.credentials(client) });
      const done = send({ type: 'created', attempt: s.attempt, credential, recoveryKit: held.kit });
      if (done.status === 'success') optionsRef.current.onSuccess?.({ credential: done.credential });
    }

    /** The attestation as `POST /auth/credentials` takes it, stringified once. */
    function pending(body: CreateCredentialBody, kit?: RecoveryKit): Pending {
      return { body, bodyText: stringifyBody(body, 'POST /auth/credentials'), kit };
    }
  }, [client, maker, orgId, rp, authenticator, timeout, current, nextSignal, isCurrent, send, fail, queryClient, optionsRef]);

  const start = useCallback(
    ({ name }: { name: string }) => {
      nameRef.current = name.trim();
      const s = current();
      if (s.status !== 'idle') send({ type: 'reset' });
      pendingRef.current = undefined;
      send({ type: 'start' });
      void drive();
      // What the credential is made with (a recovery key's crypto) loads while the challenge is fetched.
      maker.preload?.();
    },
    [current, send, drive, maker],
  );

  const retry = useCallback(() => {
    const s = current();
    if (s.status !== 'error') return;
    // Retrying the signing step reuses the new credential; any earlier step makes a new one.
    if (s.step !== 'signing-user-action') pendingRef.current = undefined;
    send({ type: 'retry' });
    void drive();
  }, [current, send, drive]);

  const continueFlow = useCallback(() => {
    const s = current();
    if (s.status !== 'error') return;
    // The signing prompt keeps no challenge: its "Continue" re-runs that step from this click,
    // with the credential the hook still holds.
    if (s.step === 'signing-user-action' || !s.challenge) {
      retry();
      return;
    }
    send({ type: 'continue' });
    void drive();
  }, [current, send, drive, retry]);

  const kitSaved = useCallback(() => {
    const done = send({ type: 'kit-saved' });
    if (done.status === 'success') optionsRef.current.onSuccess?.({ credential: done.credential });
  }, [send, optionsRef]);

  const reset = useCallback(() => {
    if (current().status === 'showing-recovery-kit') return;
    abort();
    pendingRef.current = undefined;
    send({ type: 'reset' });
  }, [abort, current, send]);

  return { state, start, retry, continue: continueFlow, kitSaved, reset };
}
