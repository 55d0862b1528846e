// Bundle-size measurement shared by the size test and the benchmark: esbuild bundles a tiny
// entry as a customer's bundler would (minified ESM for browsers, production React), then gzip.
import { build } from 'esbuild';
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
