import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSize } from '../../scripts/bundleSize.mjs';
import { ensureDist } from '../../scripts/bench/sizes.mjs';

const ROOT = resolve(__dirname, '../..');
type Size = { minified: number; gzip: number; inputs: Record<string, number> };
const measure = (contents: string): Promise<Size> => bundleSize(contents, { resolveDir: ROOT });

/** Budgets measured on the built package, as an app's bundler would see it (peers external). */
describe('bundle budgets', () => {
  beforeAll(() => {
    ensureDist();
  });

  it('useRegistrationInit alone costs at most 3 KB gzip', async () => {
    const size = await measure(`export { useRegistrationInit } from 'dfns-react-kit';`);
    console.log(`useRegistrationInit: ${size.minified} B minified, ${size.gzip} B gzip`);
    expect(size.gzip).toBeLessThanOrEqual(3000);
  });

  it('the core entry carries no React and no emulator', async () => {
    // Nothing external here: with React left out as a peer, an import of it would not show in the inputs.
    const size: Size = await bundleSize(`export * from 'dfns-react-kit/core';`, { resolveDir: ROOT, external: [] });
    const files = Object.keys(size.inputs);
    expect(files.some((file) => file.includes('node_modules/@tanstack/'))).toBe(false);
    expect(files.some((file) => /node_modules\/react(-dom)?\//.test(file))).toBe(false);
    expect(files.some((file) => file.includes('@simplewebauthn/server') || file.includes('emulator'))).toBe(false);
  });

  it('the provider alone ships no response validation: only endpoint functions pull the validators and schemas', async () => {
    const size = await measure(`export { DfnsAuthProvider } from 'dfns-react-kit';`);
    const files = Object.keys(size.inputs);
    expect(files.some((file) => file.endsWith('api/request.js'))).toBe(true);
    expect(files.filter((file) => file.endsWith('api/validators.js') || file.endsWith('api/schemas.js'))).toEqual([]);
  });

  it('the main entry never reaches the emulator or @simplewebauthn/server', async () => {
    const size = await measure(`export * from 'dfns-react-kit';`);
    const files = Object.keys(size.inputs);
    expect(files.some((file) => file.includes('@simplewebauthn/server') || file.includes('emulator'))).toBe(false);
    console.log(`whole main entry: ${size.minified} B minified, ${size.gzip} B gzip`);
  });
});
