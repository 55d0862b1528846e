'use client';
import { useAddCredential, type UseAddCredentialOptions, type UseAddCredentialResult } from './useAddCredential';

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
  return useAddCredential('Fido2', 'useAddPasskey', options);
}
