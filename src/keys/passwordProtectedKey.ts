import type { ChallengeUser, PasswordProtectedKeyAttestation } from '../api/types';
import { DfnsAuthError } from '../errors';
import { decryptPrivateKey, encryptPrivateKey } from './encryptedKey';
import { createKeyAttestation } from './keyAttestation';
import { P256, subtle } from './subtle';

/** Options of `createPasswordProtectedKey`. */
export interface CreatePasswordProtectedKeyOptions {
  /** Defaults to `challenge.user.name`; must be the same username at unlock time. */
  username?: string | undefined;
  /** Adds `origin`/`crossOrigin` to the client data (off by default, as in Dfns's SDK signers). */
  origin?: string | undefined;
  credId?: string | undefined;
}

/**
 * A new PasswordProtectedKey credential. Its `encryptedPrivateKey` uses the recovery-key blob
 * format (PBKDF2-SHA-256 ×100 000 over the password VERBATIM, salt SHA-256 of the lower-cased,
 * trimmed username, AES-GCM-256 wrapKey pkcs8, 16-byte IV), so one decryptor serves both kinds.
 * @example const attestation = await createPasswordProtectedKey(challenge, password);
 */
export async function createPasswordProtectedKey(
  challenge: { challenge: string; user: Pick<ChallengeUser, 'name'> },
  password: string,
  options: CreatePasswordProtectedKeyOptions = {},
): Promise<PasswordProtectedKeyAttestation> {
  if (password.length === 0) {
    throw new DfnsAuthError('invalid_input', 'A PasswordProtectedKey needs a non-empty password.');
  }
  const keyPair = await subtle().generateKey(P256, true, ['sign', 'verify']);
  const encryptedPrivateKey = await encryptPrivateKey(keyPair.privateKey, password, options.username ?? challenge.user.name);
  const attestation = await createKeyAttestation({
    challenge,
    keyPair,
    kind: 'PasswordProtectedKey',
    credId: options.credId,
    origin: options.origin,
  });
  return { ...attestation, encryptedPrivateKey };
}

/**
 * Decrypts a PasswordProtectedKey (`allowCredentials.passwordProtectedKey[i].encryptedPrivateKey`)
 * into a non-extractable signing key; a wrong password throws `RecoveryError('password_invalid')`.
 * @example const privateKey = await unlockPasswordProtectedKey(entry.encryptedPrivateKey, password, username);
 */
export async function unlockPasswordProtectedKey(blob: string, password: string, username: string): Promise<CryptoKey> {
  return decryptPrivateKey(blob, password, username, 'password_invalid');
}
