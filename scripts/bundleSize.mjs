// Bundle-size measurement shared by the size test and the benchmark: esbuild bundles a tiny
// entry as a customer's bundler would (minified ESM for browsers, production React), then gzip.
import { build } from 'esbuild';
import { relative } from 'node:path';
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

/**
 * Like `bundleSize`, but with code splitting, as an app's bundler treats the kit's `import()` of a
 * later step: `initial` is what loads with the page (the entry chunk and every chunk it imports
 * statically), `later` what loads only when a step is reached (dynamic-import chunks not also in
 * `initial`). Gzip is counted per file, as each chunk travels on its own.
 * @returns {Promise<{ initial: { minified: number, gzip: number, inputs: Record<string, number> }, later: { minified: number, gzip: number, inputs: Record<string, number> } }>}
 */
export async function bundleSizeSplit(contents, { resolveDir, external = PEERS } = {}) {
  const result = await build({
    entryPoints: ['kit-measure-entry'],
    plugins: [
      {
        name: 'kit-measure-entry',
        setup(b) {
          b.onResolve({ filter: /^kit-measure-entry$/ }, () => ({ path: 'kit-measure-entry', namespace: 'kit-measure' }));
          b.onLoad({ filter: /.*/, namespace: 'kit-measure' }, () => ({ contents, resolveDir, loader: 'js' }));
        },
      },
    ],
    bundle: true,
    splitting: true,
    outdir: '/kit-measure-out',
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    external,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  // The metafile names outputs relative to the working directory, the output files absolutely.
  const code = Object.fromEntries(result.outputFiles.map((file) => [relative(process.cwd(), file.path), file.contents]));
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint);
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const dep of outputs[path].imports) if (dep.kind === 'import-statement' && !dep.external) visit(dep.path);
  };
  visit(entry);
  const sum = (paths) => {
    const inputs = {};
    for (const path of paths)
      for (const [file, { bytesInOutput }] of Object.entries(outputs[path].inputs)) inputs[file] = (inputs[file] ?? 0) + bytesInOutput;
    return {
      minified: paths.reduce((n, path) => n + code[path].length, 0),
      gzip: paths.reduce((n, path) => n + gzipSync(code[path], { level: 9 }).length, 0),
      inputs,
    };
  };
  const all = Object.keys(outputs).filter((path) => path.endsWith('.js'));
  return { initial: sum([...initial]), later: sum(all.filter((path) => !initial.has(path))) };
}
