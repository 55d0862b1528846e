import type { AttestationInfo, Fido2Assertion } from '../../../src/api/types';
import { encodeCbor, type CborValue } from './cbor';
import { b64url, sha256, signDer } from './bytes';

/** A passkey held by the software authenticator. */
export interface SoftPasskey {
  credId: string;
  privateKey: CryptoKey;
  userId: string;
  counter: number;
}

/** Where a ceremony claims to run; tests override one field to forge a wrong origin or rp id. */
export interface CeremonyContext {
  origin?: string;
  rpId?: string;
}

const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

const counterBytes = (n: number): number[] => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/**
 * A software WebAuthn authenticator: real clientDataJSON, 'none' attestation objects with an
 * ES256 COSE key, and DER ES256 assertions signed with WebCrypto.
 */
export function createSoftAuthenticator(defaults: { origin: string; rpId: string } = { origin: 'http://localhost:6006', rpId: 'localhost' }) {
  return {
    /** `navigator.credentials.create` for a Dfns challenge: returns Dfns `credentialInfo` and the passkey. */
    async create(
      challenge: { challenge: string; user: { id: string } },
      context: CeremonyContext = {},
    ): Promise<{ credentialInfo: AttestationInfo; passkey: SoftPasskey }> {
      const { origin, rpId } = { ...defaults, ...context };
      const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
      const point = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
      const cose = encodeCbor(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, point.slice(1, 33)],
          [-3, point.slice(33, 65)],
        ]),
      );
      const rawId = crypto.getRandomValues(new Uint8Array(32));
      const authData = Uint8Array.from([
        ...(await sha256(rpId)),
        UP | UV | AT,
        ...counterBytes(0),
        ...new Uint8Array(16),
        rawId.length >> 8,
        rawId.length & 0xff,
        ...rawId,
        ...cose,
      ]);
      const attestationObject = encodeCbor(
        new Map<string, CborValue>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]),
      );
      const clientDataJSON = JSON.stringify({ type: 'webauthn.create', challenge: b64url(challenge.challenge), origin, crossOrigin: false });
      const credId = b64url(rawId);
      return {
        credentialInfo: { credId, clientData: b64url(clientDataJSON), attestationData: b64url(attestationObject) },
        passkey: { credId, privateKey: keys.privateKey, userId: challenge.user.id, counter: 0 },
      };
    },

    /** `navigator.credentials.get` for a Dfns challenge: a Dfns `Fido2Assertion`. */
    async get(passkey: SoftPasskey, challenge: string, context: CeremonyContext = {}): Promise<Fido2Assertion> {
      const { origin, rpId } = { ...defaults, ...context };
      passkey.counter += 1;
      const authData = Uint8Array.from([...(await sha256(rpId)), UP | UV, ...counterBytes(passkey.counter)]);
      const clientDataJSON = JSON.stringify({ type: 'webauthn.get', challenge: b64url(challenge), origin, crossOrigin: false });
      const signature = await signDer(passkey.privateKey, Uint8Array.from([...authData, ...(await sha256(clientDataJSON))]));
      return {
        kind: 'Fido2',
        credentialAssertion: {
          credId: passkey.credId,
          clientData: b64url(clientDataJSON),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          userHandle: b64url(passkey.userId),
        },
      };
    },
  };
}

/** The software authenticator's type. */
export type SoftAuthenticator = ReturnType<typeof createSoftAuthenticator>;
