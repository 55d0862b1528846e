/**
 * Issue 19, "code that loads when its step is reached": reading a failed answer (Dfns's error
 * shapes, `Retry-After`, a body that is not JSON) is the error step's code. The request asks for
 * its chunk when it starts, so it is in by the time an answer fails; the page loads without it.
 * The request itself is a chunk too, fetched when the provider mounts: before any answer, after the page.
 * Measured on the built `dist/` as an app's bundler splits it (scripts/bundleSize.mjs).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSizeSplit } from '../../scripts/bundleSize.mjs';
import { FETCHED_AT_MOUNT, ROOT, ensureDist } from '../../scripts/bench/sizes.mjs';

/** The kit modules (by file name) of a bundle part, e.g. `request` for `dist/lib/api/request.js`. */
const modulesOf = (inputs: Record<string, number>): string[] =>
  Object.keys(inputs)
    .filter((file) => file.startsWith('dist/'))
    .map((file) => file.replace(/^.*\//, '').replace(/\.js$/, ''));

describe('the request reads a failed answer with code loaded when it is needed', () => {
  it('provider + <LoginWithPasskey/> fetch the request at mount and errorFromResponse later, neither with the page', async () => {
    ensureDist();
    const modules = ['provider/DfnsAuthProvider', 'components/LoginWithPasskey'];
    const size = await bundleSizeSplit(modules.map((module) => `export * from './dist/lib/${module}.js';`).join('\n'), {
      resolveDir: ROOT,
      mountModules: FETCHED_AT_MOUNT,
    });
    const initial = modulesOf(size.initial.inputs);
    expect(initial).not.toContain('request');
    expect(initial).not.toContain('errorFromResponse');
    expect(modulesOf(size.mount.inputs)).toContain('request');
    expect(modulesOf(size.mount.inputs)).not.toContain('errorFromResponse');
    expect(modulesOf(size.later.inputs)).toContain('errorFromResponse');
  }, 60_000);
});
