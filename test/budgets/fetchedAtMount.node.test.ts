/**
 * The bench and the budgets report what a page fetches right after it renders (`FETCHED_AT_MOUNT`:
 * chunks the kit asks for in a mount effect) beside what it loads first. This keeps that list true
 * to the source: every `useEffect(() => part.preload(), [])` in src names one of its chunks, and
 * every chunk in the list has such an effect.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FETCHED_AT_MOUNT, ROOT } from '../../scripts/bench/sizes.mjs';

const SRC = join(ROOT, 'src');

/** Every .ts and .tsx file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative import names, as TypeScript resolves it here. */
function resolveImport(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // Not this one.
    }
  }
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

/** The module a `lazyPart(() => import('…'))` named `name` loads, declared in `file` or imported into it. */
function chunkOfPart(file: string, name: string): string {
  const text = readFileSync(file, 'utf8');
  const declared = new RegExp(`const ${name} = lazyPart\\(\\(\\) => import\\('([^']+)'\\)`).exec(text);
  if (declared) return resolveImport(file, declared[1]!);
  const imported = new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '([^']+)'`).exec(text);
  if (imported) return chunkOfPart(resolveImport(file, imported[1]!), name);
  throw new Error(`${relative(ROOT, file)}: ${name} is neither a lazyPart here nor imported`);
}

describe('the chunks fetched at mount', () => {
  it('are exactly the lazy parts the source preloads in a mount effect', () => {
    const preloaded = new Set<string>();
    for (const file of sources(SRC)) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/useEffect\(\(\) => (\w+)\.preload\(\), \[\]\)/g)) {
        const module = relative(ROOT, chunkOfPart(file, name!));
        preloaded.add(module.replace(/^src\//, 'dist/lib/').replace(/\.tsx?$/, '.js'));
      }
    }
    expect([...preloaded].sort()).toEqual([...FETCHED_AT_MOUNT].sort());
  });
});
