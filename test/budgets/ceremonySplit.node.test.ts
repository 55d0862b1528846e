/**
 * An app pays only for the passkey ceremonies it runs (issue 19): the provider alone carries no
 * SimpleWebAuthn, a flow that only signs (log in, confirm a user action) carries no
 * `startRegistration`, and signs with the kit's `browserAuthentication` rather than SimpleWebAuthn's
 * `startAuthentication` (about 1.3 KB more on a sign-in page); a flow that makes a passkey registers
 * with the kit's `browserRegistration` rather than `startRegistration` (about 1.6 KB more); and every
 * passkey flow's error mapping (toPasskeyError) keeps its how-to-fix
 * explanations for development builds. Measured on the built `dist/`, as an app's bundler sees it
 * (scripts/bundleSize.mjs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureDist } from '../../scripts/bench/sizes.mjs';
import { bundleSizeSplit } from '../../scripts/bundleSize.mjs';
import { appBundle } from '../package/appBundle';

/**
 * The modules of `contents` whose path contains `part` and that put code in the app, in the first
 * load or a later chunk, as a Vite app's bundler splits it (scripts/bundleSize.mjs). Not esbuild's
 * single bundle: once the bundle has an import(), esbuild keeps an empty init wrapper for every
 * module of a package entry it wraps, code or not.
 */
async function modulesOf(contents: string, part: string): Promise<string[]> {
  const { initial, later } = await bundleSizeSplit(contents, { resolveDir: ROOT });
  return Object.entries({ ...initial.inputs, ...later.inputs })
    .filter(([file, bytes]) => file.includes(part) && bytes > 0)
    .map(([file]) => file);
}

const REGISTRATION = ['methods/startRegistration', 'helpers/identifyRegistrationError'];
const AUTHENTICATION = ['methods/startAuthentication', 'helpers/identifyAuthenticationError'];
const modulesNamed = async (contents: string, names: string[]): Promise<string[]> =>
  (await Promise.all(names.map((name) => modulesOf(contents, name)))).flat();

beforeAll(() => {
  // `npm test` builds first; a fresh checkout has no dist/ yet.
  ensureDist();
}, 120_000);

describe('passkey ceremonies an app ships, per use', () => {
  it('the default authenticator of dfns-react-kit/core still carries both ceremonies (so the checks below can fail)', async () => {
    const contents = `export { simpleWebAuthnAuthenticator } from 'dfns-react-kit/core';`;
    expect(await modulesNamed(contents, REGISTRATION)).toHaveLength(2);
    expect(await modulesNamed(contents, AUTHENTICATION)).toHaveLength(2);
  }, 60_000);

  it('<DfnsAuthProvider> alone ships no @simplewebauthn/browser module', async () => {
    expect(await modulesOf(`export { DfnsAuthProvider } from 'dfns-react-kit';`, '@simplewebauthn/browser')).toEqual([]);
  }, 60_000);

  it.each(['LoginWithPasskey', 'ConfirmUserAction'])('the provider with <%s/> (it only signs) ships no registration ceremony', async (component) => {
    const contents = `export { DfnsAuthProvider, ${component} } from 'dfns-react-kit';`;
    expect(await modulesNamed(contents, REGISTRATION)).toEqual([]);
  }, 60_000);

  it.each(['LoginWithPasskey', 'ConfirmUserAction'])(
    'the provider with <%s/> signs with the browser’s own get (browserAuthentication), not SimpleWebAuthn’s startAuthentication',
    async (component) => {
      const contents = `export { DfnsAuthProvider, ${component} } from 'dfns-react-kit';`;
      expect(await modulesNamed(contents, AUTHENTICATION)).toEqual([]);
      expect(await modulesOf(contents, 'webauthn/browserAuthentication')).toHaveLength(1);
    },
    60_000,
  );

  it.each(['RegisterPasskey', 'RecoverAccount', 'AddPasskey'])(
    'the provider with <%s/> registers with the browser’s own create (browserRegistration), not SimpleWebAuthn’s startRegistration',
    async (component) => {
      const contents = `export { DfnsAuthProvider, ${component} } from 'dfns-react-kit';`;
      expect(await modulesNamed(contents, REGISTRATION)).toEqual([]);
      expect(await modulesOf(contents, 'webauthn/browserRegistration')).toHaveLength(1);
    },
    60_000,
  );
});

describe('passkey error messages an app ships', () => {
  /** The provider and <LoginWithPasskey/>, bundled and minified for a NODE_ENV, as an app's bundler would. */
  const loginBundle = async (nodeEnv: string): Promise<string> =>
    (await appBundle(`export { DfnsAuthProvider, LoginWithPasskey } from 'dfns-react-kit';`, ROOT, nodeEnv)).text;
  /** One sentence of each kind of fix toPasskeyError explains. */
  const EXPLANATIONS = [
    'start the ceremony from a click handler',
    'must equal or be a parent of',
    'publickey-credentials-create *',
    'change authenticatorAttachment in the Passkey Settings',
  ];

  it('explains the fix in a development bundle; a production bundle keeps the facts without the explanations', async () => {
    const development = await loginBundle('development');
    const production = await loginBundle('production');
    // Compared as lists, so a failure names the sentences rather than printing the bundle.
    expect(EXPLANATIONS.filter((explanation) => development.includes(explanation))).toEqual(EXPLANATIONS);
    expect(EXPLANATIONS.filter((explanation) => production.includes(explanation))).toEqual([]);
    expect(production.includes('Passkey ceremony failed: ')).toBe(true);
  }, 60_000);
});
