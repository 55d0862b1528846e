import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RecoveryError } from '../../src/errors';
import { createRecoveryKey, findRecoveryKey, rawToDer, unlockRecoveryKey } from '../../src/keys';
import {
  fromB64url,
  nodeCheckAttestation,
  nodeDecryptBlob,
  nodeEncryptBlob,
  nodeVerifyDer,
  registrationChallenge,
} from './fixtures';

const USERNAME = registrationChallenge.user.name;

async function kitSign(privateKey: CryptoKey, message: string): Promise<Buffer> {
  const raw = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, new TextEncoder().encode(message));
  return Buffer.from(rawToDer(raw));
}

describe('createRecoveryKey', () => {
  it('makes a blob that an independent Node implementation decrypts to the attested key', async () => {
    const { recoveryCode, credential, credId } = await createRecoveryKey({ challenge: registrationChallenge });
    const pkcs8 = nodeDecryptBlob(credential.encryptedPrivateKey, recoveryCode, USERNAME);
    const fromBlob = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }));
    const checked = nodeCheckAttestation(credential.credentialInfo.clientData, credential.credentialInfo.attestationData);
    expect(checked.verified).toBe(true);
    expect(fromBlob.export({ type: 'spki', format: 'der' })).toEqual(
      createPublicKey(checked.publicKey).export({ type: 'spki', format: 'der' }),
    );
    expect(credId).toBe(credential.credentialInfo.credId);
  });

  it('follows Dfns\'s blob layout: base64 of JSON {key, iv}, 16-byte IV, id = base64url(SHA-256(blob))', async () => {
    const { credential, credId } = await createRecoveryKey({ challenge: registrationChallenge });
    const blob = credential.encryptedPrivateKey;
    expect(blob.startsWith('eyJr')).toBe(true);
    const inner = JSON.parse(Buffer.from(blob, 'base64').toString('utf8')) as Record<string, string>;
    expect(Object.keys(inner)).toEqual(['key', 'iv']);
    expect(Buffer.from(inner.iv ?? '', 'base64')).toHaveLength(16);
    expect(inner.key).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(credId).toBe(createHash('sha256').update(blob, 'utf8').digest('base64url'));
    expect(credential.credentialKind).toBe('RecoveryKey');
  });

  it('writes key.create client data with the server challenge, the page origin and crossOrigin false', async () => {
    const { credential } = await createRecoveryKey({ challenge: registrationChallenge });
    expect(fromB64url(credential.credentialInfo.clientData)).toBe(
      `{"type":"key.create","challenge":"${registrationChallenge.challenge}","origin":"${location.origin}","crossOrigin":false}`,
    );
    expect(nodeCheckAttestation(credential.credentialInfo.clientData, credential.credentialInfo.attestationData).algorithm).toBe('SHA256');
  });

  it('uses a given code in its canonical form', async () => {
    const code = 'D1-ABCDEF-GHJKL-MNPQR-STUVW-XYZ23-456789';
    const { recoveryCode, credential } = await createRecoveryKey({ challenge: registrationChallenge, recoveryCode: code.toLowerCase() });
    expect(recoveryCode).toBe(code);
    expect(() => nodeDecryptBlob(credential.encryptedPrivateKey, code, USERNAME)).not.toThrow();
  });
});

describe('unlockRecoveryKey', () => {
  it('decrypts a blob made by an independent Node implementation into a key whose signatures Node verifies', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const code = 'D1-QWERTY-ASDFG-ZXCVB-PLMNK-HGTFR-234567';
    const blob = nodeEncryptBlob(privateKey.export({ type: 'pkcs8', format: 'der' }), code, USERNAME);
    const key = await unlockRecoveryKey({ encryptedRecoveryKey: blob, recoveryCode: code, username: USERNAME });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(nodeVerifyDer(pem, 'hello', await kitSign(key, 'hello'))).toBe(true);
  });

  it('returns a non-extractable key that can only sign', async () => {
    const { recoveryCode, credential } = await createRecoveryKey({ challenge: registrationChallenge });
    const key = await unlockRecoveryKey({ encryptedRecoveryKey: credential.encryptedPrivateKey, recoveryCode, username: USERNAME });
    expect(key.extractable).toBe(false);
    expect(key.usages).toEqual(['sign']);
    expect(key.type).toBe('private');
  });

  it('accepts the code as typed and the username in any case with surrounding spaces', async () => {
    const { recoveryCode, credential } = await createRecoveryKey({ challenge: registrationChallenge });
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ').slice(3);
    await expect(
      unlockRecoveryKey({ encryptedRecoveryKey: credential.encryptedPrivateKey, recoveryCode: typed, username: `  ${USERNAME.toUpperCase()} ` }),
    ).resolves.toBeDefined();
  });

  it('reports a wrong code as recovery_code_invalid in under a second, without the code in the message', async () => {
    const { recoveryCode, credential } = await createRecoveryKey({ challenge: registrationChallenge });
    const wrong = recoveryCode.slice(0, -1) + (recoveryCode.endsWith('A') ? 'B' : 'A');
    const started = performance.now();
    const error: unknown = await unlockRecoveryKey({
      encryptedRecoveryKey: credential.encryptedPrivateKey,
      recoveryCode: wrong,
      username: USERNAME,
    }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    console.log(`wrong recovery code rejected in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(1000);
    expect(error).toBeInstanceOf(RecoveryError);
    expect(error).toMatchObject({ code: 'recovery_code_invalid', retryable: true });
    expect((error as Error).message).not.toContain(wrong);
    expect((error as Error).message).not.toContain(wrong.slice(3, 9));
    expect(((error as Error).cause as Error).name).toBe('OperationError');
  });

  it('reports the wrong username as recovery_code_invalid too (the salt differs)', async () => {
    const { recoveryCode, credential } = await createRecoveryKey({ challenge: registrationChallenge });
    await expect(
      unlockRecoveryKey({ encryptedRecoveryKey: credential.encryptedPrivateKey, recoveryCode, username: 'bob@example.com' }),
    ).rejects.toMatchObject({ code: 'recovery_code_invalid' });
  });

  it.each([
    ['not base64', '%%%'],
    ['base64 of something else', btoa('hello')],
    ['JSON without key and iv', btoa('{"a":1}')],
  ])('reports a blob that is %s as recovery_key_not_found', async (_label, blob) => {
    await expect(
      unlockRecoveryKey({ encryptedRecoveryKey: blob, recoveryCode: 'D1-ABCDEF-GHJKL-MNPQR-STUVW-XYZ23-456789', username: USERNAME }),
    ).rejects.toMatchObject({ code: 'recovery_key_not_found' });
  });

  it('reports a malformed code before any key derivation', async () => {
    await expect(
      unlockRecoveryKey({ encryptedRecoveryKey: btoa('{"key":"AA==","iv":"AA=="}'), recoveryCode: 'D1-0000', username: USERNAME }),
    ).rejects.toMatchObject({ code: 'recovery_code_malformed' });
  });
});

describe('findRecoveryKey', () => {
  const challenge = {
    allowedRecoveryCredentials: [
      { id: 'first-id', encryptedRecoveryKey: 'blob-1' },
      { id: 'second-id', encryptedRecoveryKey: 'blob-2' },
    ],
  };

  it('picks the entry whose id is the Recovery Key ID, ignoring surrounding spaces', () => {
    expect(findRecoveryKey(challenge, ' second-id\n')).toEqual({ id: 'second-id', encryptedRecoveryKey: 'blob-2' });
  });

  it('throws recovery_key_not_found for an id the challenge does not list', () => {
    expect(() => findRecoveryKey(challenge, 'third-id')).toThrow(expect.objectContaining({ code: 'recovery_key_not_found' }));
  });
});
