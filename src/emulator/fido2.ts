import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { decodeClientDataJSON } from '@simplewebauthn/server/helpers';
import { fromBase64Url, toBase64Url, utf8 } from './bytes';
import { badRequest, forbidden } from './EmulatorHttpError';

/** What the emulator checks a WebAuthn ceremony against. */
export interface Fido2Expectation {
  /** The Dfns challenge string; WebAuthn signs its UTF-8 bytes, so clientData holds base64url of them. */
  challenge: string;
  rpId: string;
  isOriginAllowed: (origin: string) => boolean;
}

/** A verified new passkey. */
export interface VerifiedFido2Attestation {
  credId: string;
  /** COSE public key bytes. */
  publicKey: Uint8Array;
  counter: number;
  origin: string;
}

/** Reads `origin` out of base64url clientDataJSON and checks it against the policy (403 otherwise). */
function checkedOrigin(clientData: string, field: string, isAllowed: (origin: string) => boolean): string {
  let origin: unknown;
  try {
    fromBase64Url(clientData);
    origin = decodeClientDataJSON(clientData).origin;
  } catch {
    throw badRequest(`${field}.clientData must be base64url of clientDataJSON`, { field: `${field}.clientData` });
  }
  if (typeof origin !== 'string') throw badRequest(`${field}.clientData.origin is required`, { field });
  if (!isAllowed(origin)) throw forbidden(`origin ${origin} is not allowed for this organization`);
  return origin;
}

/** Verifies a Dfns Fido2 attestation `{credId, clientData, attestationData}` with SimpleWebAuthn. */
export async function verifyFido2Attestation(
  info: { credId: string; clientData: string; attestationData: string },
  expected: Fido2Expectation,
  field: string,
): Promise<VerifiedFido2Attestation> {
  const origin = checkedOrigin(info.clientData, field, expected.isOriginAllowed);
  let result: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    result = await verifyRegistrationResponse({
      response: {
        id: info.credId,
        rawId: info.credId,
        type: 'public-key',
        response: { clientDataJSON: info.clientData, attestationObject: info.attestationData },
        clientExtensionResults: {},
      },
      expectedChallenge: toBase64Url(utf8(expected.challenge)),
      expectedOrigin: origin,
      expectedRPID: expected.rpId,
      requireUserVerification: true,
    });
  } catch (cause) {
    // SimpleWebAuthn's messages name the failed check (challenge, RP ID hash, flags) and hold no secret.
    throw forbidden(`${field} attestation is invalid: ${(cause as Error).message}`, { cause });
  }
  if (!result.verified) throw forbidden(`${field} attestation is invalid`);
  const { credential } = result.registrationInfo;
  if (credential.id !== info.credId) throw forbidden(`${field}.credId does not match the attested credential`);
  return { credId: credential.id, publicKey: credential.publicKey, counter: credential.counter, origin };
}

/** Verifies a Dfns Fido2 assertion against a stored passkey; returns the new counter. */
export async function verifyFido2Assertion(
  assertion: { credId: string; clientData: string; authenticatorData: string; signature: string; userHandle?: string | undefined },
  stored: { publicKey: Uint8Array; counter: number },
  expected: Fido2Expectation,
  field: string,
): Promise<number> {
  const origin = checkedOrigin(assertion.clientData, field, expected.isOriginAllowed);
  let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    result = await verifyAuthenticationResponse({
      response: {
        id: assertion.credId,
        rawId: assertion.credId,
        type: 'public-key',
        response: {
          clientDataJSON: assertion.clientData,
          authenticatorData: assertion.authenticatorData,
          signature: assertion.signature,
          ...(assertion.userHandle ? { userHandle: assertion.userHandle } : {}),
        },
        clientExtensionResults: {},
      },
      expectedChallenge: toBase64Url(utf8(expected.challenge)),
      expectedOrigin: origin,
      expectedRPID: expected.rpId,
      credential: {
        id: assertion.credId,
        publicKey: new Uint8Array(stored.publicKey),
        counter: stored.counter,
      },
      requireUserVerification: true,
    });
  } catch (cause) {
    throw forbidden(`${field} assertion is invalid: ${(cause as Error).message}`, { cause });
  }
  if (!result.verified) throw forbidden(`${field} signature is invalid`);
  return result.authenticationInfo.newCounter;
}
