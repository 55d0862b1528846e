import { fromBase64Url, fromUtf8, utf8 } from '../bytes';
import { unauthorized, type EmulatorHttpError } from '../EmulatorHttpError';
import type { EmulatorOidcIssuer } from './createOidcIssuer';

/** The claims the emulator reads from a verified id token. */
export interface IdTokenClaims {
  iss: string;
  sub: string;
  email: string;
  name?: string | undefined;
}

/** Clock skew allowed on `exp` and `iat`, as OIDC libraries allow. */
const SKEW_SECONDS = 30;

const refused = (why: string): EmulatorHttpError => unauthorized(`id token refused: ${why}`);

/**
 * Verifies an OIDC id token as Dfns does for social login: the issuer is one the org allows, the
 * signature verifies against that issuer's key, `aud` names the org's client id for it, and it is
 * not expired. Throws 401 saying which check failed; never echoes the token.
 */
export async function verifyIdToken(token: string, providers: readonly EmulatorOidcIssuer[], nowMs: number): Promise<IdTokenClaims> {
  const parts = token.split('.');
  if (parts.length !== 3) throw refused('not a JWT');
  const [header, payload, signature] = parts as [string, string, string];
  let head: { alg?: unknown };
  let claims: Record<string, unknown>;
  try {
    head = JSON.parse(fromUtf8(fromBase64Url(header))) as { alg?: unknown };
    claims = JSON.parse(fromUtf8(fromBase64Url(payload))) as Record<string, unknown>;
  } catch {
    throw refused('not a JWT');
  }
  if (head.alg !== 'ES256') throw refused(`algorithm ${String(head.alg)} is not accepted`);
  const provider = providers.find((p) => p.issuer === claims['iss']);
  if (!provider) throw refused(`issuer ${JSON.stringify(claims['iss'])} is not an allowed social login provider of this organisation`);
  let valid = false;
  try {
    valid = await globalThis.crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      await provider.publicKey(),
      fromBase64Url(signature),
      utf8(`${header}.${payload}`),
    );
  } catch {
    valid = false;
  }
  if (!valid) throw refused('signature does not verify with the issuer keys');
  const aud = claims['aud'];
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(provider.clientId)) throw refused(`audience is not the client id ${provider.clientId}`);
  const now = Math.floor(nowMs / 1000);
  if (typeof claims['exp'] !== 'number' || claims['exp'] + SKEW_SECONDS <= now) throw refused('expired');
  if (typeof claims['iat'] === 'number' && claims['iat'] - SKEW_SECONDS > now) throw refused('issued in the future');
  if (typeof claims['email'] !== 'string' || claims['email'] === '') throw refused('no email claim');
  if (typeof claims['sub'] !== 'string') throw refused('no sub claim');
  return {
    iss: provider.issuer,
    sub: claims['sub'],
    email: claims['email'],
    name: typeof claims['name'] === 'string' ? claims['name'] : undefined,
  };
}
