import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  base64urlToUtf8,
  bytesToBase64,
  bytesToBase64url,
  bytesToHex,
  hexToBytes,
  utf8ToBase64url,
} from '../../src/encoding/base64url';

describe('base64url', () => {
  it('encodes without padding and with the URL alphabet', () => {
    expect(bytesToBase64url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(bytesToBase64url(new Uint8Array([1]))).toBe('AQ');
  });

  it('matches Node for random data in both directions', () => {
    for (let n = 0; n < 70; n += 1) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      const node = Buffer.from(bytes);
      expect(bytesToBase64url(bytes)).toBe(node.toString('base64url'));
      expect(bytesToBase64(bytes)).toBe(node.toString('base64'));
      expect(Buffer.from(base64ToBytes(node.toString('base64url')))).toEqual(node);
      expect(Buffer.from(base64ToBytes(node.toString('base64')))).toEqual(node);
    }
  });

  it('turns a Dfns challenge string into the base64url of its UTF-8 bytes', () => {
    const challenge = 'ch-39e46-hbmvm-8ltqq3sj4887e7p8';
    expect(utf8ToBase64url(challenge)).toBe(Buffer.from(challenge, 'utf8').toString('base64url'));
    expect(base64urlToUtf8(utf8ToBase64url('ü€😀'))).toBe('ü€😀');
  });

  it('rejects malformed input with a TypeError', () => {
    expect(() => base64ToBytes('a')).toThrow(TypeError);
    expect(() => base64ToBytes('ab$d')).toThrow(TypeError);
    expect(() => hexToBytes('abc')).toThrow(TypeError);
    expect(() => hexToBytes('zz')).toThrow(TypeError);
  });

  it('round-trips hex', () => {
    expect(bytesToHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
    expect(Array.from(hexToBytes('000FFF'))).toEqual([0, 15, 255]);
  });
});
