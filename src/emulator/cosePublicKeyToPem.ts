import { cose, decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';
import { toBase64 } from './bytes';

/** DER prefix of a P-256 SubjectPublicKeyInfo, before the 65-byte uncompressed point. */
const P256_SPKI_PREFIX = Uint8Array.from([
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce,
  0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
]);

/**
 * PEM of a passkey's COSE public key when it is P-256 (what Dfns lists as `publicKey`), or
 * `undefined` for other key types, whose COSE bytes the caller shows instead.
 */
export function cosePublicKeyToPem(cosePublicKey: Uint8Array): string | undefined {
  let key: cose.COSEPublicKey;
  try {
    key = decodeCredentialPublicKey(new Uint8Array(cosePublicKey));
  } catch {
    return undefined;
  }
  if (!cose.isCOSEPublicKeyEC2(key) || key.get(cose.COSEKEYS.crv) !== cose.COSECRV.P256) return undefined;
  const x = key.get(cose.COSEKEYS.x);
  const y = key.get(cose.COSEKEYS.y);
  if (x?.length !== 32 || y?.length !== 32) return undefined;
  const spki = new Uint8Array(P256_SPKI_PREFIX.length + 65);
  spki.set(P256_SPKI_PREFIX);
  spki[P256_SPKI_PREFIX.length] = 0x04;
  spki.set(x, P256_SPKI_PREFIX.length + 1);
  spki.set(y, P256_SPKI_PREFIX.length + 33);
  const lines = toBase64(spki).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----`;
}
