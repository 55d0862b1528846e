/** Minified and gzip bytes of one bundle, and the minified bytes each input file contributed. */
export interface BundleSize {
  minified: number;
  gzip: number;
  inputs: Record<string, number>;
}
/** One endpoint hook's cost alone and beyond the shared hook base. */
export interface HookCost {
  minified: number;
  gzip: number;
  ownMinified: number;
  ownGzip: number;
}
/** The repository root. */
export const ROOT: string;
/** Where Dfns's browser SDK is installed apart from the root. */
export const PEERS_DIR: string;
/** Externals for the kit's own code: the React peers plus @simplewebauthn/browser. */
export const OWN_EXTERNAL: string[];
/** The entry of the code every endpoint hook shares. */
export const HOOK_BASE_ENTRY: string;
/** Endpoint hook names of `.`. */
export function endpointHookNames(): string[];
/** Component names of `.`. */
export function componentNames(): string[];
/** Bundles `contents` against the root's `dist/`. */
export function measureKit(contents: string, external?: string[]): Promise<BundleSize>;
/** Named exports of `.`, bundled alone. */
export function measureExports(names: string[], external?: string[]): Promise<BundleSize>;
/** Every endpoint hook alone and beyond the shared base. */
export function endpointHookCosts(external?: string[]): Promise<{ base: { minified: number; gzip: number }; hooks: Record<string, HookCost> }>;
/** The typical app of issue 19 (provider, register, login, recover). */
export const TYPICAL_APP: string[];
/** The uses an app pays for, by name (provider alone, with each component, the typical app). */
export function uses(): Record<string, string[]>;
/** The chunks the kit asks for as soon as it has rendered (paths under dist/lib), counted apart by measureUse. */
export const FETCHED_AT_MOUNT: string[];
/** What a Vite app loads for named exports of `.`: with the page, right after it renders (a part of `later`), and in every later chunk. */
export function measureUse(names: string[]): Promise<{ initial: BundleSize; mount: BundleSize; later: BundleSize }>;
/** Dfns's WebAuthnSigner built as a Vite app, like measureUse. */
export function measureWebAuthnSignerAsApp(): Promise<{ initial: BundleSize; mount: BundleSize; later: BundleSize }>;
/** Dfns's WebAuthnSigner from bench/peers. */
export function measureWebAuthnSigner(): Promise<BundleSize>;
/** The root @dfns/sdk's auth-only client. */
export function measureDfnsAuthClient(): Promise<BundleSize>;
/** Minified bytes per package or dist folder, largest first. */
export function inputsByGroup(inputs: Record<string, number>): [string, number][];
/** True when dist/ is missing or older than src/. */
export function distIsStale(): boolean;
/** A path relative to the root. */
export function rel(file: string): string;
/** One part of a bundle (a kit folder or a package): its minified bytes and the gzip bytes it adds. */
export interface PartCost {
  part: string;
  minified: number;
  gzip: number;
}
/** What each part of a bundle adds to its gzip size: gzip(all) − gzip(all but the part). */
export function marginalGzipByPart(contents?: string, external?: string[]): Promise<{ total: number; parts: PartCost[] }>;
/** Builds dist/ (library and types, a production build whatever NODE_ENV says) when it is missing. */
export function ensureDist(): void;
