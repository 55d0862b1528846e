/**
 * Issue 19, "code that loads when its step is reached": what a component needs only at a later
 * step travels in a chunk of its own (a dynamic `import()`), so it is not in what loads with the
 * page. Measured on the built `dist/` as an app's bundler splits it (scripts/bundleSize.mjs).
 *
 * The bundle starts from the component's own module rather than the package's index, so that it
 * checks the component's own graph: which of its modules it reaches only through `import()`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSizeSplit } from '../../scripts/bundleSize.mjs';
import { ROOT, ensureDist } from '../../scripts/bench/sizes.mjs';

/** The kit modules (by file name) of a bundle part, e.g. `SsoOffer` for `dist/lib/components/parts/SsoOffer.js`. */
const modulesOf = (inputs: Record<string, number>): string[] =>
  Object.keys(inputs)
    .filter((file) => file.startsWith('dist/'))
    .map((file) => file.replace(/^.*\//, '').replace(/\.js$/, ''));

/** Splits `provider + exports` as an app's bundler does: the modules loaded with the page and those loaded later. */
async function split(exports: string[]): Promise<{ initial: string[]; later: string[] }> {
  ensureDist();
  const modules = ['provider/DfnsAuthProvider', ...exports.map((name) => `components/${name}`)];
  const size = await bundleSizeSplit(modules.map((module) => `export * from './dist/lib/${module}.js';`).join('\n'), { resolveDir: ROOT });
  return { initial: modulesOf(size.initial.inputs), later: modulesOf(size.later.inputs) };
}

describe('steps a user may never reach load when they are reached', () => {
  it('<LoginWithPasskey/> loads the SSO offer only after Dfns answered sso_required', async () => {
    const { initial, later } = await split(['LoginWithPasskey']);
    const sso = ['SsoOffer', 'useSsoRedirect', 'ssoLoginFlow', 'startSsoLogin', 'pendingSsoLogin', 'sso'];
    expect(initial.filter((name) => sso.includes(name))).toEqual([]);
    expect(later).toEqual(expect.arrayContaining(sso));
  }, 60_000);

  it('<CredentialList/> loads the code for another device only when the user asks for one', async () => {
    const { initial, later } = await split(['CredentialList']);
    const code = ['CredentialCodePanel', 'useCreateCredentialCode', 'credentialCodeFlow'];
    expect(initial.filter((name) => code.includes(name))).toEqual([]);
    expect(later).toEqual(expect.arrayContaining(code));
  }, 60_000);

  it('<CredentialList/> loads a row’s signing (activate, deactivate) beside the list, not with the page', async () => {
    const { initial, later } = await split(['CredentialList']);
    const signing = ['CredentialRowActions', 'useUserActionSigner', 'userActionFlow', 'userActions', 'signWithPasskey'];
    expect(initial.filter((name) => signing.includes(name))).toEqual([]);
    expect(later).toEqual(expect.arrayContaining(signing));
  }, 60_000);
});
