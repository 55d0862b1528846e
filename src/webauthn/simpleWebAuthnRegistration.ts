import { startRegistration } from '@simplewebauthn/browser';
import type { PasskeyAuthenticator } from './authenticator';
import { browserHasPlatformAuthenticator } from './browserHasPlatformAuthenticator';
import { underSignal } from './underSignal';

/**
 * The registration half of the default authenticator: `@simplewebauthn/browser`'s `startRegistration`
 * and the browser's platform-authenticator check. `createPasskey` falls back to it alone, so a flow
 * that only signs never ships `startRegistration`.
 */
export const simpleWebAuthnRegistration: Pick<PasskeyAuthenticator, 'create' | 'isPlatformAuthenticatorAvailable'> = {
  create(optionsJSON, call = {}) {
    return underSignal(call.signal, () => startRegistration({ optionsJSON }));
  },
  isPlatformAuthenticatorAvailable: browserHasPlatformAuthenticator,
};
