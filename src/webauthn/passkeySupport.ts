import { conditionalMediationAvailable } from './conditionalMediationAvailable';

/** What the current browser can do with passkeys. */
export interface PasskeySupport {
  /** `PublicKeyCredential` exists (a secure context in a WebAuthn browser). */
  webauthn: boolean;
  /** Passkey autofill (`mediation: 'conditional'`) is available. */
  conditionalMediation: Promise<boolean>;
  /** A built-in authenticator with user verification (Touch ID, Windows Hello, …) is available. */
  platformAuthenticator: Promise<boolean>;
}

interface PublicKeyCredentialStatics {
  isUserVerifyingPlatformAuthenticatorAvailable?: () => Promise<boolean>;
}

/** A capability probe that resolves `false` instead of throwing or rejecting. */
async function probe(check: (() => Promise<boolean>) | undefined): Promise<boolean> {
  try {
    return check === undefined ? false : (await check()) === true;
  } catch {
    return false;
  }
}

/**
 * Passkey capabilities of this browser. Never throws, and reads globals only when called, so it
 * is safe to import during server rendering (where it reports no support).
 * @example if (!passkeySupport().webauthn) showFallback();
 */
export function passkeySupport(): PasskeySupport {
  const api = (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential;
  if (typeof api !== 'function') {
    return { webauthn: false, conditionalMediation: Promise.resolve(false), platformAuthenticator: Promise.resolve(false) };
  }
  const statics = api as PublicKeyCredentialStatics;
  return {
    webauthn: true,
    conditionalMediation: conditionalMediationAvailable(),
    platformAuthenticator: probe(statics.isUserVerifyingPlatformAuthenticatorAvailable?.bind(api)),
  };
}
