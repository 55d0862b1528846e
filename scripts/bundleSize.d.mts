/** Minified and gzip bytes of a bundle (or part), and the minified bytes each input file contributed. */
export interface BundleBytes {
  minified: number;
  gzip: number;
  inputs: Record<string, number>;
}
/** Peers a customer app already has: never counted in the kit's cost. */
export const PEERS: string[];
/** Minified and gzip size of `contents` bundled from `resolveDir`, `external` left out. */
export function bundleSize(contents: string, options?: { resolveDir?: string; external?: string[] }): Promise<BundleBytes>;
/**
 * The same bundle split as an app's bundler splits it: what loads with the page, what the kit fetches
 * right after it renders (`mountModules`, paths from `resolveDir`, and what they import; a part of
 * `later`), and every chunk that loads after the page.
 */
export function bundleSizeSplit(
  contents: string,
  options?: { resolveDir?: string; external?: string[]; mountModules?: string[] },
): Promise<{ initial: BundleBytes; mount: BundleBytes; later: BundleBytes }>;
