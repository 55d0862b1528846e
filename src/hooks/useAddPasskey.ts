'use client';
import { DfnsAuthError } from '../errors';
import { createPasskey } from '../webauthn/createPasskey';
import { useAddCredential, type CredentialMaker, type UseAddCredentialOptions, type UseAddCredentialResult } from './useAddCredential';

/** A new passkey, made by the browser's prompt. */
const newPasskey: CredentialMaker = {
  kind: 'Fido2',
  async make(challenge, { rp, authenticator, timeout, signal }) {
    if (challenge.kind !== 'Fido2') throw new DfnsAuthError('invalid_response', 'The credential challenge is not for a passkey.');
    return { attestation: await createPasskey(challenge, { rp, authenticator, timeout, signal }) };
  },
};

/**
 * Adds a passkey to the logged-in user: a credential challenge, the browser's prompt to create
 * the new passkey, a second prompt with an existing passkey to sign `POST /auth/credentials`,
 * then the create call (4 requests). Refreshes `useCredentials` afterwards.
 *
 * @example
 * const { state, start } = useAddPasskey({ onSuccess: ({ credential }) => toast(credential.name) });
 * <button onClick={() => start({ name: 'Work laptop' })}>Add passkey</button>
 */
export function useAddPasskey(options: UseAddCredentialOptions = {}): UseAddCredentialResult {
  return useAddCredential(newPasskey, 'useAddPasskey', options);
}
