import { utf8ToBase64url } from '../encoding/base64url';

/** Which passkeys of one user still work for one rp id. */
export interface AcceptedPasskeys {
  rpId: string;
  /** The Dfns user id (`us-…`): the kit makes it the passkeys' user handle, as its UTF-8 bytes. */
  dfnsUserId: string;
  /** The `credentialId`s of the user's active passkeys for this rp id. */
  credentialIds: readonly string[];
}

type SignalAllAcceptedCredentials = (options: { rpId: string; userId: string; allAcceptedCredentialIds: string[] }) => Promise<void>;

/**
 * Tells the browser's passkey providers which passkeys of this user still work (the WebAuthn
 * Signal API, `PublicKeyCredential.signalAllAcceptedCredentials`), so that a deactivated passkey
 * stops being offered at sign-in, and comes back once it is active again where the provider
 * supports that. Best effort: resolves false, never throws, when the browser lacks the API, when
 * it refuses, or when the list is empty (an empty list would hide every passkey of the user).
 */
export async function signalAcceptedPasskeys({ rpId, dfnsUserId, credentialIds }: AcceptedPasskeys): Promise<boolean> {
  const credential = (globalThis as { PublicKeyCredential?: { signalAllAcceptedCredentials?: SignalAllAcceptedCredentials } })
    .PublicKeyCredential;
  const signal = credential?.signalAllAcceptedCredentials;
  if (typeof signal !== 'function' || credentialIds.length === 0) return false;
  try {
    await signal.call(credential, { rpId, userId: utf8ToBase64url(dfnsUserId), allAcceptedCredentialIds: [...credentialIds] });
    return true;
  } catch {
    return false;
  }
}
