/// <reference types="@vitest/browser-playwright" />
/**
 * Real passkey ceremonies in Chromium with a CDP virtual authenticator: what the kit sends Dfns
 * must verify with @simplewebauthn/server exactly as Dfns verifies it (challenge = base64url of the
 * UTF-8 challenge string, origin = the page, rp id = localhost, user verification required).
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/browser';
import { verifyAuthenticationResponse, verifyRegistrationResponse, type WebAuthnCredential } from '@simplewebauthn/server';
import { cose, decodeCredentialPublicKey, isoBase64URL } from '@simplewebauthn/server/helpers';
import { cdp } from 'vitest/browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fido2Assertion, Fido2Attestation, RegistrationChallenge } from '../../src/api/types';
import { createPasskey, signWithPasskey } from '../../src/webauthn';
import { registrationChallenge, rp, signingChallenge } from './fixtures';

let authenticatorId = '';

async function addAuthenticator(automaticPresenceSimulation = true): Promise<void> {
  if (authenticatorId !== '') await cdp().send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  const added = await cdp().send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation,
    },
  });
  authenticatorId = added.authenticatorId;
}

beforeAll(async () => {
  await cdp().send('WebAuthn.enable', { enableUI: false });
});
afterAll(async () => {
  await cdp().send('WebAuthn.disable');
});
beforeEach(async () => {
  await addAuthenticator();
});
afterEach(async () => {
  await cdp().send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  authenticatorId = '';
});

/** What Dfns verifies a registration against: the challenge string's UTF-8, this page, localhost. */
async function verifyAsDfns(challenge: RegistrationChallenge, attestation: Fido2Attestation) {
  const { credId, clientData, attestationData } = attestation.credentialInfo;
  const response: RegistrationResponseJSON = {
    id: credId,
    rawId: credId,
    type: 'public-key',
    response: { clientDataJSON: clientData, attestationObject: attestationData },
    clientExtensionResults: {},
  };
  return verifyRegistrationResponse({
    response,
    expectedChallenge: isoBase64URL.fromUTF8String(challenge.challenge),
    expectedOrigin: location.origin,
    expectedRPID: 'localhost',
    requireUserVerification: true,
  });
}

async function verifyAssertionAsDfns(challenge: string, assertion: Fido2Assertion, credential: WebAuthnCredential) {
  const { credId, clientData, authenticatorData, signature, userHandle } = assertion.credentialAssertion;
  const response: AuthenticationResponseJSON = {
    id: credId,
    rawId: credId,
    type: 'public-key',
    response: { clientDataJSON: clientData, authenticatorData, signature, userHandle },
    clientExtensionResults: {},
  };
  return verifyAuthenticationResponse({
    response,
    expectedChallenge: isoBase64URL.fromUTF8String(challenge),
    expectedOrigin: location.origin,
    expectedRPID: 'localhost',
    credential,
    requireUserVerification: true,
  });
}

const UNPADDED_BASE64URL = /^[A-Za-z0-9_-]+$/;

it('runs on http://localhost so that the rp id localhost is valid', () => {
  expect(location.hostname).toBe('localhost');
});

describe.each([
  ['ES256', -7],
  ['RS256', -257],
] as const)('a %s passkey', (_name, alg) => {
  it('registers from a Dfns challenge and verifies as Dfns would', async () => {
    const challenge = registrationChallenge({ pubKeyCredParams: [{ type: 'public-key', alg }] });
    const attestation = await createPasskey(challenge, { rp });
    for (const value of Object.values(attestation.credentialInfo)) expect(value).toMatch(UNPADDED_BASE64URL);
    const verification = await verifyAsDfns(challenge, attestation);
    expect(verification.verified).toBe(true);
    const info = verification.registrationInfo;
    expect(info?.userVerified).toBe(true);
    expect(info?.credential.id).toBe(attestation.credentialInfo.credId);
    const publicKey = decodeCredentialPublicKey(info?.credential.publicKey ?? new Uint8Array());
    expect(publicKey.get(cose.COSEKEYS.alg)).toBe(alg);
  });

  it('signs a login challenge with allowCredentials, and usernameless, verifying as Dfns would', async () => {
    const challenge = registrationChallenge({ pubKeyCredParams: [{ type: 'public-key', alg }] });
    const attestation = await createPasskey(challenge, { rp });
    const { registrationInfo } = await verifyAsDfns(challenge, attestation);
    const credential = registrationInfo?.credential;
    if (credential === undefined) throw new Error('registration did not verify');

    const login = signingChallenge([attestation.credentialInfo.credId]);
    const assertion = await signWithPasskey(login, { rp });
    for (const value of Object.values(assertion.credentialAssertion)) expect(value).toMatch(UNPADDED_BASE64URL);
    expect((await verifyAssertionAsDfns(login.challenge, assertion, credential)).verified).toBe(true);

    const usernameless = signingChallenge([]);
    const discovered = await signWithPasskey(usernameless, { rp });
    expect(discovered.credentialAssertion.credId).toBe(attestation.credentialInfo.credId);
    // The user handle is the user.id bytes we registered: the UTF-8 of the Dfns user id.
    expect(discovered.credentialAssertion.userHandle).toBe(isoBase64URL.fromUTF8String(challenge.user.id));
    const verified = await verifyAssertionAsDfns(usernameless.challenge, discovered, { ...credential, counter: 1 });
    expect(verified.verified).toBe(true);
  });

  it('fails Dfns-style verification against a different challenge string', async () => {
    const challenge = registrationChallenge({ pubKeyCredParams: [{ type: 'public-key', alg }] });
    const attestation = await createPasskey(challenge, { rp });
    await expect(verifyAsDfns({ ...challenge, challenge: `${challenge.challenge}x` }, attestation)).rejects.toThrow(/challenge/i);
  });
});

describe('a refused ceremony', () => {
  it('is passkey_cancelled when the user does not verify', async () => {
    await cdp().send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await expect(createPasskey(registrationChallenge(), { rp, timeout: 3000 })).rejects.toMatchObject({
      name: 'PasskeyError',
      code: 'passkey_cancelled',
    });
    await expect(signWithPasskey(signingChallenge(), { rp, timeout: 3000 })).rejects.toMatchObject({ code: 'passkey_cancelled' });
  });

  it('is passkey_already_registered for an excluded credential', async () => {
    const first = await createPasskey(registrationChallenge(), { rp });
    const again = registrationChallenge({ excludeCredentials: [{ type: 'public-key', id: first.credentialInfo.credId }] });
    await expect(createPasskey(again, { rp, timeout: 3000 })).rejects.toMatchObject({ code: 'passkey_already_registered' });
  });

  it('is passkey_invalid_domain for an rp id the page cannot use, naming both', async () => {
    const wrong = { id: 'example.com', name: 'Wrong' };
    const error: unknown = await createPasskey(registrationChallenge(), { rp: wrong, timeout: 3000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'passkey_invalid_domain' });
    expect((error as Error).message).toContain('"example.com"');
    expect((error as Error).message).toContain(location.origin);
    await expect(signWithPasskey(signingChallenge(), { rp: wrong, timeout: 3000 })).rejects.toMatchObject({
      code: 'passkey_invalid_domain',
    });
  });
});

describe('aborting', () => {
  beforeEach(async () => {
    // No simulated touch: ceremonies stay pending, like a prompt the user has not answered.
    await addAuthenticator(false);
  });

  it('ends a pending ceremony as passkey_aborted when the signal aborts', async () => {
    const controller = new AbortController();
    const ceremony = createPasskey(registrationChallenge(), { rp, signal: controller.signal, timeout: 5000 });
    const outcome = ceremony.catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    controller.abort();
    expect(await outcome).toMatchObject({ code: 'passkey_aborted' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('ends a pending ceremony as passkey_aborted when a newer one starts', async () => {
    const first = signWithPasskey(signingChallenge(), { rp, timeout: 5000 }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const controller = new AbortController();
    const second = createPasskey(registrationChallenge(), { rp, signal: controller.signal, timeout: 5000 }).catch((e: unknown) => e);
    expect(await first).toMatchObject({ code: 'passkey_aborted' });
    controller.abort();
    expect(await second).toMatchObject({ code: 'passkey_aborted' });
  });
});
