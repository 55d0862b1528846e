/**
 * Setup of the tests that run in Chromium (the `browser` project): a React warning fails the test
 * in which it happened, as in jsdom (`test/setup.ts`).
 */
import { afterEach, beforeEach } from 'vitest';
import { takeReactWarnings, watchReactWarnings } from './reactWarnings';

watchReactWarnings();
beforeEach(() => {
  takeReactWarnings();
});
afterEach(() => {
  const warnings = takeReactWarnings();
  if (warnings.length > 0) throw new Error(`React warned during this test:\n${warnings.join('\n')}`);
});
