import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { startStaticServer, STRICT_CSP, type StaticServer } from './serve.mjs';

/** The repository root. */
export const ROOT = resolve(__dirname, '../../..');
const SHARED_DIST = join(ROOT, 'dist');
/** A private kit build, so a stale shared `dist/` is never rebuilt under someone else's feet. */
const PRIVATE_DIST = join(ROOT, 'node_modules/.cache/e2e-kit-dist');
const APP_DIR = join(ROOT, 'examples/vite-app');
const APP_DIST = join(APP_DIR, 'dist');
/** Which kit build the app in `APP_DIST` was bundled with, and when. */
const APP_STAMP = join(APP_DIST, '.kit-build.json');

/** The newest modification time under `path` (a file or a folder, `dist` folders skipped). */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** A kit build is current when every entry the app uses is newer than `src/`. */
function isCurrent(dir: string, sources: number): boolean {
  return ['index.js', 'cli.js', 'styles.css'].every((file) => existsSync(join(dir, file)) && statSync(join(dir, file)).mtimeMs >= sources);
}

/**
 * The built package the example app embeds: `dist/` when it is newer than `src/` (as after
 * `npm run build`), otherwise a private build of the same `vite build` (about 2 s).
 */
export function kitDist(): string {
  const sources = newestMtime(join(ROOT, 'src'));
  if (isCurrent(SHARED_DIST, sources)) return SHARED_DIST;
  if (!isCurrent(PRIVATE_DIST, sources)) {
    // Built aside and swapped in: two runs building at once must not empty each other's output.
    const building = `${PRIVATE_DIST}-${process.pid}`;
    execFileSync('npx', ['vite', 'build', '--outDir', building, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    // `npm run build` copies the stylesheet the same way.
    copyFileSync(join(ROOT, 'src/styles.css'), join(building, 'styles.css'));
    const retired = `${PRIVATE_DIST}-old-${process.pid}`;
    try {
      renameSync(PRIVATE_DIST, retired);
    } catch {
      // No build there yet, or another run just swapped its own in.
    }
    renameSync(building, PRIVATE_DIST);
    rmSync(retired, { recursive: true, force: true });
  }
  return PRIVATE_DIST;
}

/**
 * Builds `examples/vite-app` into its `dist/` with `vite build`, unless the build there is newer
 * than the app's sources and was bundled from this very kit build.
 */
export function buildExampleApp(kit: string = kitDist()): string {
  const newest = Math.max(newestMtime(APP_DIR), newestMtime(kit));
  const stamp = existsSync(APP_STAMP) ? (JSON.parse(readFileSync(APP_STAMP, 'utf8')) as { kit: string; builtAt: number }) : undefined;
  if (stamp && stamp.kit === kit && stamp.builtAt >= newest && existsSync(join(APP_DIST, 'index.html'))) return APP_DIST;
  execFileSync('npx', ['vite', 'build', '-c', join(APP_DIR, 'vite.config.ts')], {
    cwd: ROOT,
    stdio: 'pipe',
    // Vitest sets NODE_ENV=test, which would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production', DFNS_KIT_DIST: kit },
  });
  writeFileSync(APP_STAMP, JSON.stringify({ kit, builtAt: Date.now() }));
  return APP_DIST;
}

/** A child process that announced itself with one JSON line on stdout. */
interface Child<T> {
  banner: T;
  stop(): Promise<void>;
}

/** Spawns `node ...args` and resolves with the JSON of its first stdout line. */
export function spawnNode<T>(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Child<T>> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((started, failed) => {
    const timer = setTimeout(() => {
      void stop();
      failed(new Error(`${args[0]} printed nothing in 15 s; stderr: ${stderr}`));
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      failed(new Error(`${args[0]} exited with ${String(code)} before it listened; stderr: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      try {
        started({ banner: JSON.parse(line) as T, stop });
      } catch (error) {
        void stop();
        failed(new Error(`${args[0]}'s first line is not JSON`, { cause: error }));
      }
    });
  });
}

/** What the app's query string can set per page. */
export interface AppParams {
  flow?: string;
  rp?: string;
  timeout?: number;
  /** `false` turns passkey autofill off on the login form. */
  autofill?: boolean;
  /** Delegated registration completes with a wallet and signs the user in. */
  wallets?: boolean;
  /** The account section offers a new recovery key too. */
  recoveryKey?: boolean;
  /** The credential list offers a one-time code for a passkey on another device. */
  anotherDevice?: boolean;
  /** The recovery flow gets an `onCancel`, so the kit shows its Cancel button. */
  cancel?: boolean;
}

/** The page URL of the example app at `appUrl` for a Dfns API (or emulator) and backend. */
export function examplePageUrl(appUrl: string, api: { apiUrl: string; orgId: string; backendUrl: string; rpId?: string }, params: AppParams = {}): string {
  const query = new URLSearchParams({ api: api.apiUrl, org: api.orgId, backend: api.backendUrl, rp: params.rp ?? api.rpId ?? 'localhost' });
  if (params.flow) query.set('flow', params.flow);
  if (params.timeout !== undefined) query.set('timeout', String(params.timeout));
  if (params.autofill === false) query.set('autofill', '0');
  if (params.wallets) query.set('wallets', '1');
  if (params.recoveryKey) query.set('recoveryKey', '1');
  if (params.anotherDevice) query.set('anotherDevice', '1');
  if (params.cancel) query.set('cancel', '1');
  return `${appUrl}/?${query.toString()}`;
}

/** The running example: the static app, `dfns-emulator`, and the customer backend. */
export interface Stack {
  appUrl: string;
  emulatorUrl: string;
  orgId: string;
  backendUrl: string;
  /** The page URL for a flow, with the config in the query string. */
  pageUrl(params?: AppParams): string;
  /** Calls the emulator's admin API (`/emulator/admin/...`) and returns the JSON answer. */
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** A new user (`kind` CustomerEmployee by default) and its registration code. */
  createUser(username: string, kind?: 'CustomerEmployee' | 'EndUser'): Promise<string>;
  /** The latest emailed code of `kind` to `username`. */
  lastCode(username: string, kind: 'registration' | 'recovery' | 'login'): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Builds what is stale, then starts the static server (optionally with the strict CSP), the
 * emulator CLI allowing that page's origin, and the backend with a service account.
 */
export async function startStack(options: { csp?: boolean; authenticatorAttachment?: 'platform' | 'cross-platform' | 'any' } = {}): Promise<Stack> {
  const kit = kitDist();
  const appDist = buildExampleApp(kit);
  const stops: (() => Promise<void>)[] = [];
  try {
    const app: StaticServer = await startStaticServer({ root: appDist, csp: options.csp ? STRICT_CSP : undefined });
    stops.push(app.close);
    // The org accepts any authenticator unless told otherwise: the suite runs Firefox too, which on
    // Linux refuses every platform request (the CLI's default, as in Dfns's reference). A test
    // switches at run time with PUT /emulator/admin/passkey-settings.
    const attachment = options.authenticatorAttachment ?? 'any';
    const emulator = await spawnNode<{ url: string; orgId: string; adminSecret: string }>([
      join(kit, 'cli.js'),
      ...['--port', '0', '--origin', app.url, '--rp-id', 'localhost', '--authenticator-attachment', attachment],
    ]);
    stops.push(emulator.stop);
    const backend = await spawnNode<{ url: string }>([join(ROOT, 'examples/backend/server.mjs')], {
      DFNS_API_URL: emulator.banner.url,
      DFNS_ORG_ID: emulator.banner.orgId,
      DFNS_EMULATOR_ADMIN_SECRET: emulator.banner.adminSecret,
      APP_ORIGIN: app.url,
      PORT: '0',
    });
    stops.push(backend.stop);
    const emulatorUrl = emulator.banner.url;
    const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${emulatorUrl}/emulator/admin${path}`, {
        method,
        headers: { 'x-emulator-admin-secret': emulator.banner.adminSecret, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`admin ${method} ${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    };
    return {
      appUrl: app.url,
      emulatorUrl,
      orgId: emulator.banner.orgId,
      backendUrl: backend.banner.url,
      pageUrl(params = {}) {
        return examplePageUrl(app.url, { apiUrl: emulatorUrl, orgId: emulator.banner.orgId, backendUrl: backend.banner.url }, params);
      },
      admin,
      async createUser(username, kind = 'CustomerEmployee') {
        return (await admin<{ registrationCode: string }>('POST', '/users', { username, kind })).registrationCode;
      },
      async lastCode(username, kind) {
        const { items } = await admin<{ items: { to: string; kind: string; code: string }[] }>('GET', '/outbox');
        const code = items.filter((item) => item.to === username && item.kind === kind).at(-1)?.code;
        if (!code) throw new Error(`no ${kind} code was emailed to ${username}`);
        return code;
      },
      stop: async () => {
        for (const stop of stops.reverse()) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop();
    throw error;
  }
}
