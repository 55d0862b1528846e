/** Vitest config of the bench's jsdom part (React commits per flow step); run by scripts/bench/run.mjs only. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    root: new URL('../..', import.meta.url).pathname,
    environment: 'jsdom',
    setupFiles: ['test/setup.ts'],
    include: ['scripts/bench/renders.bench.tsx'],
  },
});
