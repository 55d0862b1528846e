import type { Fido2Attestation, Fido2CredentialChallenge, RegistrationChallenge } from '../api/types';
import type { PasskeyAuthenticator } from './authenticator';
import { browserRegistration } from './browserRegistration';
import { passkeyErrorOf, passkeyErrors } from './passkeyErrorOf';
import { toCreationOptions, type RelyingParty } from './toCreationOptions';

/** Options of `createPasskey`. */
export interface CreatePasskeyOptions {
  rp: RelyingParty;
  /** Defaults to `browserRegistration` (the browser's `navigator.credentials.create`, with its platform-authenticator check). */
  authenticator?: Pick<PasskeyAuthenticator, 'create' | 'isPlatformAuthenticatorAvailable'> | undefined;
  signal?: AbortSignal | undefined;
  /** Milliseconds the browser waits for the user; defaults to 60 000. */
  timeout?: number | undefined;
}

/**
 * Creates a passkey for a registration, recovery or Fido2 credential challenge and returns it as
 * Dfns takes it. Throws only `PasskeyError`s.
 * @example const firstFactorCredential = await createPasskey(challenge, { rp: { id: 'example.com', name: 'Example' } });
 */
export async function createPasskey(
  challenge: RegistrationChallenge | Fido2CredentialChallenge,
  options: CreatePasskeyOptions,
): Promise<Fido2Attestation> {
  const authenticator = options.authenticator ?? browserRegistration;
  const attachment = challenge.authenticatorSelection.authenticatorAttachment;
  let startedAt: number | undefined;
  try {
    const optionsJSON = toCreationOptions(challenge, { rp: options.rp, timeout: options.timeout });
    // A platform request on a device without one can only fail (Firefox at once, Chromium after the
    // whole timeout), so do not open it. The check answers in about 1 ms (Chromium, Firefox) and
    // both keep a click's activation for seconds, so the prompt still opens inside the click.
    if (attachment === 'platform' && authenticator.isPlatformAuthenticatorAvailable !== undefined) {
      const available = await authenticator.isPlatformAuthenticatorAvailable();
      // An unmount or a newer ceremony during the check wins: that is an abort, whatever the answer.
      options.signal?.throwIfAborted();
      if (available === false) throw (await passkeyErrors.load()).platformUnavailableError({ rpId: options.rp.id });
    }
    startedAt = performance.now();
    const created = authenticator.create(optionsJSON, { signal: options.signal });
    // The prompt is open: the code that reads a failure loads meanwhile, never before the prompt.
    passkeyErrors.preload();
    const credential = await created;
    // The authenticator already base64url-encodes (no padding) every binary field; pass them as is.
    return {
      credentialKind: 'Fido2',
      credentialInfo: {
        credId: credential.id,
        clientData: credential.response.clientDataJSON,
        attestationData: credential.response.attestationObject,
      },
    };
  } catch (error) {
    // The context is read here, at the failure (elapsedMs above all), before the error's code is awaited.
    throw await passkeyErrorOf(error, {
      rpId: options.rp.id,
      signal: options.signal,
      // Timed only for an authenticator that speaks for a platform: a scripted fake refuses at once.
      ...(authenticator.isPlatformAuthenticatorAvailable === undefined || startedAt === undefined
        ? {}
        : { attachment, elapsedMs: performance.now() - startedAt }),
    });
  }
}
