import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../src/encoding/base64url';
import { encodeCbor, type CborValue } from '../../src/testing/cbor';
import { rawSignatureToDer } from '../../src/testing/derSignature';

describe('encodeCbor', () => {
  // Vectors from RFC 8949, appendix A.
  it.each<[CborValue, string]>([
    [0, '00'],
    [23, '17'],
    [24, '1818'],
    [100, '1864'],
    [1000, '1903e8'],
    [1000000, '1a000f4240'],
    [-1, '20'],
    [-10, '29'],
    [-100, '3863'],
    [-1000, '3903e7'],
    ['', '60'],
    ['IETF', '6449455446'],
    ['ü', '62c3bc'],
    [new Uint8Array([1, 2, 3, 4]), '4401020304'],
    [[], '80'],
    [[1, [2, 3], [4, 5]], '8301820203820405'],
    [new Map([[1, 2], [3, 4]]), 'a201020304'],
    [new Map<CborValue, CborValue>([['a', 1], ['b', [2, 3]]]), 'a26161016162820203'],
  ])('encodes %o as %s', (value, hex) => {
    expect(bytesToHex(encodeCbor(value))).toBe(hex);
  });

  it('refuses non-integers rather than writing a wrong value', () => {
    expect(() => encodeCbor(1.5)).toThrow(TypeError);
  });
});

describe('rawSignatureToDer', () => {
  it('strips leading zeros and pads integers whose top bit is set', () => {
    const raw = new Uint8Array(64);
    raw[1] = 0x01; // r = 0x01 followed by zeros (leading zero stripped)
    raw[32] = 0x80; // s has its top bit set: needs a 0x00 pad to stay positive
    const der = bytesToHex(rawSignatureToDer(raw));
    expect(der).toBe(`3044021f01${'00'.repeat(30)}022100${'80'}${'00'.repeat(31)}`);
  });

  it('produces signatures Node verifies as DER', async () => {
    const { webcrypto, createVerify, KeyObject } = await import('node:crypto');
    const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const data = new TextEncoder().encode('signed bytes');
    const raw = new Uint8Array(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, data));
    const verifier = createVerify('SHA256').update(data);
    expect(verifier.verify(KeyObject.from(keys.publicKey), rawSignatureToDer(raw))).toBe(true);
  });
});
