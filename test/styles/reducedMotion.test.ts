/**
 * Every animation of the kit's sheet (the spinners) stands still for people who ask for less
 * motion (WCAG 2.3.3): each animated selector is stopped by a `prefers-reduced-motion: reduce`
 * rule that comes after it, so the cascade lets the stop win. Read from src/styles.css itself.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(process.cwd(), 'src/styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The selectors of a rule's prelude, one by one, whitespace collapsed. */
const selectorsOf = (prelude: string): string[] => prelude.split(',').map((selector) => selector.trim().replace(/\s+/g, ' '));

/** Where each reduced-motion block starts, and the selectors it sets to `animation: none`. */
function stops(): { at: number; selectors: string[] }[] {
  return [...css.matchAll(/@media\s*\(prefers-reduced-motion:\s*reduce\)\s*\{((?:[^{}]*\{[^{}]*\})*)\s*\}/g)].map((block) => ({
    at: block.index,
    selectors: [...block[1]!.matchAll(/([^{}]+)\{[^{}]*animation:\s*none[^{}]*\}/g)].flatMap((rule) => selectorsOf(rule[1]!)),
  }));
}

describe('reduced motion', () => {
  it('stops every animated selector in a later prefers-reduced-motion rule', () => {
    const animated = [...css.matchAll(/([^{}]+)\{[^{}]*animation:\s*([^;{}]+);[^{}]*\}/g)]
      .filter((rule) => rule[2]!.trim() !== 'none')
      .flatMap((rule) => selectorsOf(rule[1]!).map((selector) => ({ selector, at: rule.index })));
    expect(animated.length).toBeGreaterThan(0);
    const blocks = stops();
    const unstopped = animated.filter(({ selector, at }) => !blocks.some((block) => block.at > at && block.selectors.includes(selector)));
    expect(unstopped.map(({ selector }) => selector)).toEqual([]);
  });
});
