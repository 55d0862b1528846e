'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { listCredentials } from '../api/credentials';
import { credentialCodeSchema } from '../api/schemas';
import { stringifyBody } from '../api/stringifyBody';
import type { Credential, CredentialCode } from '../api/types';
import { getUserActionToken } from '../api/userActions';
import { toDfnsAuthError, type DfnsAuthError } from '../errors';
import { initialState, reduce, type CredentialCodeState } from '../flows/credentialCodeFlow';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { dfnsKeys } from '../query/dfnsKeys';
import { passkeySigner } from '../webauthn/signWithPasskey';
import { CHALLENGE_LIFETIME_MS } from './challengeLifetime';
import { useFlowMachine } from './useFlowMachine';
import { useLatest } from './useLatest';

/** Options of `useCreateCredentialCode`. */
export interface UseCreateCredentialCodeOptions {
  /** A passkey made with the code appeared in the user's list (the list is refreshed already). */
  onSuccess?: ((result: { credential: Credential }) => void) | undefined;
  /** Called once per failure. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /** How long each code lives, in ms (default 55 s: Dfns allows at most one minute, less a little for clock skew). */
  lifetimeMs?: number | undefined;
  /** How often the credential list is asked for the new passkey while a code can still make one, in ms (default 3 s). */
  pollIntervalMs?: number | undefined;
}

/** What `useCreateCredentialCode` returns. */
export interface UseCreateCredentialCodeResult {
  state: CredentialCodeState;
  /** The click: signs the code request with a passkey and shows the code (again: a new code). */
  start: () => void;
  /** From `error`: sign and ask again. */
  retry: () => void;
  /** Back to `idle`: the code is dropped from state and the list is no longer watched. */
  reset: () => void;
}

/** The default lifetime of a code: Dfns's minute, less a little for the clocks of browser and server. */
export const DEFAULT_CREDENTIAL_CODE_LIFETIME_MS = 55_000;

/**
 * The signed-in half of adding a passkey on another device or domain: a passkey prompt signs
 * `POST /auth/credentials/code` (user action), the code is shown until it expires, and the
 * credential list is asked every few seconds for the passkey made with it, then refreshed
 * (requests: 2 for the user action, 1 for the code, 1 for the list before it, 1 per poll).
 *
 * @example
 * const { state, start } = useCreateCredentialCode({ onSuccess: ({ credential }) => toast(credential.name) });
 * state.status === 'showing-code' ? <output>{state.code}</output> : <button onClick={start}>Add a passkey on another device</button>;
 */
export function useCreateCredentialCode(options: UseCreateCredentialCodeOptions = {}): UseCreateCredentialCodeResult {
  const { client, rp, authenticator, timeout } = useDfnsAuth('useCreateCredentialCode');
  const queryClient = useQueryClient();
  const { state, send, current, isCurrent, nextSignal, abort } = useFlowMachine(reduce, initialState);
  const optionsRef = useLatest(options);
  // The credentials the user had before the code: any other one was made with it.
  const knownRef = useRef<ReadonlySet<string> | undefined>(undefined);

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
    const s = current();
    if (s.status !== 'signing-user-action') return;
    const lifetimeMs = optionsRef.current.lifetimeMs ?? DEFAULT_CREDENTIAL_CODE_LIFETIME_MS;
    const requestedAt = Date.now();
    const bodyText = stringifyBody({ expiration: new Date(requestedAt + lifetimeMs).toISOString() }, 'POST /auth/credentials/code');
    const signal = nextSignal();
    let userAction: string;
    try {
      userAction = await getUserActionToken(
        client,
        { method: 'POST', path: '/auth/credentials/code', payload: bodyText },
        { sign: passkeySigner({ rp, authenticator, timeout }), signal },
      );
    } catch (error) {
      fail(s.attempt, error);
      return;
    }
    if (!isCurrent(s.attempt)) return;
    const next = send({ type: 'user-action-signed', attempt: s.attempt });
    let answer: CredentialCode;
    try {
      // The list is read beside the code, so it cannot hold a passkey made with that code yet.
      const [made, before] = await Promise.all([
        client.request({
          method: 'POST',
          path: '/auth/credentials/code',
          auth: 'user',
          bodyText,
          headers: { 'X-DFNS-USERACTION': userAction },
          schema: credentialCodeSchema(),
          signal,
        }),
        listCredentials(client, { signal }),
      ]);
      answer = made;
      knownRef.current = new Set(before.items.map((c) => c.credentialUuid));
    } catch (error) {
      fail(next.attempt, error);
      return;
    }
    if (!isCurrent(next.attempt)) return;
    // Counted on this browser's clock from the request, the length asked for: the server's
    // `expiration` is on its clock, which may differ from the one the countdown runs on.
    send({ type: 'code-received', attempt: next.attempt, code: answer.code, expiresAt: requestedAt + lifetimeMs });
  }, [client, rp, authenticator, timeout, current, nextSignal, isCurrent, send, fail, optionsRef]);

  // While a code can still make a passkey: expire it on time, and watch the list for the new one.
  const { status, attempt } = state;
  const expiresAt = state.status === 'showing-code' ? state.expiresAt : undefined;
  useEffect(() => {
    if (status !== 'showing-code' && status !== 'expired') return undefined;
    const controller = new AbortController();
    const timers: ReturnType<typeof setTimeout>[] = [];
    if (expiresAt !== undefined) {
      timers.push(setTimeout(() => send({ type: 'code-expired', attempt }), Math.max(0, expiresAt - Date.now())));
    }
    // A passkey begun just before the code expired can still be added with its challenge.
    const watchUntil = (expiresAt ?? Date.now()) + CHALLENGE_LIFETIME_MS;
    const every = optionsRef.current.pollIntervalMs ?? 3000;
    const poll = async (): Promise<void> => {
      if (Date.now() > watchUntil || !isCurrent(attempt)) return;
      try {
        const { items } = await listCredentials(client, { signal: controller.signal });
        const known = knownRef.current;
        const added = known && items.find((c) => !known.has(c.credentialUuid));
        if (added && isCurrent(attempt)) {
          const done = send({ type: 'credential-added', attempt, credential: added });
          if (done.status === 'success') {
            void queryClient.invalidateQueries({ queryKey: dfnsKeys.credentials(client) });
            optionsRef.current.onSuccess?.({ credential: added });
          }
          return;
        }
      } catch {
        // A failed poll is not the user's problem: the next one asks again.
        if (controller.signal.aborted) return;
      }
      timers.push(setTimeout(() => void poll(), every));
    };
    timers.push(setTimeout(() => void poll(), every));
    return () => {
      controller.abort();
      timers.forEach(clearTimeout);
    };
  }, [status, attempt, expiresAt, client, send, isCurrent, queryClient, optionsRef]);

  const start = useCallback(() => {
    const next = send({ type: 'start' });
    if (next.status === 'signing-user-action') void drive();
  }, [send, drive]);

  const retry = useCallback(() => {
    const next = send({ type: 'retry' });
    if (next.status === 'signing-user-action') void drive();
  }, [send, drive]);

  const reset = useCallback(() => {
    abort();
    knownRef.current = undefined;
    send({ type: 'reset' });
  }, [abort, send]);

  return { state, start, retry, reset };
}
