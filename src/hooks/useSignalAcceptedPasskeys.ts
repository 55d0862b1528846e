'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { dfnsUserIdOf } from '../api/dfnsUserIdOf';
import { readAuthToken } from '../api/readAuthToken';
import type { Credential, CredentialListResponse } from '../api/types';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { dfnsKeys } from '../query/dfnsKeys';
import { signalAcceptedPasskeys } from '../webauthn/signalAcceptedPasskeys';

/**
 * Keeps the browser's passkey providers in step with the user's credential list (WebAuthn Signal
 * API): whenever `credentials` changes, the active passkeys of the provider's rp id are signalled
 * as the only ones that still work, so a deactivated passkey stops being offered at sign-in. The
 * user id comes from the auth token (Dfns documents no other way), and the signal is sent only
 * when `credentials` is exactly the list `useCredentials` fetched with that user's token: a list
 * of another user (say, the one signed in before) is never signalled as this user's. Does nothing
 * while `enabled` is false, without a list or a Dfns token, in a browser without the API, and for
 * a list with no active passkey (that would hide them all). `<CredentialList signalPasskeys>` uses it.
 *
 * @example
 * const list = useCredentials();
 * useSignalAcceptedPasskeys(list.data?.items);
 */
export function useSignalAcceptedPasskeys(credentials: readonly Credential[] | undefined, enabled = true): void {
  const { client, rp } = useDfnsAuth('useSignalAcceptedPasskeys');
  const queryClient = useQueryClient();
  const signalled = useRef('');
  const credentialIds = acceptedIds(credentials ?? [], rp.id);
  // One string per distinct list: a refetch with the same answer (or StrictMode's second effect) signals nothing new.
  const key = enabled && credentials ? `${rp.id} ${credentialIds.join(' ')}` : '';

  useEffect(() => {
    if (key === '') return;
    let cancelled = false;
    void (async () => {
      const token = await readAuthToken(client);
      const dfnsUserId = token ? dfnsUserIdOf(token) : undefined;
      if (cancelled || !dfnsUserId || `${dfnsUserId} ${key}` === signalled.current) return;
      // Only ids of the list fetched with this user's own token (see credentialsQueryOptions).
      const owned = queryClient.getQueryData<CredentialListResponse>(dfnsKeys.credentials(client, dfnsUserId));
      if (!owned || acceptedIds(owned.items, rp.id).join(' ') !== credentialIds.join(' ')) return;
      if (await signalAcceptedPasskeys({ rpId: rp.id, dfnsUserId, credentialIds })) signalled.current = `${dfnsUserId} ${key}`;
    })().catch(() => {
      // Best effort: a token function that throws leaves the providers as they were.
    });
    return () => {
      cancelled = true;
    };
    // `key` stands for `credentialIds`: an array made on every render would re-run the effect each time.
  }, [key, client, rp.id, queryClient]);
}

/** The ids of the active passkeys of `rpId` in a credential list. */
function acceptedIds(credentials: readonly Credential[], rpId: string): string[] {
  return credentials
    .filter((credential) => credential.kind === 'Fido2' && credential.isActive && credential.relyingPartyId === rpId)
    .map((credential) => credential.credentialId);
}
