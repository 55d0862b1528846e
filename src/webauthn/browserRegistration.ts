import { WebAuthnAbortService, type AuthenticatorAttachment, type RegistrationResponseJSON } from '@simplewebauthn/browser';
import { base64urlToBytes, bytesToBase64url } from '../encoding/base64url';
import type { PasskeyAuthenticator } from './authenticator';
import { browserHasPlatformAuthenticator } from './browserHasPlatformAuthenticator';
import { underSignal } from './underSignal';

/**
 * The registration `createPasskey` runs by default: `navigator.credentials.create` on the JSON
 * options, answered as JSON, and the browser's platform-authenticator check. It does what the kit
 * used from SimpleWebAuthn's `startRegistration` and leaves out what the kit never used (its legacy
 * call form, `useAutoRegister`, the `publicKey`, `publicKeyAlgorithm` and `authenticatorData`
 * getters, of which Dfns takes none, and the reading of errors, which `toPasskeyError` does from the
 * browser's own error), so a sign-up page loads about 1.3 KB less. It keeps SimpleWebAuthn's
 * page-wide abort service: a new ceremony (a SimpleWebAuthn one too) still stops the one in flight.
 */
export const browserRegistration: Pick<PasskeyAuthenticator, 'create' | 'isPlatformAuthenticatorAvailable'> = {
  create(optionsJSON, call = {}) {
    return underSignal(call.signal, async () => {
      if (typeof globalThis.PublicKeyCredential !== 'function') throw new Error('WebAuthn is not supported in this browser');
      const publicKey = {
        ...optionsJSON,
        challenge: base64urlToBytes(optionsJSON.challenge),
        user: { ...optionsJSON.user, id: base64urlToBytes(optionsJSON.user.id) },
        excludeCredentials: optionsJSON.excludeCredentials?.map((descriptor) => ({ ...descriptor, id: base64urlToBytes(descriptor.id) })),
        // SimpleWebAuthn's JSON types know newer values (transport 'smart-card', hints) than the DOM lib.
      } as PublicKeyCredentialCreationOptions;
      const credential = (await navigator.credentials.create({
        publicKey,
        signal: WebAuthnAbortService.createNewAbortSignal(),
      })) as PublicKeyCredential | null;
      if (!credential) throw new Error('Registration was not completed');
      const response = credential.response as AuthenticatorAttestationResponse;
      const answer: RegistrationResponseJSON = {
        id: credential.id,
        rawId: bytesToBase64url(credential.rawId),
        response: {
          attestationObject: bytesToBase64url(response.attestationObject),
          clientDataJSON: bytesToBase64url(response.clientDataJSON),
          // Level 3 requires getTransports, but some browsers and webviews still lack it.
          transports: typeof response.getTransports === 'function' ? response.getTransports() : undefined,
        },
        type: 'public-key',
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: (credential.authenticatorAttachment as AuthenticatorAttachment | null) ?? undefined,
      };
      return answer;
    });
  },
  isPlatformAuthenticatorAvailable: browserHasPlatformAuthenticator,
};
