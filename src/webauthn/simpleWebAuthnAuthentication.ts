import { startAuthentication } from '@simplewebauthn/browser';
import type { PasskeyAuthenticator } from './authenticator';
import { underSignal } from './underSignal';

/**
 * The authentication half of `simpleWebAuthnAuthenticator`: `@simplewebauthn/browser`'s
 * `startAuthentication` (with `useBrowserAutofill` for conditional mediation). `signWithPasskey`
 * does not fall back to it (it runs `browserAuthentication`), so only an app that passes it ships it.
 */
export const simpleWebAuthnAuthentication: Pick<PasskeyAuthenticator, 'get'> = {
  get(optionsJSON, call = {}) {
    return underSignal(call.signal, () =>
      startAuthentication({ optionsJSON, useBrowserAutofill: call.mediation === 'conditional' }),
    );
  },
};
