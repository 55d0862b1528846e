import { startRegistration } from '@simplewebauthn/browser';
import type { PasskeyAuthenticator } from './authenticator';
import { browserHasPlatformAuthenticator } from './browserHasPlatformAuthenticator';
import { underSignal } from './underSignal';

/**
 * The registration half of `simpleWebAuthnAuthenticator`: `@simplewebauthn/browser`'s
 * `startRegistration` and the browser's platform-authenticator check. `createPasskey` no longer
 * falls back to it (it runs `browserRegistration`), so only an app that passes it ships `startRegistration`.
 */
export const simpleWebAuthnRegistration: Pick<PasskeyAuthenticator, 'create' | 'isPlatformAuthenticatorAvailable'> = {
  create(optionsJSON, call = {}) {
    return underSignal(call.signal, () => startRegistration({ optionsJSON }));
  },
  isPlatformAuthenticatorAvailable: browserHasPlatformAuthenticator,
};
