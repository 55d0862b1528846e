/**
 * An app pays only for the passkey ceremonies it runs (issue 19): the provider alone carries no
 * SimpleWebAuthn, and a flow that only signs (log in, confirm a user action) carries no
 * `startRegistration`. Measured on the built `dist/`, as an app's bundler sees it (scripts/bench/sizes.mjs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureKit, ROOT } from '../../scripts/bench/sizes.mjs';

/** The bundled modules of `contents` whose path contains `part`. */
async function modulesOf(contents: string, part: string): Promise<string[]> {
  const { inputs } = await measureKit(contents);
  return Object.keys(inputs).filter((file) => file.includes(part));
}

const REGISTRATION = ['methods/startRegistration', 'helpers/identifyRegistrationError'];
const AUTHENTICATION = ['methods/startAuthentication', 'helpers/identifyAuthenticationError'];
const modulesNamed = async (contents: string, names: string[]): Promise<string[]> =>
  (await Promise.all(names.map((name) => modulesOf(contents, name)))).flat();

describe('passkey ceremonies an app ships, per use', () => {
  beforeAll(() => {
    // `npm test` builds first; a fresh checkout has no dist/ yet.
    if (!existsSync(join(ROOT, 'dist/index.js'))) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);

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
    expect(await modulesNamed(contents, AUTHENTICATION)).toHaveLength(2);
  }, 60_000);
});
