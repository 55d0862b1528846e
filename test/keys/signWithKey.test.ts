import { describe, expect, it } from 'vitest';
import { RecoveryError } from '../../src/errors';
import { createKeyCredential, keySigner, signWithKey } from '../../src/keys';
import { fromB64url, keyCredentialChallenge, nodeCheckAttestation, nodeVerifyDer, signingChallenge } from './fixtures';

async function newKey(): Promise<{ credId: string; privateKey: CryptoKey; pem: string }> {
  const { attestation, privateKey, credId } = await createKeyCredential(keyCredentialChallenge);
  const { publicKey } = nodeCheckAttestation(attestation.credentialInfo.clientData, attestation.credentialInfo.attestationData);
  return { credId, privateKey, pem: publicKey };
}

describe('signWithKey', () => {
  it('signs key.get client data with the challenge verbatim, as base64url DER that Node verifies', async () => {
    const { credId, privateKey, pem } = await newKey();
    const challenge = signingChallenge(['other', credId]);
    const assertion = await signWithKey({ challenge, credId, privateKey });
    expect(assertion.kind).toBe('Key');
    expect(assertion.credentialAssertion.credId).toBe(credId);
    const clientData = fromB64url(assertion.credentialAssertion.clientData);
    expect(clientData).toBe(`{"type":"key.get","challenge":"${challenge.challenge}"}`);
    expect(assertion.credentialAssertion.signature).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(nodeVerifyDer(pem, clientData, Buffer.from(assertion.credentialAssertion.signature, 'base64url'))).toBe(true);
  });

  it('refuses a credential the challenge does not allow, before signing', async () => {
    const { credId, privateKey } = await newKey();
    const error: unknown = await signWithKey({ challenge: signingChallenge(['other']), credId, privateKey }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecoveryError);
    expect(error).toMatchObject({ code: 'credential_not_allowed' });
  });

  it('checks passwordProtectedKey entries for a PasswordProtectedKey', async () => {
    const { credId, privateKey } = await newKey();
    await expect(
      signWithKey({ challenge: signingChallenge([credId]), credId, privateKey, kind: 'PasswordProtectedKey' }),
    ).rejects.toMatchObject({ code: 'credential_not_allowed' });
    const assertion = await signWithKey({ challenge: signingChallenge([], [credId]), credId, privateKey, kind: 'PasswordProtectedKey' });
    expect(assertion.kind).toBe('PasswordProtectedKey');
  });
});

describe('keySigner', () => {
  it('answers any challenge with the same key credential', async () => {
    const { credId, privateKey, pem } = await newKey();
    const signer = keySigner({ credId, privateKey });
    const challenge = signingChallenge([credId]);
    const assertion = await signer(challenge);
    expect(assertion.kind).toBe('Key');
    const clientData = fromB64url(assertion.credentialAssertion.clientData);
    expect(nodeVerifyDer(pem, clientData, Buffer.from(assertion.credentialAssertion.signature, 'base64url'))).toBe(true);
  });
});
