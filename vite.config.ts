/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';

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

/** Source folders whose modules use React hooks: their chunks keep a "use client" directive. */
const CLIENT_DIRS = ['/src/provider/', '/src/hooks/', '/src/components/', '/src/index.ts'];

const chromium = {
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  }),
  instances: [{ browser: 'chromium' as const }],
};

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core.ts',
        emulator: 'src/emulator/index.ts',
        'emulator-msw': 'src/emulator/msw.ts',
        'emulator-node': 'src/emulator/node.ts',
        testing: 'src/testing/index.ts',
        cli: 'src/emulator/cli.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) =>
        /^(react|react-dom|@tanstack\/react-query|@simplewebauthn\/(browser|server)|valibot|msw)(\/.*)?$/.test(id) ||
        id.startsWith('node:'),
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Bundlers drop module-level directives, so re-add "use client" to chunks that hold hooks,
        // and only to those: `./core` must stay usable from React Server Components.
        banner: (chunk) => {
          if (chunk.name === 'cli') return '#!/usr/bin/env node';
          return chunk.moduleIds.some((id) => CLIENT_DIRS.some((dir) => id.includes(dir))) ? '"use client";' : '';
        },
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
          setupFiles: ['test/setup.ts'],
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.node.test.ts', 'test/e2e/**'],
          restoreMocks: true,
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
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          browser: chromium,
        },
      },
    ],
  },
});
