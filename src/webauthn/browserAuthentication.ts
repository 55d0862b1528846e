import { WebAuthnAbortService, type AuthenticationResponseJSON, type AuthenticatorAttachment } from '@simplewebauthn/browser';
import { base64urlToBytes, bytesToBase64url } from '../encoding/base64url';
import type { PasskeyAuthenticator } from './authenticator';
import { underSignal } from './underSignal';

/**
 * The authentication `signWithPasskey` runs by default: `navigator.credentials.get` on the JSON
 * options, answered as JSON. It does what the kit used from SimpleWebAuthn's `startAuthentication`
 * and leaves out what the kit never used (its legacy call form, the autofill check the login hook
 * makes itself, the reading of errors, which `toPasskeyError` does from the browser's own error),
 * so a sign-in page loads about 1.3 KB less. It keeps SimpleWebAuthn's page-wide abort service: a
 * new ceremony (a SimpleWebAuthn registration too) still stops the one in flight.
 */
export const browserAuthentication: Pick<PasskeyAuthenticator, 'get'> = {
  get(optionsJSON, call = {}) {
    return underSignal(call.signal, async () => {
      if (typeof globalThis.PublicKeyCredential !== 'function') throw new Error('WebAuthn is not supported in this browser');
      const conditional = call.mediation === 'conditional';
      // Autofill answers only from a field that asks for it: without one the browser waits in
      // silence. Said to the developer (the login hook warns with it); production just waits.
      if (process.env.NODE_ENV !== 'production' && conditional && !document.querySelector("input[autocomplete$='webauthn']")) {
        throw new Error('Passkey autofill needs an <input> whose autocomplete attribute ends with "webauthn".');
      }
      const publicKey = {
        ...optionsJSON,
        challenge: base64urlToBytes(optionsJSON.challenge),
        // Autofill offers the passkeys of the site: a list would narrow the suggestions to nothing useful.
        allowCredentials: conditional
          ? []
          : optionsJSON.allowCredentials?.map((descriptor) => ({ ...descriptor, id: base64urlToBytes(descriptor.id) })),
        // SimpleWebAuthn's JSON types know newer values (transport 'smart-card', PRF inputs) than the DOM lib.
      } as PublicKeyCredentialRequestOptions;
      const credential = (await navigator.credentials.get({
        publicKey,
        signal: WebAuthnAbortService.createNewAbortSignal(),
        ...(conditional ? { mediation: 'conditional' as CredentialMediationRequirement } : {}),
      })) as PublicKeyCredential | null;
      if (!credential) throw new Error('Authentication was not completed');
      const response = credential.response as AuthenticatorAssertionResponse;
      const answer: AuthenticationResponseJSON = {
        id: credential.id,
        rawId: bytesToBase64url(credential.rawId),
        response: {
          authenticatorData: bytesToBase64url(response.authenticatorData),
          clientDataJSON: bytesToBase64url(response.clientDataJSON),
          signature: bytesToBase64url(response.signature),
          userHandle: response.userHandle ? bytesToBase64url(response.userHandle) : undefined,
        },
        type: 'public-key',
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: (credential.authenticatorAttachment as AuthenticatorAttachment | null) ?? undefined,
      };
      return answer;
    });
  },
};
