'use client';
import { recoveryKitOf } from '../flows/recoveryKitOf';
import { recoveryKeyCrypto } from './recoveryKeyCrypto';
import { useAddCredential, type CredentialMaker, type UseAddCredentialOptions, type UseAddCredentialResult } from './useAddCredential';

/** A new recovery key and its kit, made with the recovery-key crypto (a chunk the click starts loading). */
const newRecoveryKey: CredentialMaker = {
  kind: 'RecoveryKey',
  preload: recoveryKeyCrypto.preload,
  async make(challenge, { client, orgId }) {
    const { createRecoveryKey } = await recoveryKeyCrypto.load();
    // The salt is the Dfns username from the challenge, so the kit decrypts at recovery time.
    const created = await createRecoveryKey({ challenge });
    return { attestation: created.credential, kit: recoveryKitOf(created, { username: challenge.user.name, orgId, server: client.baseUrl }) };
  },
};

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
  return useAddCredential(newRecoveryKey, 'useCreateRecoveryKey', options);
}
