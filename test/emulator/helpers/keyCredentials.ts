import type { AttestationInfo, KeyAssertion, RecoveryAssertion } from '../../../src/api/types';
import { b64url, sha256, signDer } from './bytes';

/** A WebCrypto P-256 key credential built in the test, independently of the kit and the emulator. */
export interface TestKey {
  credId: string;
  privateKey: CryptoKey;
  publicKeyPem: string;
}

/** A fresh P-256 key with a random credId and its SPKI PEM (64-column body, as the SDK writes it). */
export async function createTestKey(): Promise<TestKey> {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', keys.publicKey)).toString('base64');
  const publicKeyPem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----`;
  return { credId: b64url(crypto.getRandomValues(new Uint8Array(32))), privateKey: keys.privateKey, publicKeyPem };
}

/** Dfns key attestation over `challenge`: `key.create` client data, fingerprint signed DER hex. */
export async function attestKey(
  key: TestKey,
  challenge: string,
  options: { origin?: string; signedChallenge?: string; signerKey?: CryptoKey } = {},
): Promise<AttestationInfo> {
  const clientData = JSON.stringify({
    type: 'key.create',
    challenge: options.signedChallenge ?? challenge,
    ...(options.origin ? { origin: options.origin, crossOrigin: false } : {}),
  });
  const clientDataHash = Buffer.from(await sha256(clientData)).toString('hex');
  const fingerprint = JSON.stringify({ clientDataHash, publicKey: key.publicKeyPem });
  const signature = Buffer.from(await signDer(options.signerKey ?? key.privateKey, fingerprint)).toString('hex');
  return {
    credId: key.credId,
    clientData: b64url(clientData),
    attestationData: b64url(JSON.stringify({ publicKey: key.publicKeyPem, signature, algorithm: 'SHA256' })),
  };
}

/** Dfns key assertion over `challenge`: `key.get` client data, DER base64url signature. */
export async function assertKey(key: TestKey, challenge: string, kind: 'Key' | 'PasswordProtectedKey' = 'Key'): Promise<KeyAssertion> {
  const clientData = JSON.stringify({ type: 'key.get', challenge });
  return {
    kind,
    credentialAssertion: { credId: key.credId, clientData: b64url(clientData), signature: b64url(await signDer(key.privateKey, clientData)) },
  };
}

/** The recovery assertion: the old recovery key signs base64url(JSON.stringify(newCredentials)). */
export async function assertRecovery(key: TestKey, newCredentials: unknown, signerKey?: CryptoKey): Promise<RecoveryAssertion> {
  const clientData = JSON.stringify({
    type: 'key.get',
    challenge: b64url(JSON.stringify(newCredentials)),
    origin: 'http://localhost:6006',
    crossOrigin: false,
  });
  return {
    kind: 'RecoveryKey',
    credentialAssertion: {
      credId: key.credId,
      clientData: b64url(clientData),
      signature: b64url(await signDer(signerKey ?? key.privateKey, clientData)),
    },
  };
}

/** An opaque encrypted-private-key blob; the emulator stores it and never decrypts it. */
export const opaqueBlob = (): string => btoa(JSON.stringify({ key: b64url(crypto.getRandomValues(new Uint8Array(48))), iv: 'AAAA' }));
