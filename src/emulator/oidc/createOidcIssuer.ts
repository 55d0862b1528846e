import { randomToken } from '../ids';
import { toBase64Url, utf8 } from '../bytes';

/** What `idTokenFor` may change, to mint the tokens the refusal tests need. */
export interface IdTokenOptions {
  /** Seconds until `exp`; negative for an already expired token. Default 600. */
  expiresInSeconds?: number | undefined;
  /** `aud` instead of the issuer's client id (a token for another app). */
  audience?: string | undefined;
  /** `iss` instead of the issuer's own (signed with this issuer's key all the same). */
  issuer?: string | undefined;
  /** `sub`; defaults to a stable id per email. */
  subject?: string | undefined;
  /** `name` claim. */
  name?: string | undefined;
}

/** A test OpenID Connect identity provider: an ES256 key pair, its JWKS, `iss` and the client id (`aud`). */
export interface EmulatorOidcIssuer {
  /** `iss` of its id tokens. */
  readonly issuer: string;
  /** The client id its id tokens are for (`aud`): the org's allowed social provider client. */
  readonly clientId: string;
  /** Signs an OIDC id token for `email`, as Google would after "Continue with Google". */
  idTokenFor(email: string, options?: IdTokenOptions): Promise<string>;
  /** The public keys (JWKS) its tokens verify with. */
  jwks(): Promise<{ keys: JsonWebKey[] }>;
  /** The public key, for the emulator's verifier. */
  publicKey(): Promise<CryptoKey>;
}

/**
 * Creates a test OIDC issuer with a fresh P-256 key pair (WebCrypto). Two issuers never share a
 * key, so a token from one with the other's `iss` is a badly signed token.
 *
 * @example
 * const google = createOidcIssuer({ issuer: 'https://accounts.example', clientId: 'my-app' });
 * const idToken = await google.idTokenFor('jane@example.com');
 */
export function createOidcIssuer(input: { issuer: string; clientId: string; now?: (() => number) | undefined }): EmulatorOidcIssuer {
  const now = input.now ?? Date.now;
  const kid = randomToken(12);
  const keys = globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const subjects = new Map<string, string>();
  const subjectOf = (email: string): string => {
    const key = email.trim().toLowerCase();
    let sub = subjects.get(key);
    if (!sub) subjects.set(key, (sub = String(100_000_000_000 + subjects.size * 7919 + Math.floor(Math.random() * 7919))));
    return sub;
  };
  return {
    issuer: input.issuer,
    clientId: input.clientId,
    async idTokenFor(email, options = {}) {
      const iat = Math.floor(now() / 1000);
      const claims = {
        iss: options.issuer ?? input.issuer,
        aud: options.audience ?? input.clientId,
        sub: options.subject ?? subjectOf(email),
        email,
        email_verified: true,
        name: options.name ?? email.split('@')[0],
        iat,
        exp: iat + (options.expiresInSeconds ?? 600),
        nonce: randomToken(16),
      };
      const header = toBase64Url(utf8(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid })));
      const payload = toBase64Url(utf8(JSON.stringify(claims)));
      const signature = await globalThis.crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        (await keys).privateKey,
        utf8(`${header}.${payload}`),
      );
      // WebCrypto's ECDSA signature is r || s, exactly JWS ES256's form.
      return `${header}.${payload}.${toBase64Url(new Uint8Array(signature))}`;
    },
    async jwks() {
      const jwk = await globalThis.crypto.subtle.exportKey('jwk', (await keys).publicKey);
      return { keys: [{ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg: 'ES256', use: 'sig' } as JsonWebKey] };
    },
    async publicKey() {
      return (await keys).publicKey;
    },
  };
}
