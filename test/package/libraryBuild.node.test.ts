import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Every .js file under `dir`, relative to it. */
function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => relative(dir, join(dir, file)));
}

/** The library build (`vite build`, as `npm run build` runs it), into a temporary folder. */
describe('the library build', { timeout: 60_000 }, () => {
  let dist: string;
  let output: string;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'dfns-lib-build-'));
    const run = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', dist, '--emptyOutDir'], {
      cwd: ROOT,
      encoding: 'utf8',
      // As `npm run build` runs it: vitest's NODE_ENV=test would make a development build of the JSX.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).toBe(0);
  });

  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
  });

  it('prints no sourcemap warning', () => {
    expect(output).not.toMatch(/SOURCEMAP|sourcemap is likely to be incorrect/i);
  });

  it('marks exactly the React modules "use client", once each, and gives the CLI its shebang', () => {
    const files = jsFiles(dist);
    const client = files.filter((file) => /^(index\.js|lib\/(provider|hooks|components)\/)/.test(file));
    const server = files.filter((file) => /^(core\.js|lib\/(api|keys|flows|webauthn|encoding|emulator)\/)/.test(file));
    expect(client.length).toBeGreaterThan(20);
    expect(server.length).toBeGreaterThan(20);
    for (const file of client) {
      const code = readFileSync(join(dist, file), 'utf8');
      expect({ file, first: code.split('\n')[0], count: code.match(/^["']use client["'];?$/gm)?.length ?? 0 }).toEqual({ file, first: '"use client";', count: 1 });
    }
    for (const file of server) expect({ file, client: readFileSync(join(dist, file), 'utf8').includes('use client') }).toEqual({ file, client: false });
    expect(readFileSync(join(dist, 'cli.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });
});
