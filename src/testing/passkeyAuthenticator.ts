/**
 * The authenticator seam, restated here so `testing/` does not import `webauthn/`: structurally
 * identical to `PasskeyAuthenticator` in `src/webauthn/authenticator.ts`, so the fakes below plug
 * into the provider's `authenticator` option.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/** Runs a passkey ceremony from SimpleWebAuthn JSON options to SimpleWebAuthn JSON responses. */
export interface PasskeyAuthenticator {
  create(
    options: PublicKeyCredentialCreationOptionsJSON,
    call?: { signal?: AbortSignal | undefined },
  ): Promise<RegistrationResponseJSON>;
  get(
    options: PublicKeyCredentialRequestOptionsJSON,
    call?: { signal?: AbortSignal | undefined; mediation?: 'conditional' | undefined },
  ): Promise<AuthenticationResponseJSON>;
  /** Whether a platform authenticator can answer a `platform` registration; `undefined`: cannot tell. */
  isPlatformAuthenticatorAvailable?(): Promise<boolean | undefined>;
}

/** The DOMException a browser rejects with when the ceremony's signal aborts. */
export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Runs `run` under `signal`: rejects with an `AbortError` as soon as the signal aborts, like
 * `navigator.credentials` does, even when `run` would settle later (or never).
 */
export function underSignal<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    run()
      .then(resolve, reject)
      .finally(() => signal?.removeEventListener('abort', onAbort));
  });
}
