import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitDist } from '../e2e/support/stack';

const ROOT = resolve(__dirname, '../..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  dependencies?: Record<string, string>;
};
/** The emulator's server-side verifier and everything it pulls in. */
const VERIFIER_TREE = /^(@simplewebauthn\/server|asn1js|@peculiar\/.+|tsyringe|reflect-metadata)$/;

/** Every package npm put into `dir`, from its hidden lockfile (`node_modules/.package-lock.json`). */
function installed(dir: string): string[] {
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  return Object.keys(lock.packages).map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

/** `npm <args>` in `cwd`, from npm's cache when it can (the packages are the ones this repo installs). */
const npm = (cwd: string, args: string[]): string =>
  execFileSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
  });

/** Runs the installed CLI until its first stdout line, or until it exits. */
function runCli(cwd: string, args: string[]): Promise<{ line?: string; code?: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(cwd, 'node_modules/dfns-react-kit/dist/cli.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      done({ line, stderr });
      child.kill('SIGTERM');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

/**
 * The packed kit installed into an empty project, as a customer's `npm i dfns-react-kit` would:
 * the app gets the kit and what its browser entries need, never the emulator's verifier.
 */
describe('npm i <packed kit> in an empty project', { timeout: 180_000 }, () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dfns-install-'));
    // Pack what `files` names from a staging copy, so the shared dist/ is read, never rebuilt.
    const stage = join(dir, 'stage');
    cpSync(kitDist(), join(stage, 'dist'), { recursive: true });
    for (const file of ['package.json', 'README.md', 'LICENSE']) copyFileSync(join(ROOT, file), join(stage, file));
    const tarball = join(stage, npm(stage, ['pack', '--pack-destination', stage]).trim().split('\n').at(-1)!);
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'customer-app', version: '1.0.0', private: true, type: 'module' }));
    npm(app, ['install', tarball]);
    dir = app;
    // A private kit build (when dist/ is stale), a pack and an install: seconds each under load.
  }, 180_000);

  afterAll(() => {
    rmSync(resolve(dir, '..'), { recursive: true, force: true });
  });

  it('installs the kit and @simplewebauthn/browser but nothing of the emulator verifier tree', () => {
    const names = installed(dir);
    expect(names).toContain('dfns-react-kit');
    expect(names).toContain('@simplewebauthn/browser');
    expect(names.filter((name) => VERIFIER_TREE.test(name))).toEqual([]);
    expect(readdirSync(join(dir, 'node_modules')).filter((name) => VERIFIER_TREE.test(name))).toEqual([]);
    // Nothing else either: the kit, its one browser dependency, and the peers npm adds by itself.
    expect(names.filter((name) => !/^(dfns-react-kit|@simplewebauthn\/browser|react|react-dom|scheduler|@tanstack\/[a-z-]+)$/.test(name))).toEqual([]);
  });

  it('has the emulator CLI say what to install when the verifier is missing, then run once it is there', async () => {
    const missing = await runCli(dir, ['--port', '0']);
    expect(missing.code).toBe(1);
    const pinned = `@simplewebauthn/server@${PACKAGE.devDependencies['@simplewebauthn/server']}`;
    expect(missing.stderr).toContain(`npm i -D ${pinned}`);

    npm(dir, ['install', '--save-dev', pinned]);
    const started = await runCli(dir, ['--port', '0']);
    expect(JSON.parse(started.line ?? '{}')).toMatchObject({ url: expect.stringMatching(/^http:\/\/localhost:\d+$/), adminSecret: expect.any(String) });
  });
});
