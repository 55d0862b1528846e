import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPER_ERROR_CODES } from '../../src/provider/warnDeveloper';
import { appBundle } from './appBundle';

const ROOT = resolve(__dirname, '../..');
const WARNING = '[dfns-react-kit]';
/** The code list as a minifier prints it: in the bundle only while the warning code is. */
const CODE_LIST = JSON.stringify(DEVELOPER_ERROR_CODES);

/**
 * The developer warnings are for development builds only: the library keeps React's
 * `process.env.NODE_ENV` check as written, and an app bundler that defines it as "production"
 * (Vite, webpack, esbuild, Next all do) drops the warning code, strings and all.
 */
describe('developer warnings in an app bundle', { timeout: 60_000 }, () => {
  let dir: string;
  let dist: string;

  beforeAll(() => {
    // A fresh library build of today's source (the shared dist/ may be stale); about 2 s.
    dir = mkdtempSync(join(tmpdir(), 'dfns-devwarn-'));
    dist = join(dir, 'dist');
    execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: 'ignore',
      // As `npm run build` runs it: vitest's NODE_ENV=test would make a development build of the JSX.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    // As the package reaches an app: its package.json says only CSS has side effects, so a bundler
    // drops every module the app's imports do not use.
    writeFileSync(join(dist, 'package.json'), JSON.stringify({ type: 'module', sideEffects: ['**/*.css'] }));
    writeFileSync(
      join(dir, 'app.js'),
      `import { DfnsAuthProvider, LoginWithPasskey, RegisterPasskey, RecoverAccount, CredentialList } from ${JSON.stringify(join(dist, 'index.js'))};
       export const app = [DfnsAuthProvider, LoginWithPasskey, RegisterPasskey, RecoverAccount, CredentialList];`,
    );
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** The app's bundle, minified, for a NODE_ENV. */
  const bundle = async (nodeEnv: string): Promise<string> => (await appBundle(readFileSync(join(dir, 'app.js'), 'utf8'), dir, nodeEnv)).text;

  it('the library build keeps the NODE_ENV check for the app bundler to decide', () => {
    const emitted = readFileSync(join(dist, 'lib/provider/warnDeveloper.js'), 'utf8');
    expect(emitted).toContain('process.env.NODE_ENV !== "production"');
    expect(emitted).toContain(WARNING);
  });

  it('a development bundle warns; a production bundle has no warning code at all', async () => {
    const development = await bundle('development');
    expect(development).toContain(WARNING);
    expect(development).toContain(CODE_LIST);
    const production = await bundle('production');
    expect(production).not.toContain(WARNING);
    expect(production).not.toContain('console.warn');
    expect(production).not.toContain(CODE_LIST);
  });

  it("error messages explain the fix in a development bundle; a production bundle keeps the facts without the explanations", async () => {
    const development = await bundle('development');
    const production = await bundle('production');
    // What a developer reads to fix the set-up: one sentence from each gated site.
    for (const explanation of DEVELOPER_EXPLANATIONS) {
      // Booleans, so a failure names the sentence rather than printing the whole bundle.
      expect(development.includes(explanation), `in development: ${explanation}`).toBe(true);
      expect(production.includes(explanation), `in production: ${explanation}`).toBe(false);
    }
    // What a user, support or an error tracker needs stays in every build.
    for (const fact of FACTS) expect(production.includes(fact), `in production: ${fact}`).toBe(true);
  });

  it('the provider alone, in production, reads no JWT and describes no schema issue: both only explain an error to a developer', async () => {
    const result = await appBundle(`export { DfnsAuthProvider } from ${JSON.stringify(join(dist, 'index.js'))};`, dir, 'production');
    // What the output holds (the metafile's inputs list every file read, shaken off or not).
    const output = Object.values(result.metafile.outputs)[0]!;
    const files = Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => file);
    expect(files.some((file) => file.endsWith('lib/api/request.js'))).toBe(true);
    expect(files.filter((file) => /lib\/api\/(jwtPayload|tokenExpiresAt|describeIssues)\.js$/.test(file))).toEqual([]);
  });
});

/** Developer-only text of the errors every use of the kit can raise (request, client, provider, validation). */
const DEVELOPER_EXPLANATIONS = [
  // api/request
  'needs the temporaryAuthenticationToken returned by its init step',
  'pass authToken to createDfnsClient (or the provider), or log in first',
  'the request runs once it is approved',
  'check the network, the baseUrl, and that the API allows this origin (CORS)',
  ': log in again.',
  'returned a response the kit does not understand: ',
  // api/describeIssues (for the request, the union validator and relayed challenges): what did not match, by field
  'rejected by the schema',
  '(body)',
  // api/errorFromResponse
  'Check that the auth token is set, not expired, and from the same Dfns region as baseUrl.',
  'often a proxy, gateway or CDN error page',
  // api/createDfnsClient, checkRequestPath, resolveOrgId
  'which would send tokens unencrypted',
  'use an origin such as',
  'so that it stays on',
  'pass orgId to createDfnsClient (or the provider), or to this call',
  // api/registration
  'needs at least one wallet, e.g. wallets: [{ network: ',
  // api/checkRecoveryKeyId
  'that goes in the recovery code field, and the Recovery Key ID is the other value on the kit',
  // api/loginToken
  'with that client id), not with a passkey',
  // provider
  'rp.id is the domain your passkeys are bound to',
  'Wrap your app (or this component) in <DfnsAuthProvider',
];

/** The short forms production keeps: the endpoint, the status, Dfns's message and error id. */
const FACTS = ['not a Recovery Key ID', 'this user must sign in through SSO', 'failed with HTTP', '(Dfns error id', 'no error message in the body', 'could not reach', 'does not understand', 'awaits approval (HTTP 202)'];
