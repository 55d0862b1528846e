import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToRaw, rawToDer } from '../../src/keys';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const message = Buffer.from('fingerprint', 'utf8');

function raw(rFirst: number[], sFirst: number[]): Uint8Array {
  const bytes = new Uint8Array(64).fill(0x11);
  bytes.set(rFirst, 0);
  bytes.set(sFirst, 32);
  return bytes;
}

describe('rawToDer', () => {
  it('turns raw signatures from Node into DER that Node verifies', () => {
    for (let i = 0; i < 200; i += 1) {
      const p1363 = sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = Buffer.from(rawToDer(p1363));
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
    }
  });

  it('pads an integer whose high bit is set with one 0x00', () => {
    const der = rawToDer(raw([0x80], [0x7f]));
    expect(Array.from(der.subarray(0, 5))).toEqual([0x30, 35 + 34, 0x02, 33, 0x00]);
    expect(der[5]).toBe(0x80);
    expect(Array.from(der.subarray(37, 40))).toEqual([0x02, 32, 0x7f]);
  });

  it('drops leading zero bytes down to the minimal encoding', () => {
    const der = rawToDer(raw([0x00, 0x00, 0x7f], [0x00, 0x80]));
    // r: 30 bytes from 0x7f, no pad (2 + 30); s: 31 bytes from 0x80 plus one pad byte (2 + 32).
    expect(Array.from(der.subarray(0, 5))).toEqual([0x30, 32 + 34, 0x02, 30, 0x7f]);
    expect(Array.from(der.subarray(34, 38))).toEqual([0x02, 32, 0x00, 0x80]);
  });

  it('keeps a zero integer as a single 0x00 byte', () => {
    const zero = new Uint8Array(64);
    expect(Array.from(rawToDer(zero))).toEqual([0x30, 6, 0x02, 1, 0x00, 0x02, 1, 0x00]);
  });

  it('refuses anything but 64 bytes', () => {
    expect(() => rawToDer(new Uint8Array(63))).toThrow(TypeError);
  });
});

describe('derToRaw', () => {
  it('turns DER signatures from Node into raw r||s that Node verifies', () => {
    for (let i = 0; i < 200; i += 1) {
      const der = sign('sha256', message, { key: privateKey, dsaEncoding: 'der' });
      const p1363 = Buffer.from(derToRaw(der));
      expect(p1363).toHaveLength(64);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, p1363)).toBe(true);
      expect(Buffer.from(rawToDer(p1363))).toEqual(der);
    }
  });

  it('rejects bytes that are not a DER signature', () => {
    expect(() => derToRaw(new Uint8Array([0x30, 3, 0x02, 1, 1]))).toThrow(TypeError);
    expect(() => derToRaw(new Uint8Array([0x31, 0]))).toThrow(TypeError);
  });
});
