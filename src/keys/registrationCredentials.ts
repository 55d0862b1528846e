import type { Fido2Attestation, RegistrationChallenge, RegistrationCredentials } from '../api/types';
import { createRecoveryKey, type CreatedRecoveryKey } from './recoveryKey';

/**
 * The credentials that complete a registration: the new passkey, plus a new recovery key over the
 * same challenge when `withRecoveryKey` (its code is for the recovery kit, shown once).
 */
export async function registrationCredentials(
  challenge: RegistrationChallenge,
  passkey: Fido2Attestation,
  withRecoveryKey: boolean,
): Promise<{ credentials: RegistrationCredentials; recovery: CreatedRecoveryKey | undefined }> {
  // The recovery key is made after the passkey prompt, so the prompt opens as early as possible in the click.
  const recovery = withRecoveryKey ? await createRecoveryKey({ challenge, username: challenge.user.name }) : undefined;
  const credentials: RegistrationCredentials = recovery
    ? { firstFactorCredential: passkey, recoveryCredential: recovery.credential }
    : { firstFactorCredential: passkey };
  return { credentials, recovery };
}
