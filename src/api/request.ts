import { DfnsApiError, DfnsAuthError, PolicyPendingError } from '../errors';
import type { DfnsClient } from './createDfnsClient';
import { checkRequestPath } from './checkRequestPath';
import { describeIssues } from './describeIssues';
import { pathWithoutQuery } from './pathWithoutQuery';
import { readAuthToken } from './readAuthToken';
import { stringifyBody } from './stringifyBody';
import { tokenExpiresAt } from './tokenExpiresAt';
import { isOwnSchema } from './isOwnSchema';
import { lazyPart } from '../lazyPart';
import type { StandardSchemaV1 } from './validators';

/** HTTP methods the Dfns auth API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * How a request authenticates: `none`; `temporary`, the `temporaryAuthenticationToken` of an init
 * step as a bearer token; or `user`, the client's `authToken` as a bearer token.
 */
export type AuthMode = 'none' | 'temporary' | 'user';

/**
 * Checks a response body and gives back a `T`: the kit's own schemas, or any Standard Schema
 * (valibot, zod, arktype…) for a request of your own.
 */
export type ResponseSchema<T> = StandardSchemaV1<unknown, T>;

/** Options every endpoint function takes last. */
export interface RequestOptions {
  /** Aborts the request; the promise then rejects with a `DfnsApiError` coded `aborted`. */
  signal?: AbortSignal | undefined;
}

/** One request to the Dfns API, as endpoint functions describe it to `client.request()`. */
export interface DfnsRequest<T = unknown> extends RequestOptions {
  method: HttpMethod;
  /** Path from the API root, starting with `/`; a query string is sent but never reported in errors. */
  path: string;
  auth: AuthMode;
  /** The bearer token when `auth` is `temporary`. */
  temporaryToken?: string | undefined;
  /** A JSON value, stringified once here. Ignored when `bodyText` is given. */
  body?: unknown;
  /** An already serialised JSON body, sent verbatim (user action payloads must be byte-identical). */
  bodyText?: string | undefined;
  /** Extra headers, such as `X-DFNS-USERACTION`. Never add custom ones: each costs a CORS preflight. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Checks the 2xx body; without it the parsed JSON is returned as is. */
  schema?: ResponseSchema<T> | undefined;
}

/**
 * The one place that talks HTTP: builds the headers for the auth mode, sends the body string, and
 * turns every failure into a `DfnsAuthError` (see DESIGN section 4). Returns the validated body.
 *
 * Messages: what failed (endpoint, status, Dfns's message and error id) in every build; the
 * sentence that tells a developer how to fix it only where `process.env.NODE_ENV !== 'production'`,
 * the check `warnDeveloper` uses, so an app's production bundle drops those strings.
 */
export async function sendRequest<T>(client: DfnsClient, request: DfnsRequest<T>): Promise<T> {
  const { method, signal } = request;
  // Only the path without its query string may appear in errors: a query could carry a secret.
  const path = pathWithoutQuery(request.path);
  const context = { method, path };
  const endpoint = `${method} ${path}`;

  checkRequestPath(request.path, `${method} request`, client.baseUrl);
  // Asked for now, so that it is in by the time an answer fails; ignored here if it cannot load.
  errorPath.preload();
  throwIfAborted(signal, context);
  const headers: Record<string, string> = {};
  const auth = request.auth;
  // The bearer token sent, kept to explain a 401 (never quoted: only its expiry is read).
  let bearer: string | undefined;
  switch (auth) {
    case 'none':
      break;
    case 'temporary':
      if (!request.temporaryToken) {
        throw new DfnsAuthError(
          'config_error',
          process.env.NODE_ENV !== 'production'
            ? `${endpoint} needs the temporaryAuthenticationToken returned by its init step, and none was given.`
            : `${endpoint} needs a temporary token.`,
        );
      }
      bearer = request.temporaryToken;
      headers['Authorization'] = `Bearer ${bearer}`;
      break;
    case 'user': {
      const token = await readAuthToken(client);
      if (!token) {
        throw new DfnsAuthError(
          'config_error',
          process.env.NODE_ENV !== 'production'
            ? `${endpoint} needs a user auth token, but the client has none: pass authToken to createDfnsClient (or the provider), or log in first.`
            : `${endpoint} needs a user auth token.`,
        );
      }
      bearer = token;
      headers['Authorization'] = `Bearer ${token}`;
      break;
    }
    default:
      throw new DfnsAuthError('config_error', `${endpoint}: unknown auth mode ${String(auth satisfies never)}.`);
  }

  const bodyText = request.bodyText ?? (request.body === undefined ? undefined : stringifyBody(request.body, endpoint));
  const hasBody = bodyText !== undefined && bodyText !== '';
  if (hasBody) headers['Content-Type'] = 'application/json';
  Object.assign(headers, request.headers);

  // The token function may have awaited; an abort during that wait must not send the request.
  throwIfAborted(signal, context);
  // Looked up per call so that MSW and test doubles installed after the client was made still apply.
  const fetchImpl = client.fetch ?? globalThis.fetch;
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(`${client.baseUrl}${request.path}`, {
      method,
      headers,
      body: hasBody ? bodyText : undefined,
      signal,
    });
    text = await response.text();
  } catch (error) {
    throw transportError(error, signal, context, client.baseUrl);
  }
  throwIfAborted(signal, context);

  if (response.status === 202) {
    throw new PolicyPendingError(
      process.env.NODE_ENV !== 'production'
        ? `${endpoint} triggered a policy and awaits approval (HTTP 202); the request runs once it is approved.`
        : `${endpoint} awaits approval (HTTP 202).`,
      { ...context, body: parseJsonOrText(text) },
    );
  }
  if (!response.ok) {
    // Which token expired is for the developer (it reads the JWT): production keeps the status alone.
    const note = process.env.NODE_ENV !== 'production' ? expiredNote(response.status, auth, bearer) : '';
    const { errorFromResponse } = await errorPathFor(context, response.status);
    throw errorFromResponse(response.status, text, context, note, response.headers.get('Retry-After'));
  }

  let value: unknown;
  if (text.trim() === '') {
    if (request.schema) {
      throw new DfnsApiError('invalid_response', `${endpoint} returned HTTP ${response.status} with an empty body where JSON was expected.`, {
        ...context,
        status: response.status,
      });
    }
    return undefined as T;
  }
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { describeNonJson } = await errorPathFor(context, response.status);
    throw new DfnsApiError('invalid_response', `${endpoint} returned HTTP ${response.status} but ${describeNonJson(text)}.`, {
      ...context,
      status: response.status,
      cause: error,
    });
  }
  if (!request.schema) return value as T;
  const schema = request.schema;
  const own = isOwnSchema(schema);
  const result = own ? schema.check(value) : await schema['~standard'].validate(value);
  if (result.issues) {
    // No `body` here: a 2xx body can carry tokens, and errors end up in logs and error trackers.
    throw new DfnsApiError(
      'invalid_response',
      process.env.NODE_ENV !== 'production'
        ? `${endpoint} returned a response the kit does not understand: ${describeIssues(result.issues, own)}.`
        : `${endpoint} returned HTTP ${response.status} with a response the kit does not understand.`,
      { ...context, status: response.status },
    );
  }
  return result.value;
}

/**
 * The code that reads a failed answer (Dfns's error shapes, `Retry-After`, a body that is not
 * JSON), in a chunk of its own: a page loads without it, and each request asks for it as it starts.
 */
const errorPath = lazyPart(() => import('./errorFromResponse'));

/** The error path's code, or, when its chunk cannot load (offline, a new deployment), a retryable `network_error`. */
async function errorPathFor(context: RequestContext, status: number): Promise<typeof import('./errorFromResponse')> {
  try {
    return await errorPath.load();
  } catch (cause) {
    throw new DfnsApiError(
      'network_error',
      `${context.method} ${context.path} answered HTTP ${status}, and the code that reads the answer could not be loaded.`,
      { ...context, status, retryable: true, cause },
    );
  }
}

/** For a 401 sent with a token whose JWT `exp` has passed: which token expired, and what to do. */
function expiredNote(status: number, auth: AuthMode, bearer: string | undefined): string {
  const expiry = status === 401 && bearer ? tokenExpiresAt(bearer) : undefined;
  if (!expiry || expiry.getTime() > Date.now()) return '';
  const at = expiry.toISOString();
  return auth === 'temporary' ? ` The init step's temporary token expired at ${at}: start again.` : ` The auth token expired at ${at}: log in again.`;
}

interface RequestContext {
  method: string;
  path: string;
}

function throwIfAborted(signal: AbortSignal | undefined, context: RequestContext): void {
  if (signal?.aborted) throw abortError(signal, context);
}

function abortError(signal: AbortSignal, context: RequestContext, cause: unknown = signal.reason): DfnsApiError {
  const endpoint = `${context.method} ${context.path}`;
  const reason: unknown = signal.reason;
  if (typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError') {
    return new DfnsApiError('timeout', `${endpoint} timed out.`, { ...context, status: 0, retryable: true, cause });
  }
  return new DfnsApiError('aborted', `${endpoint} was aborted.`, { ...context, status: 0, cause });
}

/** A rejected fetch or body read: aborted when our signal says so, whatever the error's message. */
function transportError(error: unknown, signal: AbortSignal | undefined, context: RequestContext, baseUrl: string): DfnsAuthError {
  if (error instanceof DfnsAuthError) return error;
  if (signal?.aborted) return abortError(signal, context, error);
  // The cause's own message is left out: a custom fetch may quote the full URL, query string and all.
  return new DfnsApiError(
    'network_error',
    process.env.NODE_ENV !== 'production'
      ? `${context.method} ${context.path} could not reach ${baseUrl}: check the network, the baseUrl, and that the API allows this origin (CORS).`
      : `${context.method} ${context.path} could not reach ${baseUrl}.`,
    { ...context, status: 0, retryable: true, cause: error },
  );
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text === '' ? undefined : text;
  }
}
