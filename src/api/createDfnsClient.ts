import { DfnsAuthError } from '../errors';
import type { DfnsRequest } from './request';
import { sendThroughChunk } from './requestPart';

/** The default Dfns API (Europe). Other regions, such as `https://api.uae.dfns.io`, go in `baseUrl`. */
export const DEFAULT_DFNS_BASE_URL = 'https://api.dfns.io';

/**
 * Where the user's auth token comes from: the token itself, or a function called before every
 * request that needs it, so an app can refresh or swap the token without making a new client.
 * `null` and `undefined` both mean "no token yet", as apps hold it.
 */
export type AuthTokenSource = string | null | (() => string | null | undefined | Promise<string | null | undefined>);

/** Options of `createDfnsClient`. */
export interface DfnsClientConfig {
  /** Origin of the Dfns API (default `https://api.dfns.io`); a path prefix is kept for proxies. */
  baseUrl?: string | undefined;
  /** Default `orgId` for the endpoints that send one (registration, login, recovery). */
  orgId?: string | undefined;
  /** The logged-in user's (or, on a server, the service account's) token. */
  authToken?: AuthTokenSource | undefined;
  /** A fetch to use instead of `globalThis.fetch` (which is looked up on every call). */
  fetch?: typeof globalThis.fetch | undefined;
}

/** A configured Dfns client: plain data plus the `request()` every endpoint function goes through. */
export interface DfnsClient {
  /** Normalised base URL, never ending with `/`. */
  readonly baseUrl: string;
  readonly orgId: string | undefined;
  readonly authToken: AuthTokenSource | undefined;
  readonly fetch: typeof globalThis.fetch | undefined;
  /** Sends one request and returns its validated response; see `sendRequest`. */
  request<T>(request: DfnsRequest<T>): Promise<T>;
}

/**
 * Creates a client for the Dfns auth API. Endpoint functions take it as their first argument.
 * Its HTTP layer is a chunk of its own, loaded by the first request (in Node as in a browser;
 * `<DfnsAuthProvider>` asks for it when it mounts): a chunk that cannot arrive rejects that request
 * with a retryable `network_error`, as an unreachable API does.
 *
 * @example
 * const client = createDfnsClient({ orgId: 'or-…', authToken: () => session.token });
 * const challenge = await initLogin(client, { username: 'jane@example.com' });
 */
export function createDfnsClient(config: DfnsClientConfig = {}): DfnsClient {
  const client: DfnsClient = {
    baseUrl: normaliseBaseUrl(config.baseUrl ?? DEFAULT_DFNS_BASE_URL),
    orgId: config.orgId,
    authToken: config.authToken,
    fetch: config.fetch,
    // Through its chunk: a page that only renders a form never loads the HTTP layer before it shows.
    request: (request) => sendThroughChunk(client, request),
  };
  return client;
}

/**
 * The base URL without trailing slashes. Dfns's SDK resolves paths with `new URL(path, base)`,
 * which silently drops a base path; we keep it (for a customer proxy) and reject what cannot work
 * (naming the fix in development builds only, as `sendRequest` does).
 */
function normaliseBaseUrl(baseUrl: string): string {
  // A same-origin proxy path such as `/dfns` is fine in a browser: fetch resolves it.
  if (baseUrl.startsWith('/') && !baseUrl.startsWith('//')) return baseUrl.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (error) {
    throw new DfnsAuthError(
      'config_error',
      process.env.NODE_ENV !== 'production'
        ? `baseUrl "${baseUrl}" is not an absolute URL; use an origin such as ${DEFAULT_DFNS_BASE_URL}.`
        : `baseUrl "${baseUrl}" is not an absolute URL.`,
      { cause: error },
    );
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
    throw new DfnsAuthError(
      'config_error',
      process.env.NODE_ENV !== 'production'
        ? `baseUrl "${baseUrl}" must be an http(s) origin without query or fragment, such as ${DEFAULT_DFNS_BASE_URL}.`
        : `baseUrl "${baseUrl}" must be an http(s) origin without query or fragment.`,
    );
  }
  // Over plain http the bearer token and every code cross the network readable; only this machine's own loopback is fine.
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new DfnsAuthError(
      'config_error',
      process.env.NODE_ENV !== 'production'
        ? `baseUrl "${url.origin}" uses http:// on a host other than localhost, 127.0.0.1 or [::1], which would send tokens unencrypted: use https:// (such as ${DEFAULT_DFNS_BASE_URL}), or http://localhost for a local emulator.`
        : `baseUrl "${url.origin}" must use https:// (http:// only on localhost).`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Hosts a plain http:// baseUrl may name: this machine's loopback (a local emulator or proxy). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
