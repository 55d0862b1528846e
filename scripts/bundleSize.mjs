// Bundle-size measurement shared by the size test and the benchmark: esbuild bundles a tiny
// entry as a customer's bundler would (minified ESM for browsers, production React), then gzip.
import { build } from 'esbuild';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Peers a customer app already has: never counted in the kit's cost. */
export const PEERS = ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/react-query'];

/**
 * Minified and gzip size (bytes) of `contents` bundled from `resolveDir`, `external` left out.
 * @returns {Promise<{ minified: number, gzip: number, inputs: Record<string, number> }>}
 */
export async function bundleSize(contents, { resolveDir, external = PEERS } = {}) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    external,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.fromEntries(Object.entries(output.inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput]));
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs };
}

/** The peers as patterns for Vite (Rollup-style externals). */
const PEER_PATTERNS = ['react', 'react-dom', /^react\//, /^react-dom\//, '@tanstack/react-query'];

/**
 * What an app built with Vite (the Quick start's bundler: Rolldown, minified, production) loads for
 * `contents`: `initial` is the entry chunk and every chunk it imports statically, what the page
 * loads; `later` the chunks only a dynamic `import()` of the kit reaches, loaded when their step is
 * reached. Gzip is counted per chunk, as each travels on its own. (esbuild's splitting is not used:
 * it keeps a dead `import()`'s whole file graph in chunks the entry loads.) The entry may gain
 * exports (`allow-extension`), as an app's entry that uses the components does: with `strict`,
 * Rolldown splits what the page and a later step share into extra small chunks an app does not get.
 * `mount` is the part of `later` the kit asks for as soon as it has rendered (`mountModules`, paths
 * from `resolveDir`, and the chunks they import): not needed to show the page, but fetched with it.
 * @returns {Promise<{ initial: SplitPart, mount: SplitPart, later: SplitPart }>} with SplitPart = `{ minified: number, gzip: number, inputs: Record<string, number> }`
 */
export async function bundleSizeSplit(contents, { resolveDir, mountModules = [] } = {}) {
  const { build: viteBuild } = await import('vite');
  const ENTRY = 'kit-measure-entry';
  // Vite's production build sets process.env.NODE_ENV for the whole process: put it back after, so
  // a caller (the bench, a test worker) and the processes it starts keep their own mode.
  const nodeEnv = process.env.NODE_ENV;
  const result = await viteBuild({
    configFile: false,
    root: resolveDir,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    plugins: [
      {
        name: ENTRY,
        enforce: 'pre',
        resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : undefined),
        load: (id) => (id === `\0${ENTRY}` ? contents : undefined),
      },
    ],
    build: {
      write: false,
      minify: true,
      modulePreload: false,
      target: 'es2022',
      rollupOptions: { input: ENTRY, external: PEER_PATTERNS, preserveEntrySignatures: 'allow-extension' },
    },
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  });
  const chunks = (Array.isArray(result) ? result[0] : result).output.filter((file) => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  /** `starts` and every chunk they import statically, leaving out the chunks in `outside`. */
  const withStaticImports = (starts, outside = new Set()) => {
    const found = new Set();
    const visit = (chunk) => {
      if (!chunk || outside.has(chunk) || found.has(chunk)) return;
      found.add(chunk);
      for (const name of chunk.imports) visit(byName.get(name));
    };
    starts.forEach(visit);
    return found;
  };
  const initial = withStaticImports([chunks.find((chunk) => chunk.isEntry)]);
  const wanted = new Set(mountModules.map((file) => join(resolveDir, file)));
  const atMount = withStaticImports(
    chunks.filter((chunk) => chunk.moduleIds.some((id) => wanted.has(id))),
    initial,
  );
  const sum = (list) => {
    const inputs = {};
    for (const chunk of list)
      for (const [file, { renderedLength }] of Object.entries(chunk.modules)) {
        const name = relative(resolveDir, file.replace(/^\0/, ''));
        inputs[name] = (inputs[name] ?? 0) + renderedLength;
      }
    return {
      minified: list.reduce((n, chunk) => n + Buffer.byteLength(chunk.code), 0),
      gzip: list.reduce((n, chunk) => n + gzipSync(chunk.code, { level: 9 }).length, 0),
      inputs,
    };
  };
  return {
    initial: sum([...initial]),
    mount: sum([...atMount]),
    later: sum(chunks.filter((chunk) => !initial.has(chunk))),
  };
}
