import { describe, expect, it, vi } from 'vitest';
import { RecoveryError } from '../../src/errors';
import { generateRecoveryCode, isRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_ALPHABET } from '../../src/keys';

const SHAPE = /^D1-[A-HJ-NP-Z2-9]{6}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{6}$/;
const CODE = 'D1-ABCDEF-GHJKL-MNPQR-STUVW-XYZ23-456789';

describe('generateRecoveryCode', () => {
  it('writes D1- and 32 alphabet characters grouped 6-5-5-5-5-6 (40 characters)', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateRecoveryCode();
      expect(code).toMatch(SHAPE);
      expect(code).toHaveLength(40);
    }
  });

  it('never repeats a code', () => {
    const codes = new Set(Array.from({ length: 500 }, () => generateRecoveryCode()));
    expect(codes.size).toBe(500);
  });

  it('draws from crypto.getRandomValues and maps every byte value to each symbol equally often', () => {
    let next = 0;
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = next++ % 256;
      return array;
    });
    const counts = new Map<string, number>();
    // 8 codes × 32 bytes = every byte value 0..255 exactly once.
    for (let i = 0; i < 8; i += 1) {
      for (const char of generateRecoveryCode().slice(3).replace(/-/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(spy).toHaveBeenCalled();
    expect([...counts.keys()].sort().join('')).toBe([...RECOVERY_CODE_ALPHABET].sort().join(''));
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it('gives every symbol a fair share of real random output', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i += 1) {
      for (const char of generateRecoveryCode().slice(3).replace(/-/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    // 32 000 draws over 32 symbols: 1000 each expected; 5 sigma ≈ 155.
    for (const char of RECOVERY_CODE_ALPHABET) expect(Math.abs((counts.get(char) ?? 0) - 1000)).toBeLessThan(160);
  });
});

describe('normaliseRecoveryCode', () => {
  it.each([
    ['the canonical form', CODE],
    ['lower case', CODE.toLowerCase()],
    ['no dashes', CODE.replace(/-/g, '')],
    ['spaces instead of dashes', CODE.replace(/-/g, ' ')],
    ['extra dashes and surrounding spaces', `  D1--ABC-DEF-GHJKL-MNPQR-STUVW-XYZ23-456-789 \n`],
    ['no D1 prefix', CODE.slice(3)],
    ['no D1 prefix and no dashes, lower case', CODE.slice(3).replace(/-/g, '').toLowerCase()],
    ['typographic dashes from a document', CODE.replace(/-/g, '\u2013')],
    ['full-width characters from an IME', 'Ｄ１-ABCDEF-GHJKL-MNPQR-STUVW-XYZ23-456789'],
  ])('restores %s to the exact PBKDF2 password', (_label, input) => {
    expect(normaliseRecoveryCode(input)).toBe(CODE);
  });

  it.each([
    ['too short', CODE.slice(0, -1)],
    ['too long', `${CODE}A`],
    ['empty', ''],
  ])('throws recovery_code_malformed when %s', (_label, input) => {
    expect(() => normaliseRecoveryCode(input)).toThrow(RecoveryError);
    expect(() => normaliseRecoveryCode(input)).toThrow(expect.objectContaining({ code: 'recovery_code_malformed' }));
  });

  it.each(['0', '1', 'I', 'O', '!'])('does not guess what %s stood for and throws recovery_code_malformed', (char) => {
    const input = `D1-ABCDE${char}-GHJKL-MNPQR-STUVW-XYZ23-456789`;
    let caught: unknown;
    try {
      normaliseRecoveryCode(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'recovery_code_malformed' });
    expect((caught as Error).message).not.toContain('ABCDE');
  });

  it('accepts every generated code unchanged', () => {
    for (let i = 0; i < 50; i += 1) {
      const code = generateRecoveryCode();
      expect(normaliseRecoveryCode(code)).toBe(code);
      expect(isRecoveryCode(code.toLowerCase())).toBe(true);
    }
    expect(isRecoveryCode('D1-nope')).toBe(false);
  });
});
