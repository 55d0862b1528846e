import { DfnsAuthError } from '../errors';
import { bytesToBase64url, bytesToHex, utf8ToBytes } from '../encoding/base64url';

/** WebCrypto's `SubtleCrypto`, or a `config_error` naming the fix when the page is not a secure context. */
export function subtle(): SubtleCrypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (crypto?.subtle === undefined) {
    throw new DfnsAuthError(
      'config_error',
      'WebCrypto (crypto.subtle) is unavailable: key credentials need a secure context (https:// or http://localhost) or Node 20+.',
    );
  }
  return crypto.subtle;
}

/** `n` bytes from the platform CSPRNG (`crypto.getRandomValues`, never `Math.random`). */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** SHA-256 of the UTF-8 bytes of a string. */
export async function sha256Utf8(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', utf8ToBytes(text)));
}

/** Lower-case hex SHA-256 of a string's UTF-8 bytes (the `clientDataHash` of a fingerprint). */
export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(await sha256Utf8(text));
}

/** A new random credential id: base64url of 32 CSPRNG bytes. */
export function randomCredId(): string {
  return bytesToBase64url(randomBytes(32));
}

/** WebCrypto parameters of the one key type Dfns key credentials use. */
export const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
/** WebCrypto parameters of a P-256 signature over SHA-256. */
export const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
