import { describe, expect, it } from 'vitest';
import type { RegistrationCredentials } from '../../src/api/types';
import { createKeyCredential, createRecoveryKey, recoverUserBodyJson, signRecovery, unlockRecoveryKey } from '../../src/keys';
import { fromB64url, nodeCheckAttestation, nodeVerifyDer, registrationChallenge } from './fixtures';

describe('signRecovery', () => {
  it('signs base64url(JSON of newCredentials) with the old recovery key, verifiable with its attested PEM', async () => {
    const old = await createRecoveryKey({ challenge: registrationChallenge });
    const oldPem = nodeCheckAttestation(old.credential.credentialInfo.clientData, old.credential.credentialInfo.attestationData).publicKey;
    const privateKey = await unlockRecoveryKey({
      encryptedRecoveryKey: old.credential.encryptedPrivateKey,
      recoveryCode: old.recoveryCode,
      username: registrationChallenge.user.name,
    });
    const fresh = await createRecoveryKey({ challenge: registrationChallenge });
    const newCredentials: RegistrationCredentials = {
      firstFactorCredential: (await createKeyCredential(registrationChallenge)).attestation,
      recoveryCredential: fresh.credential,
    };

    const { recovery, newCredentialsJson } = await signRecovery({ newCredentials, credId: old.credId, privateKey });

    expect(newCredentialsJson).toBe(JSON.stringify(newCredentials));
    expect(recovery.kind).toBe('RecoveryKey');
    expect(recovery.credentialAssertion.credId).toBe(old.credId);
    const clientData = fromB64url(recovery.credentialAssertion.clientData);
    expect(clientData).toBe(
      `{"type":"key.get","challenge":"${Buffer.from(newCredentialsJson, 'utf8').toString('base64url')}","origin":"${location.origin}","crossOrigin":false}`,
    );
    expect(nodeVerifyDer(oldPem, clientData, Buffer.from(recovery.credentialAssertion.signature, 'base64url'))).toBe(true);
  });

  it('uses a given origin', async () => {
    const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const newCredentials: RegistrationCredentials = {
      firstFactorCredential: { credentialKind: 'Fido2', credentialInfo: { credId: 'a', clientData: 'b', attestationData: 'c' } },
    };
    const { recovery } = await signRecovery({ newCredentials, credId: 'x', privateKey, origin: 'https://app.example' });
    expect(JSON.parse(fromB64url(recovery.credentialAssertion.clientData))).toMatchObject({ origin: 'https://app.example' });
  });
});

describe('recoverUserBodyJson', () => {
  it('sends newCredentials as the very string that was signed', async () => {
    const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const newCredentials: RegistrationCredentials = {
      firstFactorCredential: { credentialKind: 'Fido2', credentialInfo: { credId: 'a', clientData: 'b', attestationData: 'c' } },
    };
    const signed = await signRecovery({ newCredentials, credId: 'x', privateKey });
    const body = recoverUserBodyJson(signed);
    expect(body).toContain(`"newCredentials":${signed.newCredentialsJson}}`);
    expect(JSON.parse(body)).toEqual({ recovery: signed.recovery, newCredentials });
  });
});
