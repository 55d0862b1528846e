import { browserHasPlatformAuthenticator } from './browserHasPlatformAuthenticator';
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
  return {
    webauthn: true,
    conditionalMediation: conditionalMediationAvailable(),
    // No check, or a failed one, is no platform authenticator here.
    platformAuthenticator: browserHasPlatformAuthenticator().then((available) => available === true),
  };
}
