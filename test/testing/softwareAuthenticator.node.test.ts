import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import type { PasskeyAuthenticator as WebAuthnPasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { utf8ToBase64url, base64urlToUtf8 } from '../../src/encoding/base64url';
import { createSoftwareAuthenticator } from '../../src/testing/softwareAuthenticator';

const origin = 'http://localhost:6006';
const rpID = 'localhost';
// Dfns challenges are strings; the kit hands their UTF-8 bytes (as base64url) to WebAuthn.
const registrationChallenge = utf8ToBase64url('regchallenge-1234');
const loginChallenge = utf8ToBase64url('loginchallenge-5678');

function creationOptions(overrides: Partial<PublicKeyCredentialCreationOptionsJSON> = {}): PublicKeyCredentialCreationOptionsJSON {
  return {
    rp: { id: rpID, name: 'Kit tests' },
    user: { id: utf8ToBase64url('us-3v1ag-l6e4m-8vkq4kn7lp4nqf6e'), name: 'alice@example.com', displayName: 'Alice' },
    challenge: registrationChallenge,
    pubKeyCredParams: [
      { type: 'public-key', alg: -7 },
      { type: 'public-key', alg: -257 },
    ],
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    attestation: 'none',
    excludeCredentials: [],
    ...overrides,
  };
}

async function registered() {
  const authenticator = createSoftwareAuthenticator({ origin });
  const registration = await authenticator.create(creationOptions());
  const verified = await verifyRegistrationResponse({
    response: registration,
    expectedChallenge: registrationChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
  });
  return { authenticator, registration, verified };
}

async function rejection(promise: Promise<unknown>): Promise<DOMException> {
  const error = await promise.then(
    () => {
      throw new Error('expected the ceremony to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DOMException);
  return error as DOMException;
}

describe('createSoftwareAuthenticator', () => {
  it('fits the PasskeyAuthenticator seam of src/webauthn', () => {
    const seam: WebAuthnPasskeyAuthenticator = createSoftwareAuthenticator({ origin });
    expect(typeof seam.create).toBe('function');
  });

  it('makes a registration that @simplewebauthn/server verifies with user verification required', async () => {
    const { registration, verified } = await registered();
    expect(verified.verified).toBe(true);
    expect(verified.registrationInfo?.fmt).toBe('none');
    expect(verified.registrationInfo?.credential.id).toBe(registration.id);
    expect(verified.registrationInfo?.userVerified).toBe(true);
  });

  it('writes the challenge, origin and type into clientDataJSON exactly as a browser does', async () => {
    const { registration } = await registered();
    expect(JSON.parse(base64urlToUtf8(registration.response.clientDataJSON))).toEqual({
      type: 'webauthn.create',
      challenge: registrationChallenge,
      origin,
      crossOrigin: false,
    });
  });

  it('makes an assertion that @simplewebauthn/server verifies against the registered public key', async () => {
    const { authenticator, verified } = await registered();
    const info = verified.registrationInfo!;
    const assertion = await authenticator.get({
      challenge: loginChallenge,
      rpId: rpID,
      allowCredentials: [{ type: 'public-key', id: info.credential.id }],
      userVerification: 'required',
    });
    const result = await verifyAuthenticationResponse({
      response: assertion,
      expectedChallenge: loginChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: info.credential,
      requireUserVerification: true,
    });
    expect(result.verified).toBe(true);
    expect(result.authenticationInfo.newCounter).toBe(1);
  });

  it('fails verification when the challenge differs, so the signature really covers the client data', async () => {
    const { authenticator, verified } = await registered();
    const assertion = await authenticator.get({ challenge: loginChallenge, rpId: rpID });
    await expect(
      verifyAuthenticationResponse({
        response: assertion,
        expectedChallenge: utf8ToBase64url('another-challenge'),
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential: verified.registrationInfo!.credential,
      }),
    ).rejects.toThrow(/challenge/i);
  });

  it('answers a discoverable (empty allowCredentials) request with the resident credential and its user handle', async () => {
    const { authenticator, registration } = await registered();
    const assertion = await authenticator.get({ challenge: loginChallenge, rpId: rpID, allowCredentials: [] });
    expect(assertion.id).toBe(registration.id);
    expect(base64urlToUtf8(assertion.response.userHandle!)).toBe('us-3v1ag-l6e4m-8vkq4kn7lp4nqf6e');
  });

  it('counts signatures up on every assertion', async () => {
    const { authenticator } = await registered();
    await authenticator.get({ challenge: loginChallenge, rpId: rpID });
    await authenticator.get({ challenge: loginChallenge, rpId: rpID });
    expect(authenticator.credentials()[0]?.signCount).toBe(2);
  });

  it('refuses to register a credential listed in excludeCredentials with InvalidStateError', async () => {
    const { authenticator, registration } = await registered();
    const error = await rejection(
      authenticator.create(creationOptions({ excludeCredentials: [{ type: 'public-key', id: registration.id }] })),
    );
    expect(error.name).toBe('InvalidStateError');
  });

  it('rejects with NotAllowedError when no credential matches allowCredentials', async () => {
    const { authenticator } = await registered();
    const error = await rejection(
      authenticator.get({ challenge: loginChallenge, rpId: rpID, allowCredentials: [{ type: 'public-key', id: 'AAAA' }] }),
    );
    expect(error.name).toBe('NotAllowedError');
  });

  it('rejects with NotAllowedError when it holds no credential for the rp at all', async () => {
    const error = await rejection(createSoftwareAuthenticator({ origin }).get({ challenge: loginChallenge, rpId: rpID }));
    expect(error.name).toBe('NotAllowedError');
  });

  it('rejects with NotAllowedError when verification is required and the user cannot verify', async () => {
    const authenticator = createSoftwareAuthenticator({ origin, userVerified: false });
    expect((await rejection(authenticator.create(creationOptions()))).name).toBe('NotAllowedError');
  });

  it('leaves the UV flag clear when the user is not verified and verification is only preferred', async () => {
    const authenticator = createSoftwareAuthenticator({ origin, userVerified: false });
    const registration = await authenticator.create(
      creationOptions({ authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' } }),
    );
    await expect(
      verifyRegistrationResponse({
        response: registration,
        expectedChallenge: registrationChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
      }),
    ).rejects.toThrow(/verif/i);
  });

  it('rejects with SecurityError when asked for another relying party', async () => {
    const { authenticator } = await registered();
    const created = await rejection(
      authenticator.create(creationOptions({ rp: { id: 'example.com', name: 'Elsewhere' } })),
    );
    expect(created.name).toBe('SecurityError');
    const got = await rejection(authenticator.get({ challenge: loginChallenge, rpId: 'example.com' }));
    expect(got.name).toBe('SecurityError');
  });

  it('rejects with AbortError when the signal is already aborted, and stores nothing', async () => {
    const authenticator = createSoftwareAuthenticator({ origin });
    const error = await rejection(authenticator.create(creationOptions(), { signal: AbortSignal.abort() }));
    expect(error.name).toBe('AbortError');
    expect(authenticator.credentials()).toEqual([]);
  });

  it('rejects with NotSupportedError when ES256 is not among the offered algorithms', async () => {
    const authenticator = createSoftwareAuthenticator({ origin });
    const error = await rejection(
      authenticator.create(creationOptions({ pubKeyCredParams: [{ type: 'public-key', alg: -257 }] })),
    );
    expect(error.name).toBe('NotSupportedError');
  });

  it('refuses an rp id that is not the origin host or a parent of it', () => {
    expect(() => createSoftwareAuthenticator({ origin: 'https://app.example.com', rpId: 'other.com' })).toThrow(TypeError);
    expect(() => createSoftwareAuthenticator({ origin: 'https://app.example.com', rpId: 'example.com' })).not.toThrow();
  });
});
