import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPER_ERROR_CODES } from '../../src/provider/warnDeveloper';

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
    writeFileSync(
      join(dir, 'app.js'),
      `import { DfnsAuthProvider, LoginWithPasskey, RegisterPasskey, CredentialList } from ${JSON.stringify(join(dist, 'index.js'))};
       export const app = [DfnsAuthProvider, LoginWithPasskey, RegisterPasskey, CredentialList];`,
    );
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** The app's bundle, minified, for a NODE_ENV. */
  const bundle = async (nodeEnv: string): Promise<string> => {
    const result = await build({
      entryPoints: [join(dir, 'app.js')],
      bundle: true,
      write: false,
      format: 'esm',
      minify: true,
      platform: 'browser',
      define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
      external: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query', '@simplewebauthn/browser'],
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  };

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
});
