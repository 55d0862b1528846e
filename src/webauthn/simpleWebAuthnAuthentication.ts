import { startAuthentication } from '@simplewebauthn/browser';
import type { PasskeyAuthenticator } from './authenticator';
import { underSignal } from './underSignal';

/**
 * The authentication half of the default authenticator: `@simplewebauthn/browser`'s
 * `startAuthentication` (with `useBrowserAutofill` for conditional mediation). `signWithPasskey`
 * falls back to it alone, so a flow that only registers never ships `startAuthentication`.
 */
export const simpleWebAuthnAuthentication: Pick<PasskeyAuthenticator, 'get'> = {
  get(optionsJSON, call = {}) {
    return underSignal(call.signal, () =>
      startAuthentication({ optionsJSON, useBrowserAutofill: call.mediation === 'conditional' }),
    );
  },
};
