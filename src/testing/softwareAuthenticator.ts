/**
 * A software passkey authenticator for tests and stories: ES256 credentials held in memory
 * (WebCrypto), real `clientDataJSON`, real authenticator data and a `none` attestation in CBOR,
 * and real ECDSA assertions, so `@simplewebauthn/server` (and the emulator) verify its output
 * exactly as they verify a browser's. It fails the way browsers fail: the same DOMException names.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { base64urlToBytes, bytesToBase64url, utf8ToBytes } from '../encoding/base64url';
import { encodeCbor, type CborValue } from './cbor';
import { rawSignatureToDer } from './derSignature';
import { underSignal, type PasskeyAuthenticator } from './passkeyAuthenticator';

/** Options of `createSoftwareAuthenticator`. */
export interface SoftwareAuthenticatorOptions {
  /** The page origin written into `clientDataJSON`, e.g. `http://localhost:6006`. */
  origin: string;
  /** The relying party this authenticator serves; the origin's host name by default. */
  rpId?: string | undefined;
  /**
   * Whether the "user" passes user verification (true by default). When false, the UV flag is
   * clear and a ceremony that requires verification fails with `NotAllowedError`.
   */
  userVerified?: boolean | undefined;
}

/** What a test may inspect about a stored credential (never its private key). */
export interface SoftwareCredentialInfo {
  /** base64url credential id, as `credential.id` and Dfns's `credId`. */
  id: string;
  rpId: string;
  /** base64url user handle (`user.id` of the creation options). */
  userHandle: string;
  userName: string;
  signCount: number;
}

/** A software authenticator, with a view of the credentials it holds. */
export interface SoftwareAuthenticator extends PasskeyAuthenticator {
  /** The credentials created so far, oldest first. */
  credentials(): SoftwareCredentialInfo[];
}

interface StoredCredential extends SoftwareCredentialInfo {
  rawId: Uint8Array<ArrayBuffer>;
  privateKey: CryptoKey;
}

const ES256 = -7;
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

/** `NotAllowedError` with Chrome's wording: the user cancelled, timed out, or could not verify. */
function notAllowed(): DOMException {
  return new DOMException(
    'The operation either timed out or was not allowed. See: https://www.w3.org/TR/webauthn-2/#sctn-privacy-considerations-client.',
    'NotAllowedError',
  );
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function uint32(value: number): Uint8Array {
  return new Uint8Array([(value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]);
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** The COSE_Key (RFC 9053) of a P-256 public key: kty EC2, alg ES256, crv P-256, x, y. */
function coseKey(rawPublicKey: Uint8Array): Uint8Array<ArrayBuffer> {
  // WebCrypto's raw export is the uncompressed point: 0x04 || x (32) || y (32).
  const x = rawPublicKey.slice(1, 33);
  const y = rawPublicKey.slice(33, 65);
  return encodeCbor(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, ES256],
      [-1, 1],
      [-2, x],
      [-3, y],
    ]),
  );
}

/** The `clientDataJSON` bytes a browser would produce. */
function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string): Uint8Array<ArrayBuffer> {
  return utf8ToBytes(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** Throws the browser's `SecurityError` unless `requested` is the rp this authenticator serves. */
function checkRpId(requested: string, rpId: string): void {
  if (requested !== rpId) {
    throw new DOMException(`The relying party ID '${requested}' is not a registrable domain suffix of, nor equal to the current domain.`, 'SecurityError');
  }
}

/**
 * A software passkey authenticator bound to one origin and rp id.
 * @example
 * const authenticator = createSoftwareAuthenticator({ origin: 'http://localhost' });
 * const registration = await authenticator.create(creationOptionsJSON);
 * const assertion = await authenticator.get({ challenge, rpId: 'localhost' });
 */
export function createSoftwareAuthenticator(options: SoftwareAuthenticatorOptions): SoftwareAuthenticator {
  const origin = new URL(options.origin).origin;
  const host = new URL(origin).hostname;
  const rpId = options.rpId ?? host;
  if (host !== rpId && !host.endsWith(`.${rpId}`)) {
    throw new TypeError(`rpId '${rpId}' must be the origin's host '${host}' or a parent domain of it`);
  }
  const userVerified = options.userVerified ?? true;
  const flags = FLAG_UP | (userVerified ? FLAG_UV : 0);
  const stored: StoredCredential[] = [];

  return {
    credentials() {
      return stored.map(({ id, rpId: rp, userHandle, userName, signCount }) => ({ id, rpId: rp, userHandle, userName, signCount }));
    },

    create(creation: PublicKeyCredentialCreationOptionsJSON, call = {}): Promise<RegistrationResponseJSON> {
      return underSignal(call.signal, async () => {
        checkRpId(creation.rp.id ?? host, rpId);
        if (!creation.pubKeyCredParams.some((param) => param.alg === ES256)) {
          throw new DOMException('No supported public key algorithm was offered (this authenticator only has ES256).', 'NotSupportedError');
        }
        const excluded = new Set((creation.excludeCredentials ?? []).map((descriptor) => descriptor.id));
        if (stored.some((credential) => credential.rpId === rpId && excluded.has(credential.id))) {
          throw new DOMException(
            'The user attempted to register an authenticator that contains one of the credentials already registered with the relying party.',
            'InvalidStateError',
          );
        }
        if (creation.authenticatorSelection?.userVerification === 'required' && !userVerified) throw notAllowed();

        const keyPair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
          'sign',
          'verify',
        ])) as CryptoKeyPair;
        const rawPublicKey = new Uint8Array(await crypto.subtle.exportKey('raw', keyPair.publicKey));
        const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
        const rawId = crypto.getRandomValues(new Uint8Array(16));
        const authData = concat(
          await sha256(utf8ToBytes(rpId)),
          new Uint8Array([flags | FLAG_AT]),
          uint32(0),
          new Uint8Array(16), // AAGUID: all zeros, as a `none` attestation may report
          new Uint8Array([rawId.length >> 8, rawId.length & 0xff]),
          rawId,
          coseKey(rawPublicKey),
        );
        const attestationObject = encodeCbor(
          new Map<string, CborValue>([
            ['fmt', 'none'],
            ['attStmt', new Map<string, CborValue>()],
            ['authData', authData],
          ]),
        );
        const id = bytesToBase64url(rawId);
        const userHandle = creation.user.id;
        // A resident credential for the same rp and user replaces the old one, as platform authenticators do.
        const replaced = stored.findIndex((credential) => credential.rpId === rpId && credential.userHandle === userHandle);
        if (replaced !== -1) stored.splice(replaced, 1);
        stored.push({ id, rawId, rpId, userHandle, userName: creation.user.name, signCount: 0, privateKey: keyPair.privateKey });

        return {
          id,
          rawId: id,
          type: 'public-key',
          authenticatorAttachment: 'platform',
          clientExtensionResults: {},
          response: {
            clientDataJSON: bytesToBase64url(clientData('webauthn.create', creation.challenge, origin)),
            attestationObject: bytesToBase64url(attestationObject),
            authenticatorData: bytesToBase64url(authData),
            transports: ['internal'],
            publicKeyAlgorithm: ES256,
            publicKey: bytesToBase64url(spki),
          },
        };
      });
    },

    get(request: PublicKeyCredentialRequestOptionsJSON, call = {}): Promise<AuthenticationResponseJSON> {
      // Conditional mediation is answered like a modal request: in tests the "user" picks at once.
      return underSignal(call.signal, async () => {
        checkRpId(request.rpId ?? host, rpId);
        const allowed = new Set((request.allowCredentials ?? []).map((descriptor) => descriptor.id));
        const candidates = stored.filter(
          (credential) => credential.rpId === rpId && (allowed.size === 0 || allowed.has(credential.id)),
        );
        // The newest one, as if the user picked the passkey they made last.
        const credential = candidates[candidates.length - 1];
        if (!credential) throw notAllowed();
        if (request.userVerification === 'required' && !userVerified) throw notAllowed();

        credential.signCount += 1;
        const authData = concat(await sha256(utf8ToBytes(rpId)), new Uint8Array([flags]), uint32(credential.signCount));
        const clientDataJSON = clientData('webauthn.get', request.challenge, origin);
        const signed = concat(authData, await sha256(clientDataJSON));
        const raw = new Uint8Array(
          await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, credential.privateKey, signed),
        );
        return {
          id: credential.id,
          rawId: credential.id,
          type: 'public-key',
          authenticatorAttachment: 'platform',
          clientExtensionResults: {},
          response: {
            clientDataJSON: bytesToBase64url(clientDataJSON),
            authenticatorData: bytesToBase64url(authData),
            signature: bytesToBase64url(rawSignatureToDer(raw)),
            userHandle: bytesToBase64url(base64urlToBytes(credential.userHandle)),
          },
        };
      });
    },
  };
}
