'use client';
import { useAddCredential, type UseAddCredentialOptions, type UseAddCredentialResult } from './useAddCredential';

/**
 * Creates a recovery key for the logged-in user: a RecoveryKey challenge, a new key encrypted
 * with a new recovery code (salted with the Dfns username), a passkey prompt to sign
 * `POST /auth/credentials`, the create call, then the recovery kit, shown once (`showing-recovery-kit`).
 *
 * @example
 * const { state, start, kitSaved } = useCreateRecoveryKey();
 * <button onClick={() => start({ name: 'Recovery key' })}>Create recovery key</button>
 */
export function useCreateRecoveryKey(options: UseAddCredentialOptions = {}): UseAddCredentialResult {
  return useAddCredential('RecoveryKey', 'useCreateRecoveryKey', options);
}
