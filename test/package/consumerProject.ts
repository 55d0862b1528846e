import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ensureDist } from '../../scripts/bench/sizes.mjs';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');
const TSC = join(ROOT, 'node_modules/.bin/tsc');
/** What every consumer project here links from the root's node_modules besides the kit. */
const PEERS = ['react', 'react-dom', '@types/react', '@types/react-dom', '@tanstack/react-query', '@tanstack/query-core'];

/** A consumer project in a temporary folder: write files into it, type-check it, remove it. */
export interface ConsumerProject {
  dir: string;
  /** Writes `source` to `file`, relative to the project. */
  write(file: string, source: string): void;
  /** Writes `source` to `file` and runs tsc over the project: '' or its errors. */
  typecheck(file: string, source: string): string;
  remove(): void;
}

/**
 * A separate consumer project: its own folder and `tsconfig.json` (`tsconfig`), `dfns-react-kit`
 * installed as a link to this package (as `npm link` would), so types resolve through the `exports`
 * map and `dist/` (built first when missing); React, React Query and `extraPackages` linked from
 * the root's node_modules.
 */
export function createConsumerProject(prefix: string, tsconfig: object, extraPackages: string[] = []): ConsumerProject {
  ensureDist();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
  mkdirSync(join(dir, 'node_modules/@tanstack'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules/dfns-react-kit'));
  for (const name of [...PEERS, ...extraPackages]) {
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const write = (file: string, source: string): void => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), source);
  };
  return {
    dir,
    write,
    typecheck(file, source) {
      write(file, source);
      try {
        execFileSync(TSC, ['-p', dir], { encoding: 'utf8' });
        return '';
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
