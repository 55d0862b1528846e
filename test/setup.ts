import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { takeReactWarnings, watchReactWarnings } from './reactWarnings';

// Unmount every rendered tree between tests so that no query client or fetch leaks across.
afterEach(() => {
  cleanup();
});

// A React warning fails the test it happened in. Tests that expect console.error (a thrown render
// error) spy on it themselves; the spy replaces this check for that test only.
watchReactWarnings();
beforeEach(() => {
  takeReactWarnings();
});
afterEach(() => {
  const warnings = takeReactWarnings();
  if (warnings.length > 0) throw new Error(`React warned during this test:\n${warnings.join('\n')}`);
});

/**
 * Server rendering as on a server: no `window` or `document` while `renderToString` runs, so a
 * component that touches them fails, and the kit takes its server paths (effects instead of layout
 * effects, which React 18 warns about on the server).
 */
vi.mock('react-dom/server', async (importOriginal) => {
  const server = await importOriginal<typeof import('react-dom/server')>();
  const withoutDom =
    <A extends unknown[], R>(render: (...args: A) => R) =>
    (...args: A): R => {
      const saved = { window: globalThis.window, document: globalThis.document };
      Reflect.deleteProperty(globalThis, 'window');
      Reflect.deleteProperty(globalThis, 'document');
      try {
        return render(...args);
      } finally {
        Object.assign(globalThis, saved);
      }
    };
  return { ...server, renderToString: withoutDom(server.renderToString), renderToStaticMarkup: withoutDom(server.renderToStaticMarkup) };
});
