import type { AttestationInfo, KeyAttestation } from '../api/types';
import { bytesToHex, utf8ToBase64url, utf8ToBytes } from '../encoding/base64url';
import { rawToDer } from './der';
import { keyClientData } from './keyClientData';
import { toPem } from './pem';
import { ECDSA_SHA256, P256, randomCredId, sha256Hex, subtle } from './subtle';

/** The credential kinds made from a WebCrypto key pair. */
export type KeyCredentialKind = 'Key' | 'PasswordProtectedKey' | 'RecoveryKey';

/** A challenge string, or any Dfns challenge object carrying one. */
export type ChallengeInput = string | { challenge: string };

/** The key pair of a key credential: a `CryptoKeyPair` or its two halves. */
export type KeyPairInput = { keyPair: CryptoKeyPair } | { privateKey: CryptoKey; publicKey: CryptoKey };

/** Options of `createKeyAttestation`. */
export type CreateKeyAttestationOptions<K extends KeyCredentialKind> = KeyPairInput & {
  challenge: ChallengeInput;
  kind: K;
  /** Defaults to base64url of 32 random bytes. RecoveryKey uses the hash of its blob instead. */
  credId?: string | undefined;
  /** Adds `origin` and `crossOrigin: false` to the client data (Dfns's dashboard does; its SDK does not). */
  origin?: string | undefined;
};

/** A key-style credential's attestation, before any kind-specific field (`encryptedPrivateKey`). */
export interface KeyStyleAttestation<K extends KeyCredentialKind> {
  credentialKind: K;
  credentialInfo: AttestationInfo;
}

/** The challenge string of a `ChallengeInput`. */
export function challengeString(challenge: ChallengeInput): string {
  return typeof challenge === 'string' ? challenge : challenge.challenge;
}

/**
 * Attests a P-256 key pair as a Dfns key-style credential (reference 3.2): `key.create` client
 * data, the fingerprint `{"clientDataHash","publicKey"}` signed as hex DER, and
 * `attestationData = base64url({publicKey, signature, algorithm: 'SHA256'})`.
 * @example const attestation = await createKeyAttestation({ challenge, keyPair, kind: 'Key' });
 */
export async function createKeyAttestation<K extends KeyCredentialKind>(
  options: CreateKeyAttestationOptions<K>,
): Promise<KeyStyleAttestation<K>> {
  const { privateKey, publicKey } = 'keyPair' in options ? options.keyPair : options;
  const pem = toPem(await subtle().exportKey('spki', publicKey));
  const clientData = keyClientData('key.create', challengeString(options.challenge), { origin: options.origin });
  // Dfns rebuilds this exact string from clientData and publicKey, so key order and spacing matter.
  const fingerprint = JSON.stringify({ clientDataHash: await sha256Hex(clientData), publicKey: pem });
  const raw = await subtle().sign(ECDSA_SHA256, privateKey, utf8ToBytes(fingerprint));
  const attestationData = JSON.stringify({ publicKey: pem, signature: bytesToHex(rawToDer(raw)), algorithm: 'SHA256' });
  return {
    credentialKind: options.kind,
    credentialInfo: {
      credId: options.credId ?? randomCredId(),
      clientData: utf8ToBase64url(clientData),
      attestationData: utf8ToBase64url(attestationData),
    },
  };
}

/** A new Key credential: its attestation for Dfns, its private key and its credential id. */
export interface CreatedKeyCredential {
  attestation: KeyAttestation;
  /** Non-extractable: it can sign, and can never be read out of WebCrypto. */
  privateKey: CryptoKey;
  credId: string;
}

/**
 * Makes a new WebCrypto Key credential for a registration or credential challenge. Store
 * `privateKey` (e.g. in IndexedDB, which keeps CryptoKeys) to sign with it later.
 * @example const { attestation, privateKey, credId } = await createKeyCredential(challenge);
 */
export async function createKeyCredential(
  challenge: ChallengeInput,
  options: { origin?: string | undefined; credId?: string | undefined } = {},
): Promise<CreatedKeyCredential> {
  // Non-extractable from birth: a Key credential never needs its private key exported.
  const keyPair = await subtle().generateKey(P256, false, ['sign', 'verify']);
  const attestation = await createKeyAttestation({ challenge, keyPair, kind: 'Key', ...options });
  return { attestation, privateKey: keyPair.privateKey, credId: attestation.credentialInfo.credId };
}
