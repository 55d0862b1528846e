import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = import.meta.dirname;
/**
 * The kit as a customer gets it: the built package. `DFNS_KIT_DIST` points at another build of
 * the same package (the e2e suite builds a private one when the shared `dist/` is stale).
 */
const kitDist = process.env.DFNS_KIT_DIST ?? resolve(here, '../../dist');

export default defineConfig({
  root: here,
  // The built page is served from the root of a static server.
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^dfns-react-kit$/, replacement: resolve(kitDist, 'index.js') },
      { find: /^dfns-react-kit\/styles\.css$/, replacement: resolve(kitDist, 'styles.css') },
    ],
    dedupe: ['react', 'react-dom', '@tanstack/react-query'],
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  logLevel: 'warn',
});
