import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './bytes';

/** The claims of every emulator JWT; Dfns's own claims use the `https://custom/` namespace. */
export interface EmulatorClaims {
  'https://custom/app_metadata': { orgId: string; userId: string };
  'https://custom/username': string;
  /** Which grant this token carries (session, registration, recovery, login, action, ...). */
  'https://custom/grant': string;
  iss: string;
  aud: string;
  sub: string;
  jti: string;
  iat: number;
  exp: number;
}

/** A fresh HMAC-SHA-256 key the emulator signs its tokens with. */
export function createJwtKey(): Promise<CryptoKey> {
  return globalThis.crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** Signs claims as a compact HS256 JWT. */
export async function signJwt(key: CryptoKey, claims: EmulatorClaims): Promise<string> {
  const header = toBase64Url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  const payload = toBase64Url(utf8(JSON.stringify(claims)));
  const signature = await globalThis.crypto.subtle.sign('HMAC', key, utf8(`${header}.${payload}`));
  return `${header}.${payload}.${toBase64Url(new Uint8Array(signature))}`;
}

/** The claims of a JWT this emulator signed, or `undefined` when it is malformed or forged (expiry is the caller's). */
export async function verifyJwt(key: CryptoKey, token: string): Promise<EmulatorClaims | undefined> {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const valid = await globalThis.crypto.subtle.verify(
      'HMAC',
      key,
      fromBase64Url(signature),
      utf8(`${header}.${payload}`),
    );
    if (!valid) return undefined;
    const claims: unknown = JSON.parse(fromUtf8(fromBase64Url(payload)));
    if (typeof claims !== 'object' || claims === null || typeof (claims as { jti?: unknown }).jti !== 'string') {
      return undefined;
    }
    return claims as EmulatorClaims;
  } catch {
    // Malformed base64url or JSON is just an invalid token to the caller.
    return undefined;
  }
}
