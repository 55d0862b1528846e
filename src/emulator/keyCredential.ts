import { fromBase64, fromBase64Url, fromHex, fromUtf8, sha256Hex, utf8 } from './bytes';
import { derToRaw } from './derToRaw';
import { badRequest, forbidden } from './EmulatorHttpError';
import { asObject, requireString, optionalString } from './bodyChecks';

/** Client data of a key-style credential, decoded from base64url. */
export interface KeyClientData {
  /** The exact JSON string the client signed or hashed. */
  text: string;
  type: string;
  challenge: string;
  origin?: string | undefined;
}

/** Decodes base64url client data and checks its `type` and `challenge` (verbatim, never re-encoded). */
export function readKeyClientData(
  clientData: string,
  expected: { type: 'key.create' | 'key.get'; challenge: string; isOriginAllowed: (origin: string) => boolean },
  field: string,
): KeyClientData {
  let text: string;
  let parsed: Record<string, unknown>;
  try {
    text = fromUtf8(fromBase64Url(clientData));
    parsed = asObject(JSON.parse(text) as unknown);
  } catch {
    throw badRequest(`${field} must be base64url of a JSON object`, { field });
  }
  const type = requireString(parsed, 'type', `${field}.`);
  const challenge = requireString(parsed, 'challenge', `${field}.`);
  const origin = optionalString(parsed, 'origin', `${field}.`);
  if (type !== expected.type) throw forbidden(`${field}.type must be ${expected.type}`);
  if (challenge !== expected.challenge) throw forbidden(`${field}.challenge does not match the challenge`);
  if (origin !== undefined && !expected.isOriginAllowed(origin)) {
    throw forbidden(`origin ${origin} is not allowed for this organization`);
  }
  return { text, type, challenge, origin };
}

/** Imports a P-256 SPKI public key from PEM (64-column or single-line bodies). */
export async function importPublicKeyPem(pem: string, field: string): Promise<CryptoKey> {
  const match = /^-----BEGIN PUBLIC KEY-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END PUBLIC KEY-----\s*$/.exec(pem);
  if (!match?.[1]) throw badRequest(`${field} must be a PEM public key`, { field });
  try {
    return await globalThis.crypto.subtle.importKey(
      'spki',
      fromBase64(match[1].replace(/\s+/g, '')),
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
  } catch {
    // RSA and other curves are valid Dfns keys the emulator does not implement: say so plainly.
    throw badRequest(`${field} must be an ECDSA P-256 key (the emulator supports no other key type)`, { field });
  }
}

/** Verifies a DER ECDSA-P256-SHA256 signature over `message` with `key`. */
export async function verifyDerSignature(key: CryptoKey, der: Uint8Array, message: string): Promise<boolean> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = derToRaw(der);
  } catch {
    return false;
  }
  return globalThis.crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, raw, utf8(message));
}

/** What a verified key-style attestation yields. */
export interface VerifiedKeyAttestation {
  publicKeyPem: string;
  origin: string | undefined;
}

/**
 * Verifies a Key / PasswordProtectedKey / RecoveryKey attestation: client data `key.create` over
 * the challenge, then the DER-hex signature over the REBUILT fingerprint
 * `{"clientDataHash":…,"publicKey":…}`, so a client that signs anything else fails.
 */
export async function verifyKeyAttestation(
  info: { clientData: string; attestationData: string },
  expected: { challenge: string; isOriginAllowed: (origin: string) => boolean },
  field: string,
): Promise<VerifiedKeyAttestation> {
  const clientData = readKeyClientData(
    info.clientData,
    { type: 'key.create', ...expected },
    `${field}.clientData`,
  );
  let attestation: Record<string, unknown>;
  try {
    attestation = asObject(JSON.parse(fromUtf8(fromBase64Url(info.attestationData))) as unknown);
  } catch {
    throw badRequest(`${field}.attestationData must be base64url of a JSON object`, {
      field: `${field}.attestationData`,
    });
  }
  const publicKeyPem = requireString(attestation, 'publicKey', `${field}.attestationData.`);
  const signatureHex = requireString(attestation, 'signature', `${field}.attestationData.`);
  const algorithm = optionalString(attestation, 'algorithm', `${field}.attestationData.`);
  if (algorithm !== undefined && algorithm !== 'SHA256') {
    throw badRequest(`${field}.attestationData.algorithm ${algorithm} is not supported by the emulator`, {
      field: `${field}.attestationData.algorithm`,
    });
  }
  const key = await importPublicKeyPem(publicKeyPem, `${field}.attestationData.publicKey`);
  let der: Uint8Array;
  try {
    der = fromHex(signatureHex);
  } catch {
    throw badRequest(`${field}.attestationData.signature must be hex`, { field: `${field}.attestationData.signature` });
  }
  const fingerprint = JSON.stringify({ clientDataHash: await sha256Hex(clientData.text), publicKey: publicKeyPem });
  if (!(await verifyDerSignature(key, der, fingerprint))) {
    throw forbidden(`${field} attestation signature is invalid`);
  }
  return { publicKeyPem, origin: clientData.origin };
}

/**
 * Verifies a key-style assertion: client data `key.get` whose challenge is `expected.challenge`
 * verbatim, DER base64url signature over the client data string with the stored PEM key.
 */
export async function verifyKeyAssertion(
  assertion: { clientData: string; signature: string },
  publicKeyPem: string,
  expected: { challenge: string; isOriginAllowed: (origin: string) => boolean },
  field: string,
): Promise<void> {
  const clientData = readKeyClientData(assertion.clientData, { type: 'key.get', ...expected }, `${field}.clientData`);
  let der: Uint8Array;
  try {
    der = fromBase64Url(assertion.signature);
  } catch {
    throw badRequest(`${field}.signature must be base64url`, { field: `${field}.signature` });
  }
  const key = await importPublicKeyPem(publicKeyPem, 'stored public key');
  if (!(await verifyDerSignature(key, der, clientData.text))) throw forbidden(`${field} signature is invalid`);
}
