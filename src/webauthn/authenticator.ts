import {
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';

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
 * reads the JSON responses; an authenticator runs the ceremony. SimpleWebAuthn by default, a fake in
 * stories and tests, or a native bridge in a webview.
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
 * Runs a SimpleWebAuthn ceremony under an `AbortSignal`. SimpleWebAuthn takes no signal: it keeps
 * one AbortController for the page and aborts the in-flight ceremony whenever a new one starts
 * (`WebAuthnAbortService.createNewAbortSignal`), so a second ceremony rejects the first with
 * `ERROR_CEREMONY_ABORTED`. To honour our signal we call `cancelCeremony()` while our call is
 * pending, and detach on settle so that a late abort cannot cancel someone else's ceremony.
 */
async function underSignal<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  if (signal === undefined) return run();
  signal.throwIfAborted();
  const onAbort = (): void => WebAuthnAbortService.cancelCeremony();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await run();
    // startAuthentication awaits an autofill check before it registers its controller; an abort in
    // that window finds nothing to cancel, so check again rather than return a result nobody wants.
    signal.throwIfAborted();
    return result;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** The browser's own answer, or `undefined` where it has no such check (or the check fails). */
async function browserHasPlatformAuthenticator(): Promise<boolean | undefined> {
  const api = (globalThis as { PublicKeyCredential?: { isUserVerifyingPlatformAuthenticatorAvailable?: () => Promise<boolean> } })
    .PublicKeyCredential;
  if (typeof api?.isUserVerifyingPlatformAuthenticatorAvailable !== 'function') return undefined;
  try {
    return (await api.isUserVerifyingPlatformAuthenticatorAvailable()) === true;
  } catch {
    return undefined;
  }
}

/**
 * The default authenticator: `@simplewebauthn/browser`'s `startRegistration` / `startAuthentication`
 * (with `useBrowserAutofill` for conditional mediation).
 */
export const simpleWebAuthnAuthenticator: PasskeyAuthenticator = {
  create(optionsJSON, call = {}) {
    return underSignal(call.signal, () => startRegistration({ optionsJSON }));
  },
  get(optionsJSON, call = {}) {
    return underSignal(call.signal, () =>
      startAuthentication({ optionsJSON, useBrowserAutofill: call.mediation === 'conditional' }),
    );
  },
  isPlatformAuthenticatorAvailable: browserHasPlatformAuthenticator,
};
