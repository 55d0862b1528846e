/**
 * Issue 19, "code that loads when its step is reached": reading a failed passkey ceremony
 * (webauthn/toPasskeyError: DOMException names, SimpleWebAuthn codes, the platform-refusal timing)
 * is the error step's code. A ceremony asks for its chunk when the prompt opens, so it is in by the
 * time the ceremony fails; the page loads without it. Measured on the built `dist/` as an app's
 * bundler splits it (scripts/bundleSize.mjs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, measureUse, ensureDist } from '../../scripts/bench/sizes.mjs';

/** The kit modules (by file name) of a bundle part, e.g. `toPasskeyError` for `dist/lib/webauthn/toPasskeyError.js`. */
const modulesOf = (inputs: Record<string, number>): string[] =>
  Object.keys(inputs)
    .filter((file) => file.startsWith('dist/'))
    .map((file) => file.replace(/^.*\//, '').replace(/\.js$/, ''));

beforeAll(() => {
  ensureDist();
}, 120_000);

describe('a failed passkey ceremony is read with code loaded when the ceremony starts', () => {
  it.each(['RegisterPasskey', 'LoginWithPasskey', 'AddPasskey', 'AddPasskeyWithCode', 'SocialSignIn'])(
    'provider + <%s/> load toPasskeyError later, not with the page',
    async (component) => {
      const { initial, later } = await measureUse(['DfnsAuthProvider', component]);
      expect(modulesOf(initial.inputs)).not.toContain('toPasskeyError');
      expect(modulesOf(later.inputs)).toContain('toPasskeyError');
    },
    60_000,
  );
});
