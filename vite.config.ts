/// <reference types="vitest/config" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';

/** Debian's Chromium: Playwright's own browser downloads are not available on our machines. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const ENTRIES = {
  index: 'src/index.ts',
  core: 'src/core.ts',
  emulator: 'src/emulator/index.ts',
  'emulator-msw': 'src/emulator/msw.ts',
  'emulator-node': 'src/emulator/node.ts',
  testing: 'src/testing/index.ts',
  'messages-de': 'src/messages/de.ts',
  cli: 'src/emulator/cli.ts',
};
const ENTRY_NAMES = new Set(Object.keys(ENTRIES));

/** Source folders whose modules use React hooks: their chunks keep a "use client" directive. */
const CLIENT_DIRS = ['/src/provider/', '/src/hooks/', '/src/components/', '/src/index.ts'];

/** React 18 lives in its own folder (`npm ci --prefix compat/react18`): the root runs React 19. */
const REACT_18 = fileURLToPath(new URL('./compat/react18/node_modules/', import.meta.url));
/** The tests that measure time in the browser (see the `timing` project). */
const TIMING_BUDGETS = 'test/budgets/clickToPrompt.browser.test.tsx';

/** A fresh browser block per project: vitest writes the project's name into `instances`. */
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  }),
  instances: [{ browser: 'chromium' as const }],
});

/**
 * Keeps `"use client"` on every emitted module that uses hooks (and only those, so `./core`
 * stays usable from React Server Components), and puts the shebang on the CLI. A banner rather
 * than a `renderChunk` rewrite: the bundler shifts the sourcemaps for a banner itself, where the
 * rewrite printed a SOURCEMAP_BROKEN warning per chunk. Modules whose source starts with the
 * directive keep their own (the bundler preserves it), so they get no second one.
 */
const directiveBanner = (chunk: { name: string; moduleIds: string[] }): string => {
  if (chunk.name === 'cli') return '#!/usr/bin/env node';
  const isClient = chunk.moduleIds.some((id) => CLIENT_DIRS.some((dir) => id.includes(dir)));
  if (!isClient) return '';
  const hasOwn = chunk.moduleIds.some((id) => existsSync(id) && /^\s*["']use client["']/.test(readFileSync(id, 'utf8')));
  return hasOwn ? '' : '"use client";';
};

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    minify: false,
    target: 'es2022',
    // public/ holds the MSW worker for tests and Storybook; it is not part of the package.
    copyPublicDir: false,
    lib: {
      entry: ENTRIES,
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) =>
        /^(react|react-dom|@tanstack\/react-query|@simplewebauthn\/(browser|server)|valibot|msw)(\/.*)?$/.test(id) ||
        id.startsWith('node:'),
      output: {
        // One output file per source module: an app's bundler then drops whole files it does not
        // reach, including their imports of packages with side effects (SimpleWebAuthn's abort
        // service is a module-level singleton, so a shared chunk would drag it into every hook).
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: (chunk) => (chunk.isEntry && ENTRY_NAMES.has(chunk.name) ? '[name].js' : 'lib/[name].js'),
        banner: directiveBanner,
      },
    },
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          env: { EXPECTED_REACT_MAJOR: '19' },
          setupFiles: ['test/setup.ts'],
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.node.test.ts', 'test/e2e/**'],
          restoreMocks: true,
        },
      },
      {
        // The same component and hook tests on React 18: every React import (ours, react-query's,
        // Testing Library's) resolves to compat/react18, so one React instance runs them.
        extends: true,
        resolve: {
          alias: [
            { find: /^react$/, replacement: `${REACT_18}react/index.js` },
            { find: /^react\/(.*)$/, replacement: `${REACT_18}react/$1.js` },
            { find: /^react-dom$/, replacement: `${REACT_18}react-dom/index.js` },
            { find: /^react-dom\/(.*)$/, replacement: `${REACT_18}react-dom/$1.js` },
            { find: /^@testing-library\/react$/, replacement: `${REACT_18}@testing-library/react/dist/index.js` },
            // user-event must share Testing Library's DOM config with React 18's RTL (act wrapping).
            { find: /^@testing-library\/dom$/, replacement: `${REACT_18}@testing-library/dom/dist/index.js` },
          ],
        },
        test: {
          name: 'react18',
          environment: 'jsdom',
          env: { EXPECTED_REACT_MAJOR: '18' },
          setupFiles: ['test/setup.ts'],
          include: ['test/components/*.test.tsx', 'test/hooks/*.test.tsx'],
          exclude: ['test/**/*.browser.test.tsx'],
          server: { deps: { inline: [/@tanstack\/react-query/, /@testing-library\/user-event/, /compat\/react18/] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.node.test.ts'],
        },
      },
      {
        // The example app as a customer embeds it, driven by playwright-core in Debian's Chromium.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/browserSetup.ts'],
          exclude: [TIMING_BUDGETS],
          // Screenshots for people to look at: `SCREENSHOTS=1 npx vitest run --project browser test/components/screenshots.browser.test.tsx`.
          env: { SCREENSHOTS: process.env.SCREENSHOTS ?? '' },
          browser: chromium(),
        },
      },
      {
        // Time budgets (click to prompt, main-thread tasks): `npm test` runs them alone after the
        // rest, because on a loaded machine the timings measure the load, not the kit.
        extends: true,
        test: {
          name: 'timing',
          include: [TIMING_BUDGETS],
          browser: chromium(),
        },
      },
      {
        // Every story runs as a test: its play function, and axe (`a11y.test: 'error'`).
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          setupFiles: ['.storybook/vitest.setup.ts'],
          browser: chromium(),
        },
      },
    ],
  },
});
