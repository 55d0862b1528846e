// Bundle sizes of the kit and of Dfns's own SDK, measured the same way (scripts/bundleSize.mjs:
// esbuild, minified ESM for browsers, gzip -9), shared by `npm run bench` and test/budgets.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSize, bundleSizeSplit, PEERS } from '../bundleSize.mjs';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where Dfns's browser SDK is installed apart from the root (its exact peer clashes with the root's @dfns/sdk). */
export const PEERS_DIR = join(ROOT, 'bench/peers');

/**
 * Builds `dist/` (`npm run build`: the library and its types) when it is missing. The build runs
 * without the caller's NODE_ENV: under vitest that is `test`, which would make a development build
 * of the JSX (larger, and not what an app installs) that every later measurement would read.
 */
export function ensureDist() {
  if (existsSync(join(ROOT, 'dist/index.js')) && existsSync(join(ROOT, 'dist/index.d.ts'))) return;
  const { NODE_ENV: _ignored, ...env } = process.env;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore', env });
}

/** The kit's own code excludes SimpleWebAuthn: it is a dependency a customer may already ship. */
export const OWN_EXTERNAL = [...PEERS, '@simplewebauthn/browser'];

/** The endpoint hooks of `.` (one per Dfns endpoint), read from the hooks barrel so a new hook is measured too. */
export function endpointHookNames() {
  const source = readFileSync(join(ROOT, 'src/hooks/endpointHooks.ts'), 'utf8');
  return [...source.matchAll(/export \{ (use\w+) \}/g)].map((match) => match[1]);
}

/** The components of `.`, read from the components barrel. */
export function componentNames() {
  const source = readFileSync(join(ROOT, 'src/components/index.ts'), 'utf8');
  return [...source.matchAll(/export \* from '\.\/(\w+)'/g)].map((match) => match[1]);
}

/** Bundles `contents` against the root's `dist/` (the package imports itself by name). */
export const measureKit = (contents, external = PEERS) => bundleSize(contents, { resolveDir: ROOT, external });

/** Named exports of the kit's `.` entry, bundled alone. */
export const measureExports = (names, external = PEERS) =>
  measureKit(`export { ${names.join(', ')} } from 'dfns-react-kit';`, external);

/**
 * The code every endpoint hook is made of (`useX = useEndpointMutation(xMutationOptions(client))`
 * with the client from `useDfnsAuth`, and a response schema): the part a second hook adds nothing for.
 */
export const HOOK_BASE_ENTRY = [
  `export { useDfnsAuth } from './dist/lib/provider/useDfnsAuth.js';`,
  `export { useEndpointMutation } from './dist/lib/hooks/useEndpointMutation.js';`,
  // The validation runtime every endpoint's response schema is built from (src/api/validators), with the
  // smallest schema's two builders; the schemas themselves count as each hook's own.
  `export { looseObject, string } from './dist/lib/api/validators.js';`,
].join('\n');

/**
 * What each endpoint hook costs alone, and of its own: gzip(hook alone) − gzip(shared base), the
 * base being `HOOK_BASE_ENTRY` built the same way. So the hook's endpoint function, its request
 * and its response schemas count as its own; the React Query glue, the
 * provider context, the errors and the validation runtime count once. Throws when the base is not inside a hook's bundle (the
 * difference would then mean nothing).
 * @returns {Promise<{ base: { minified: number, gzip: number }, hooks: Record<string, { minified: number, gzip: number, ownMinified: number, ownGzip: number }> }>}
 */
export async function endpointHookCosts(external = PEERS) {
  const base = await bundleSize(HOOK_BASE_ENTRY, { resolveDir: ROOT, external });
  const baseFiles = Object.keys(base.inputs).filter((file) => file !== '<stdin>');
  const hooks = {};
  for (const name of endpointHookNames()) {
    const alone = await measureExports([name], external);
    const missing = baseFiles.filter((file) => !(file in alone.inputs));
    if (missing.length > 0) throw new Error(`${name} does not include the shared hook base (${missing.join(', ')})`);
    hooks[name] = {
      minified: alone.minified,
      gzip: alone.gzip,
      ownMinified: alone.minified - base.minified,
      ownGzip: alone.gzip - base.gzip,
    };
  }
  return { base: { minified: base.minified, gzip: base.gzip }, hooks };
}

/** The typical app of issue 19: sign-up, sign-in and recovery. */
export const TYPICAL_APP = ['DfnsAuthProvider', 'RegisterPasskey', 'LoginWithPasskey', 'RecoverAccount'];

/**
 * The uses an app pays for, by name: the provider alone, the provider with each component (no
 * component works without it), and the typical app.
 * @returns {Record<string, string[]>}
 */
export function uses() {
  return {
    provider: ['DfnsAuthProvider'],
    ...Object.fromEntries(componentNames().map((name) => [`provider + ${name}`, ['DfnsAuthProvider', name]])),
    'typical app (provider, register, login, recover)': TYPICAL_APP,
  };
}

/**
 * The chunks the kit asks for as soon as it has rendered, in an effect of the component that needs
 * them: the HTTP layer (the provider) and the steps of a sign-in and a sign-up (their hooks), which a
 * click must find loaded. test/budgets/fetchedAtMount checks this list against the source.
 */
export const FETCHED_AT_MOUNT = ['dist/lib/api/request.js', 'dist/lib/hooks/loginSteps.js', 'dist/lib/hooks/registerSteps.js'];

/**
 * What a Vite app loads for the named exports of `.`: `initial` with the page, `mount` right after
 * it renders (`FETCHED_AT_MOUNT`), `later` every chunk not in `initial` (`mount` included).
 */
export const measureUse = (names) =>
  bundleSizeSplit(`export { ${names.join(', ')} } from 'dfns-react-kit';`, { resolveDir: ROOT, mountModules: FETCHED_AT_MOUNT });

/** Dfns's `WebAuthnSigner` built the same way as `measureUse` (a Vite app), for ratios measured alike. */
export const measureWebAuthnSignerAsApp = () =>
  bundleSizeSplit(`export { WebAuthnSigner } from '@dfns/sdk-browser';`, { resolveDir: PEERS_DIR });

/** Dfns's `WebAuthnSigner` (@dfns/sdk-browser 0.6.12 with its exact peer @dfns/sdk 0.6.12), from bench/peers. */
export const measureWebAuthnSigner = () =>
  bundleSize(`export { WebAuthnSigner } from '@dfns/sdk-browser';`, { resolveDir: PEERS_DIR, external: PEERS });

/** The auth-only client of the root's @dfns/sdk (0.8.x), the SDK's smallest way to call the auth API. */
export const measureDfnsAuthClient = () =>
  bundleSize(`export { AuthClient } from '@dfns/sdk/generated/auth';`, { resolveDir: ROOT, external: PEERS });

/** The part of the kit (or the package) a bundled module belongs to: `hooks`, `components/parts`, `@simplewebauthn/browser`… */
function partOf(file) {
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (npm) return npm[1];
  const folder = /dist\/lib\/([^/]+(?:\/parts)?)\//.exec(file);
  return folder ? folder[1] : file.replace(/^dist\/lib\//, '').replace(/\.js$/, '');
}

/** Bytes in the minified output per part (package or kit folder, see `partOf`), largest first: what dominates a bundle. */
export function inputsByGroup(inputs) {
  const groups = {};
  for (const [file, bytes] of Object.entries(inputs)) {
    const key = partOf(file);
    groups[key] = (groups[key] ?? 0) + bytes;
  }
  return Object.entries(groups).filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
}

/** Newest modification time of any file under `dir` (ms). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** True when `dist/` is missing or older than a file of `src/` (the sizes would describe old code). */
export function distIsStale() {
  const index = join(ROOT, 'dist/index.js');
  return !existsSync(index) || newest(join(ROOT, 'src')) > statSync(index).mtimeMs;
}

/** `file` relative to the root, for messages. */
export const rel = (file) => relative(ROOT, file);

/**
 * What each part of a bundle costs in gzip: gzip(all modules) − gzip(all but that part's modules).
 * gzip shares repeated text across modules, so minified sizes overstate a part that repeats what
 * others say and understate one that is all new; this is the saving removing the part would bring.
 * Each module is minified on its own (esbuild keeps `// file` markers only without whitespace
 * minification), so the total differs a little from the real bundle's.
 * @returns {Promise<{ total: number, parts: { part: string, minified: number, gzip: number }[] }>}
 */
export async function marginalGzipByPart(contents = `export * from 'dfns-react-kit';`, external = PEERS) {
  const { build, transform } = await import('esbuild');
  const { gzipSync } = await import('node:zlib');
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    legalComments: 'none',
    logLevel: 'silent',
  });
  // The closing `export { … }` names every module's bindings: left out, it belongs to no part.
  const pieces = result.outputFiles[0].text.replace(/\nexport\s*\{[^}]*\};?\s*$/, '\n').split(/^\/\/ (\S+)$/m);
  const modules = [];
  for (let i = 1; i < pieces.length; i += 2) {
    const { code } = await transform(pieces[i + 1], { minifyWhitespace: true, loader: 'js' });
    modules.push({ part: partOf(pieces[i]), code });
  }
  const gzip = (list) => gzipSync(list.map((m) => m.code).join(''), { level: 9 }).length;
  const total = gzip(modules);
  const parts = [...new Set(modules.map((m) => m.part))].map((part) => ({
    part,
    minified: modules.filter((m) => m.part === part).reduce((sum, m) => sum + m.code.length, 0),
    gzip: total - gzip(modules.filter((m) => m.part !== part)),
  }));
  return { total, parts: parts.sort((a, b) => b.gzip - a.gzip) };
}
