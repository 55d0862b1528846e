import { build, type Metafile } from 'esbuild';

/** Left out of an app bundle here: the React peers and SimpleWebAuthn, so what is read is the kit's own code. */
const EXTERNAL = ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query', '@simplewebauthn/browser'];

/**
 * `contents` (resolved from `resolveDir`) bundled and minified as an app's bundler does for
 * `nodeEnv` (`process.env.NODE_ENV` defined): its text, and the metafile of what it holds.
 */
export async function appBundle(contents: string, resolveDir: string, nodeEnv: string): Promise<{ text: string; metafile: Metafile }> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    external: EXTERNAL,
    logLevel: 'silent',
  });
  return { text: result.outputFiles[0]!.text, metafile: result.metafile };
}
