import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPasswordProtectedKey, signWithKey, unlockPasswordProtectedKey } from '../../src/keys';
import { fromB64url, keyCredentialChallenge, nodeCheckAttestation, nodeDecryptBlob, nodeVerifyDer, signingChallenge } from './fixtures';

const PASSWORD = 'correct horse battery staple';
const USERNAME = keyCredentialChallenge.user.name;

describe('createPasswordProtectedKey', () => {
  it('encrypts the attested key in the recovery-key blob format with the password verbatim', async () => {
    const attestation = await createPasswordProtectedKey(keyCredentialChallenge, PASSWORD);
    expect(attestation.credentialKind).toBe('PasswordProtectedKey');
    const checked = nodeCheckAttestation(attestation.credentialInfo.clientData, attestation.credentialInfo.attestationData);
    expect(checked.verified).toBe(true);
    const pkcs8 = nodeDecryptBlob(attestation.encryptedPrivateKey, PASSWORD, USERNAME);
    expect(createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({ type: 'spki', format: 'der' })).toEqual(
      createPublicKey(checked.publicKey).export({ type: 'spki', format: 'der' }),
    );
  });

  it('refuses an empty password', async () => {
    await expect(createPasswordProtectedKey(keyCredentialChallenge, '')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('unlockPasswordProtectedKey', () => {
  it('unlocks a key that signs a login challenge Node verifies', async () => {
    const attestation = await createPasswordProtectedKey(keyCredentialChallenge, PASSWORD);
    const { publicKey: pem } = nodeCheckAttestation(attestation.credentialInfo.clientData, attestation.credentialInfo.attestationData);
    const privateKey = await unlockPasswordProtectedKey(attestation.encryptedPrivateKey, PASSWORD, USERNAME);
    const credId = attestation.credentialInfo.credId;
    const assertion = await signWithKey({ challenge: signingChallenge([], [credId]), credId, privateKey, kind: 'PasswordProtectedKey' });
    const clientData = fromB64url(assertion.credentialAssertion.clientData);
    expect(nodeVerifyDer(pem, clientData, Buffer.from(assertion.credentialAssertion.signature, 'base64url'))).toBe(true);
  });

  it('reports a wrong password as password_invalid without the password in the message', async () => {
    const attestation = await createPasswordProtectedKey(keyCredentialChallenge, PASSWORD);
    const error: unknown = await unlockPasswordProtectedKey(attestation.encryptedPrivateKey, 'Tr0ub4dor&3', USERNAME).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'password_invalid' });
    expect((error as Error).message).not.toContain('Tr0ub4dor');
  });

  it('does not treat the password as a recovery code (no case folding)', async () => {
    const attestation = await createPasswordProtectedKey(keyCredentialChallenge, PASSWORD);
    await expect(unlockPasswordProtectedKey(attestation.encryptedPrivateKey, PASSWORD.toUpperCase(), USERNAME)).rejects.toMatchObject({
      code: 'password_invalid',
    });
  });
});
