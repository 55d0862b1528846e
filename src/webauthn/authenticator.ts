import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { browserHasPlatformAuthenticator } from './browserHasPlatformAuthenticator';
import { simpleWebAuthnAuthentication } from './simpleWebAuthnAuthentication';
import { simpleWebAuthnRegistration } from './simpleWebAuthnRegistration';

/** Per-call options of `PasskeyAuthenticator.create`. */
export interface AuthenticatorCreateOptions {
  signal?: AbortSignal | undefined;
}

/** Per-call options of `PasskeyAuthenticator.get`. */
export interface AuthenticatorGetOptions {
  signal?: AbortSignal | undefined;
  /** `'conditional'`: passkey autofill on an `<input autocomplete="… webauthn">`. */
  mediation?: 'conditional' | undefined;
}

/**
 * The seam between the kit and the browser's passkey API: the kit builds the JSON options and
 * reads the JSON responses; an authenticator runs the ceremony. By default the browser (the kit's
 * `browserAuthentication` to sign, `browserRegistration` to register), a fake in stories and tests,
 * or a native bridge in a webview.
 */
export interface PasskeyAuthenticator {
  create(options: PublicKeyCredentialCreationOptionsJSON, call?: AuthenticatorCreateOptions): Promise<RegistrationResponseJSON>;
  get(options: PublicKeyCredentialRequestOptionsJSON, call?: AuthenticatorGetOptions): Promise<AuthenticationResponseJSON>;
  /**
   * Whether a platform authenticator (built into the device, with user verification) can answer a
   * registration that asks for `authenticatorAttachment: 'platform'`; `undefined` when it cannot
   * tell. Without this method the kit asks nothing and reads no refusal as a missing platform one.
   */
  isPlatformAuthenticatorAvailable?(): Promise<boolean | undefined>;
}

/**
 * An authenticator on `@simplewebauthn/browser`'s `startRegistration` / `startAuthentication`
 * (with `useBrowserAutofill` for conditional mediation), for apps that wrap or pass it explicitly.
 * The kit's ceremonies do not use it: they fall back to the kit's own `browserRegistration` and
 * `browserAuthentication`, which ask the browser with the same options and answer the same JSON.
 */
export const simpleWebAuthnAuthenticator: PasskeyAuthenticator = {
  create: simpleWebAuthnRegistration.create,
  get: simpleWebAuthnAuthentication.get,
  isPlatformAuthenticatorAvailable: browserHasPlatformAuthenticator,
};
