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
/** The same bundle split as an app's bundler splits it: what loads with the page, and what loads at a later step. */
export function bundleSizeSplit(
  contents: string,
  options?: { resolveDir?: string; external?: string[] },
): Promise<{ initial: BundleBytes; later: BundleBytes }>;
