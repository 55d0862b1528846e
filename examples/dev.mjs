#!/usr/bin/env node
/**
 * `npm run dev`: the example app, as a person uses it, in one command. Builds the kit when
 * `dist/` is missing or older than `src/` (or with `--build`), then starts the Dfns emulator (fixed org id), the
 * customer backend of the delegated flows, and the Vite dev server of `examples/vite-app`, and
 * prints where to go and what to type. Ctrl-C stops all three.
 *
 * Ports: `PORT` (app, 5173), `DFNS_EMULATOR_PORT` (8787), `BACKEND_PORT` (8788). Passkeys of any
 * kind are accepted (`DFNS_AUTHENTICATOR_ATTACHMENT`, default `any`), so Firefox and Chromium on
 * Linux, which have no built-in passkey, work too; `platform` is Dfns's default.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const appPort = Number(process.env.PORT ?? 5173);
const apiPort = Number(process.env.DFNS_EMULATOR_PORT ?? 8787);
const backendPort = Number(process.env.BACKEND_PORT ?? 8788);
// WebAuthn accepts http://localhost, not 127.0.0.1: the page and the allowed origin say localhost.
const appOrigin = `http://localhost:${appPort}`;
const orgId = process.env.DFNS_ORG_ID ?? 'or-example';
const attachment = process.env.DFNS_AUTHENTICATOR_ATTACHMENT ?? 'any';

/** The newest modification time of the files under `dir`. */
function newest(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs), 0);
}

const built = ['index.js', 'cli.js', 'styles.css'].map((file) => `${ROOT}dist/${file}`);
const stale = built.some((file) => !existsSync(file) || statSync(file).mtimeMs < newest(`${ROOT}src`));
if (process.argv.includes('--build') || stale) {
  console.log('Building the kit (dist/) first…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

const children = [];
let stopping = false;

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/** Starts one process; if it dies on its own, everything stops. */
function start(name, command, args, env = {}) {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} stopped (exit ${code}); stopping the rest.`);
      stop(1);
    }
  });
  return child;
}

/** The first line a process prints (the emulator's JSON summary). */
function firstLine(stream) {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    stream.once('end', () => reject(new Error('the emulator printed nothing')));
  });
}

const emulator = start('the emulator', process.execPath, [
  'dist/cli.js',
  '--port',
  String(apiPort),
  '--org-id',
  orgId,
  '--origin',
  appOrigin,
  '--authenticator-attachment',
  attachment,
]);
const started = JSON.parse(await firstLine(emulator.stdout));
emulator.stdout.resume();

const backend = start('the backend', process.execPath, ['examples/backend/server.mjs'], {
  DFNS_API_URL: started.url,
  DFNS_ORG_ID: started.orgId,
  DFNS_EMULATOR_ADMIN_SECRET: started.adminSecret ?? '',
  APP_ORIGIN: appOrigin,
  PORT: String(backendPort),
});
backend.stdout.pipe(process.stdout);

const vite = start('Vite', `${ROOT}node_modules/.bin/vite`, ['--config', 'examples/vite-app/vite.config.ts', '--port', String(appPort), '--strictPort', '--host', 'localhost'], {
  VITE_DFNS_API_URL: started.url,
  VITE_DFNS_ORG_ID: started.orgId,
  VITE_BACKEND_URL: `http://localhost:${backendPort}`,
});
vite.stdout.pipe(process.stdout);

console.log(`
Example app:   ${appOrigin}/?flow=register   (then ?flow=login, ?flow=recover, ?flow=register-delegated, …)
Emulator:      ${started.url}   org id ${started.orgId}   rp id ${started.rpId}
Seeded user:   ${started.username}   registration code ${started.registrationCode}   (local test data)
Backend:       http://localhost:${backendPort}   (delegated flows)
Ctrl-C stops all three.`);
