import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(__dirname, '../..');
const DIST_CLI = join(ROOT, 'dist/cli.js');
/** A private build, so a stale shared `dist/` is never overwritten while someone else reads it. */
const PRIVATE_OUT = join(ROOT, 'node_modules/.cache/sdk-conformance-dist');

/** The first JSON line the CLI prints. */
export interface CliBanner {
  url: string;
  orgId: string;
  rpId: string;
  origins: string[];
  username: string;
  registrationCode: string;
  /** The per-process admin secret, sent as `x-emulator-admin-secret` on `/emulator/admin/*`. */
  adminSecret: string;
}

/** The newest modification time under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * `dist/cli.js` when it is newer than the emulator's sources; otherwise a fresh private build
 * (`vite build`, about 3 s), so the SDK always talks to the emulator as it is in `src/`.
 */
export function emulatorCliPath(): string {
  const sources = Math.max(newestMtime(join(ROOT, 'src/emulator')), newestMtime(join(ROOT, 'src/encoding')));
  if (existsSync(DIST_CLI) && statSync(DIST_CLI).mtimeMs >= sources) return DIST_CLI;
  const privateCli = join(PRIVATE_OUT, 'cli.js');
  if (!existsSync(privateCli) || statSync(privateCli).mtimeMs < sources) {
    execFileSync('npx', ['vite', 'build', '--outDir', PRIVATE_OUT, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
  }
  return privateCli;
}

/** A running `dfns-emulator` child process. */
export interface EmulatorProcess {
  banner: CliBanner;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node <cli> ...args` and resolves with the JSON banner of its first stdout line. */
export function startEmulatorProcess(args: string[]): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [emulatorCliPath(), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      void stop();
      rejectStart(new Error(`the emulator CLI printed nothing in 10 s; stderr: ${stderr}`));
    }, 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rejectStart(new Error(`the emulator CLI exited with ${String(code)} before it listened; stderr: ${stderr}`));
    });
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolveStart({ banner: JSON.parse(line) as CliBanner, child, stop });
      } catch (error) {
        void stop();
        rejectStart(new Error(`the emulator CLI's first line is not JSON: ${line}`, { cause: error }));
      }
    });
  });
}
