import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyAttestation, createKeyCredential, keyClientData, toPem } from '../../src/keys';
import { fromB64url, keyCredentialChallenge, nodeCheckAttestation } from './fixtures';

describe('keyClientData', () => {
  it('writes compact JSON with type then the challenge verbatim', () => {
    expect(keyClientData('key.create', 'ch-39e46-hbmvm-8ltqq3sj4887e7p8')).toBe(
      '{"type":"key.create","challenge":"ch-39e46-hbmvm-8ltqq3sj4887e7p8"}',
    );
  });

  it('adds origin and crossOrigin false after the challenge when given an origin', () => {
    expect(keyClientData('key.get', 'c', { origin: 'https://app.example' })).toBe(
      '{"type":"key.get","challenge":"c","origin":"https://app.example","crossOrigin":false}',
    );
  });
});

describe('toPem', () => {
  it('wraps SPKI base64 in 64-character lines that Node parses to the same key', async () => {
    const { publicKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', publicKey));
    const pem = toPem(spki);
    const lines = pem.split('\n');
    expect(lines[0]).toBe('-----BEGIN PUBLIC KEY-----');
    expect(lines.at(-1)).toBe('-----END PUBLIC KEY-----');
    expect(lines.slice(1, -1).map((line) => line.length)).toEqual([64, 60]);
    expect(createPublicKey(pem).export({ type: 'spki', format: 'der' })).toEqual(spki);
  });
});

describe('createKeyAttestation', () => {
  it('signs the fingerprint Dfns rebuilds, as hex DER that Node verifies with the PEM', async () => {
    const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const attestation = await createKeyAttestation({ challenge: keyCredentialChallenge, keyPair, kind: 'Key' });
    expect(attestation.credentialKind).toBe('Key');
    const { clientData, attestationData, credId } = attestation.credentialInfo;
    expect(fromB64url(clientData)).toBe(`{"type":"key.create","challenge":"${keyCredentialChallenge.challenge}"}`);
    const checked = nodeCheckAttestation(clientData, attestationData);
    expect(checked.verified).toBe(true);
    expect(checked.signature).toMatch(/^30[0-9a-f]+$/);
    expect(checked.algorithm).toBe('SHA256');
    expect(Object.keys(JSON.parse(checked.rawAttestation) as object)).toEqual(['publicKey', 'signature', 'algorithm']);
    expect(createPublicKey(checked.publicKey).export({ type: 'spki', format: 'der' })).toEqual(
      Buffer.from(await crypto.subtle.exportKey('spki', keyPair.publicKey)),
    );
    expect(credId).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('fails Node verification when the fingerprint is built with a different clientData', async () => {
    const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const attestation = await createKeyAttestation({ challenge: 'one', keyPair, kind: 'Key' });
    const other = Buffer.from('{"type":"key.create","challenge":"two"}').toString('base64url');
    expect(nodeCheckAttestation(other, attestation.credentialInfo.attestationData).verified).toBe(false);
  });

  it('keeps every binary field base64url without padding', async () => {
    const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    for (let i = 0; i < 10; i += 1) {
      const { credentialInfo } = await createKeyAttestation({ challenge: `c${'x'.repeat(i)}`, keyPair, kind: 'RecoveryKey' });
      for (const value of Object.values(credentialInfo)) expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it('uses a given credId and origin', async () => {
    const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const { credentialInfo } = await createKeyAttestation({
      challenge: 'c',
      privateKey: keyPair.privateKey,
      publicKey: keyPair.publicKey,
      kind: 'PasswordProtectedKey',
      credId: 'my-id',
      origin: 'https://app.example',
    });
    expect(credentialInfo.credId).toBe('my-id');
    expect(JSON.parse(fromB64url(credentialInfo.clientData))).toEqual({
      type: 'key.create',
      challenge: 'c',
      origin: 'https://app.example',
      crossOrigin: false,
    });
    expect(nodeCheckAttestation(credentialInfo.clientData, credentialInfo.attestationData).verified).toBe(true);
  });
});

describe('createKeyCredential', () => {
  it('makes a verified Key attestation and a private key that cannot be exported', async () => {
    const { attestation, privateKey, credId } = await createKeyCredential(keyCredentialChallenge);
    expect(attestation.credentialKind).toBe('Key');
    expect(attestation.credentialInfo.credId).toBe(credId);
    expect(nodeCheckAttestation(attestation.credentialInfo.clientData, attestation.credentialInfo.attestationData).verified).toBe(true);
    expect(privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', privateKey)).rejects.toThrow();
  });

  it('picks a fresh random credId each time', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i += 1) ids.add((await createKeyCredential('c')).credId);
    expect(ids.size).toBe(5);
  });
});
