/**
 * Dfns-shaped challenges and an independent Node implementation of the key-credential formats,
 * written from the reference (sections 3 and 7.3) with `node:crypto` only, never with the kit.
 */
import { createCipheriv, createDecipheriv, createHash, createPublicKey, pbkdf2Sync, randomBytes, verify } from 'node:crypto';
import type { KeyCredentialChallenge, RecoveryChallenge, SigningChallenge } from '../../src/api/types';

export const registrationChallenge: RecoveryChallenge = {
  user: { id: 'us-3v1b3-kuqjq-8t4s2f0rl5e3nqpv', displayName: 'Alice Example', name: 'Alice@Example.com' },
  temporaryAuthenticationToken: 'eyJhbGciOiJFUzI1NiJ9.e30.sig',
  challenge: 'ch-39e46-hbmvm-8ltqq3sj4887e7p8',
  supportedCredentialKinds: { firstFactor: ['Fido2', 'Key'], secondFactor: [] },
  authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
  attestation: 'direct',
  pubKeyCredParams: [
    { type: 'public-key', alg: -7 },
    { type: 'public-key', alg: -257 },
  ],
  excludeCredentials: [],
  allowedRecoveryCredentials: [],
};

export const keyCredentialChallenge: KeyCredentialChallenge = {
  kind: 'Key',
  user: registrationChallenge.user,
  challengeIdentifier: 'eyJ0eXAiOiJKV1QifQ.e30.cid',
  challenge: 'ch-4r0dv-jv3ac-9ebfh6ag4ea6iqhn',
  attestation: 'direct',
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
};

/** A login challenge allowing the given key and password-protected key credential ids. */
export function signingChallenge(keyIds: string[], passwordProtectedIds: string[] = []): SigningChallenge {
  return {
    challenge: 'ch-7a2ed-qo4vp-9ud0v0dklgma8ctg',
    challengeIdentifier: 'eyJ0eXAiOiJKV1QifQ.e30.login',
    supportedCredentialKinds: [{ kind: 'Key', factor: 'first', requiresSecondFactor: false }],
    userVerification: 'required',
    allowCredentials: {
      key: keyIds.map((id) => ({ type: 'public-key', id })),
      passwordProtectedKey: passwordProtectedIds.map((id) => ({ type: 'public-key', id, encryptedPrivateKey: 'x' })),
      webauthn: [],
    },
  };
}

/** The UTF-8 string behind a base64url field, decoded by Node. */
export function fromB64url(value: string): string {
  return Buffer.from(value, 'base64url').toString('utf8');
}

/** Node's check of a DER ECDSA P-256/SHA-256 signature over a string, with a PEM public key. */
export function nodeVerifyDer(pem: string, message: string, der: Buffer): boolean {
  return verify('sha256', Buffer.from(message, 'utf8'), { key: createPublicKey(pem), dsaEncoding: 'der' }, der);
}

/** Checks a key-style `attestationData` as Dfns would: rebuild the fingerprint, verify the hex DER. */
export function nodeCheckAttestation(clientDataB64url: string, attestationDataB64url: string): {
  verified: boolean;
  publicKey: string;
  signature: string;
  algorithm: unknown;
  rawAttestation: string;
} {
  const clientData = fromB64url(clientDataB64url);
  const rawAttestation = fromB64url(attestationDataB64url);
  const parsed = JSON.parse(rawAttestation) as { publicKey: string; signature: string; algorithm?: unknown };
  const clientDataHash = createHash('sha256').update(clientData, 'utf8').digest('hex');
  const fingerprint = `{"clientDataHash":"${clientDataHash}","publicKey":${JSON.stringify(parsed.publicKey)}}`;
  return {
    verified: nodeVerifyDer(parsed.publicKey, fingerprint, Buffer.from(parsed.signature, 'hex')),
    publicKey: parsed.publicKey,
    signature: parsed.signature,
    algorithm: parsed.algorithm,
    rawAttestation,
  };
}

const ITERATIONS = 100_000;

function nodeSalt(username: string): Buffer {
  return createHash('sha256').update(username.toLowerCase().trim(), 'utf8').digest();
}

/** Dfns's recovery blob made by Node: AES-256-GCM (16-byte IV, tag appended) over PKCS#8 DER. */
export function nodeEncryptBlob(pkcs8: Buffer, secret: string, username: string): string {
  const key = pbkdf2Sync(secret, nodeSalt(username), ITERATIONS, 32, 'sha256');
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const wrapped = Buffer.concat([cipher.update(pkcs8), cipher.final(), cipher.getAuthTag()]);
  const json = JSON.stringify({ key: wrapped.toString('base64'), iv: iv.toString('base64') });
  return Buffer.from(json, 'utf8').toString('base64');
}

/** PKCS#8 DER from Dfns's recovery blob, decrypted by Node; throws on a wrong secret. */
export function nodeDecryptBlob(blob: string, secret: string, username: string): Buffer {
  const { key: wrappedB64, iv: ivB64 } = JSON.parse(Buffer.from(blob, 'base64').toString('utf8')) as { key: string; iv: string };
  const wrapped = Buffer.from(wrappedB64, 'base64');
  const iv = Buffer.from(ivB64, 'base64');
  const key = pbkdf2Sync(secret, nodeSalt(username), ITERATIONS, 32, 'sha256');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
  return Buffer.concat([decipher.update(wrapped.subarray(0, wrapped.length - 16)), decipher.final()]);
}
