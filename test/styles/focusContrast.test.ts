/**
 * The focus ring must stand out from what it sits on by at least 3:1 (WCAG 1.4.11 and 2.4.13), in
 * both themes. Read from src/styles.css itself: every value the sheet gives `--dfns-focus` (a theme
 * author copying any of them gets a visible ring), against every surface a focusable control sits
 * on (the card, the raised surface of rows and summaries, the alert's tint).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(process.cwd(), 'src/styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Every value declared for a custom property, in sheet order. */
function declarations(name: string): string[] {
  return [...css.matchAll(new RegExp(`${name}\\s*:\\s*([^;]+);`, 'g'))].map((match) => match[1]!.trim());
}

/** The light and dark sides of `light-dark(a, b)` (or the same colour twice). */
function sides(value: string): { light: string; dark: string } {
  const match = /^light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)$/i.exec(value);
  if (match) return { light: match[1]!, dark: match[2]! };
  if (/^#[0-9a-f]{6}$/i.test(value)) return { light: value, dark: value };
  throw new Error(`Not a colour the test can read: ${value}`);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

const SURFACES = ['--dfns-bg', '--dfns-surface', '--dfns-danger-bg', '--dfns-success-bg', '--dfns-warning-bg'];

describe('focus ring contrast (from src/styles.css)', () => {
  const focusValues = declarations('--dfns-focus');

  it('the sheet declares a focus colour', () => {
    expect(focusValues.length).toBeGreaterThan(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`every focus colour is at least 3:1 against every surface, ${theme}`, () => {
      const failures: string[] = [];
      for (const focus of focusValues) {
        for (const surface of SURFACES) {
          for (const background of declarations(surface)) {
            const ratio = contrast(sides(focus)[theme], sides(background)[theme]);
            if (ratio < 3) failures.push(`${sides(focus)[theme]} on ${surface} ${sides(background)[theme]}: ${ratio.toFixed(2)}:1`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
