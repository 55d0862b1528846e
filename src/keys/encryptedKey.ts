import { base64ToBytes, bytesToBase64, utf8ToBytes } from '../encoding/base64url';
import { RecoveryError } from '../errors';
import { P256, randomBytes, sha256Utf8, subtle } from './subtle';

/**
 * The encrypted private key blob Dfns's own apps store for recovery keys (reference 7.3), used by
 * the kit for RecoveryKey and PasswordProtectedKey alike:
 * `btoa(JSON.stringify({ key: base64(AES-GCM(pkcs8) || tag), iv: base64(16-byte iv) }))`, the AES-256
 * key from PBKDF2-HMAC-SHA-256 (100 000 rounds) over the secret with salt SHA-256(username).
 */
export const PBKDF2_ITERATIONS = 100_000;

/** Length of the AES-GCM IV in Dfns's blobs (16, not the usual 12: kept for interoperability). */
export const BLOB_IV_LENGTH = 16;

/** The PBKDF2 salt: SHA-256 of the UTF-8 of the username lower-cased and trimmed. */
export async function usernameSalt(username: string): Promise<Uint8Array<ArrayBuffer>> {
  return sha256Utf8(username.toLowerCase().trim());
}

/** The AES-GCM-256 key-wrapping key for a secret (recovery code or password) and username. */
async function wrappingKey(secret: string, username: string): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', utf8ToBytes(secret), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', salt: await usernameSalt(username), iterations: PBKDF2_ITERATIONS, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/**
 * Encrypts an extractable P-256 private key with a secret into Dfns's blob format. The secret is
 * used byte for byte: normalise recovery codes first.
 */
export async function encryptPrivateKey(privateKey: CryptoKey, secret: string, username: string): Promise<string> {
  const iv = randomBytes(BLOB_IV_LENGTH);
  const wrapped = await subtle().wrapKey('pkcs8', privateKey, await wrappingKey(secret, username), { name: 'AES-GCM', iv });
  return btoa(JSON.stringify({ key: bytesToBase64(wrapped), iv: bytesToBase64(iv) }));
}

/** The two parts of a blob, or `recovery_key_not_found` when it is not in Dfns's format. */
export function parseEncryptedKey(blob: string): { key: Uint8Array<ArrayBuffer>; iv: Uint8Array<ArrayBuffer> } {
  try {
    const parsed: unknown = JSON.parse(atob(blob.trim()));
    if (typeof parsed === 'object' && parsed !== null && 'key' in parsed && 'iv' in parsed) {
      const { key, iv } = parsed;
      if (typeof key === 'string' && typeof iv === 'string') {
        const ivBytes = base64ToBytes(iv);
        const keyBytes = base64ToBytes(key);
        if (ivBytes.length > 0 && keyBytes.length > 16) return { key: keyBytes, iv: ivBytes };
      }
    }
  } catch (error) {
    throw malformed(error);
  }
  throw malformed(undefined);
}

function malformed(cause: unknown): RecoveryError {
  return new RecoveryError(
    'recovery_key_not_found',
    'The encrypted private key is not in the format this kit and Dfns\'s apps use ' +
      '(base64 of JSON {"key","iv"}); it was made by another scheme and cannot be decrypted here.',
    { cause },
  );
}

/**
 * Decrypts a blob into a NON-extractable P-256 signing key. A failed AES-GCM tag check (wrong
 * secret or wrong username) throws `RecoveryError(wrongSecretCode)`, never a bare `OperationError`.
 */
export async function decryptPrivateKey(
  blob: string,
  secret: string,
  username: string,
  wrongSecretCode: 'recovery_code_invalid' | 'password_invalid',
): Promise<CryptoKey> {
  const { key, iv } = parseEncryptedKey(blob);
  const aesKey = await wrappingKey(secret, username);
  try {
    return await subtle().unwrapKey('pkcs8', key, aesKey, { name: 'AES-GCM', iv }, P256, false, ['sign']);
  } catch (error) {
    const what = wrongSecretCode === 'recovery_code_invalid' ? 'recovery code' : 'password';
    throw new RecoveryError(
      wrongSecretCode,
      `The ${what} does not decrypt this key: it is wrong, or the username differs from the one it was made for.`,
      { cause: error, retryable: true },
    );
  }
}
