'use client';
import { useEffect, useRef } from 'react';
import { dfnsUserIdOf } from '../api/dfnsUserIdOf';
import { readAuthToken } from '../api/readAuthToken';
import type { Credential } from '../api/types';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { signalAcceptedPasskeys } from '../webauthn/signalAcceptedPasskeys';

/**
 * Keeps the browser's passkey providers in step with the user's credential list (WebAuthn Signal
 * API): whenever `credentials` changes, the active passkeys of the provider's rp id are signalled
 * as the only ones that still work, so a deactivated passkey stops being offered at sign-in. The
 * user id comes from the auth token (Dfns documents no other way). Does nothing while `enabled` is
 * false, without a list or a Dfns token, in a browser without the API, and for a list with no
 * active passkey (that would hide them all). `<CredentialList signalPasskeys>` uses it.
 *
 * @example
 * const list = useCredentials();
 * useSignalAcceptedPasskeys(list.data?.items);
 */
export function useSignalAcceptedPasskeys(credentials: readonly Credential[] | undefined, enabled = true): void {
  const { client, rp } = useDfnsAuth('useSignalAcceptedPasskeys');
  const signalled = useRef('');
  const credentialIds = (credentials ?? [])
    .filter((credential) => credential.kind === 'Fido2' && credential.isActive && credential.relyingPartyId === rp.id)
    .map((credential) => credential.credentialId);
  // One string per distinct list: a refetch with the same answer (or StrictMode's second effect) signals nothing new.
  const key = enabled && credentials ? `${rp.id} ${credentialIds.join(' ')}` : '';

  useEffect(() => {
    if (key === '' || key === signalled.current) return;
    let cancelled = false;
    void (async () => {
      const token = await readAuthToken(client);
      const dfnsUserId = token ? dfnsUserIdOf(token) : undefined;
      if (cancelled || !dfnsUserId) return;
      if (await signalAcceptedPasskeys({ rpId: rp.id, dfnsUserId, credentialIds })) signalled.current = key;
    })().catch(() => {
      // Best effort: a token function that throws leaves the providers as they were.
    });
    return () => {
      cancelled = true;
    };
    // `key` stands for `credentialIds`: an array made on every render would re-run the effect each time.
  }, [key, client, rp.id]);
}
