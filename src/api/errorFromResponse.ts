import { DfnsApiError, type ApiErrorCode } from '../errors';

/** Longest stretch of a non-JSON body quoted in an error message. */
const QUOTE_LIMIT = 200;

/**
 * A non-2xx response as a `DfnsApiError`: code by status, Dfns's error id and message from the
 * current `{ error: { id, status, message } }` shape or the legacy `{ error: { message } }` /
 * `{ message }` shapes, and any body (HTML, empty, text) tolerated.
 */
export function errorFromResponse(
  status: number,
  text: string,
  context: { method: string; path: string },
  /** A sentence that says more than the status can, e.g. that the token sent had expired. */
  note = '',
  /** The response's `Retry-After` header, if any. */
  retryAfter: string | null = null,
): DfnsApiError {
  const code = codeForStatus(status);
  const endpoint = `${context.method} ${context.path}`;
  let body: unknown;
  let json = true;
  try {
    body = JSON.parse(text);
  } catch {
    json = false;
    body = text === '' ? undefined : text;
  }
  const { errorId, apiMessage } = json ? readDfnsError(body) : { errorId: undefined, apiMessage: undefined };
  const detail = json ? (apiMessage ?? 'no error message in the body') : describeNonJson(text);
  const id = errorId === undefined ? '' : ` (Dfns error id ${errorId})`;
  // The hint is for a developer: production keeps the status, Dfns's message and its error id.
  const hint = note || (process.env.NODE_ENV !== 'production' ? (HINTS[code] ?? '') : '');
  return new DfnsApiError(code, `${endpoint} failed with HTTP ${status}: ${detail}${id}.${hint}`, {
    ...context,
    status,
    errorId,
    apiMessage,
    body,
    retryable: code === 'rate_limited' || code === 'server_error',
    retryAfterMs: retryAfterMs(retryAfter),
  });
}

/** Longest wait a `Retry-After` may ask for that the kit passes on: a day. Beyond is no countdown. */
const MAX_RETRY_AFTER_MS = 86_400_000;

/**
 * A `Retry-After` header (RFC 9110: delta-seconds or an HTTP date) as milliseconds from now; 0 for
 * a date already past; undefined when missing, unreadable or longer than a day.
 */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  const value = header?.trim() ?? '';
  if (value === '') return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : /[a-z]/i.test(value) ? Date.parse(value) - now : Number.NaN;
  if (!Number.isFinite(ms) || ms > MAX_RETRY_AFTER_MS) return undefined;
  return Math.max(0, ms);
}

/** The error code for an HTTP status. */
export function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'http_error';
}

/** What a body that is not JSON looked like, quoting the start of plain text (never HTML). */
export function describeNonJson(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'the body was empty';
  if (trimmed.startsWith('<')) {
    return process.env.NODE_ENV !== 'production' ? 'the body was HTML, not JSON (often a proxy, gateway or CDN error page)' : 'the body was HTML, not JSON';
  }
  const quote = trimmed.length > QUOTE_LIMIT ? `${trimmed.slice(0, QUOTE_LIMIT)}…` : trimmed;
  return `the body was not JSON: ${JSON.stringify(quote)}`;
}

/** What a developer can check for a status (development builds only). */
const HINTS: Partial<Record<ApiErrorCode, string>> = {
  unauthorized: ' Check that the auth token is set, not expired, and from the same Dfns region as baseUrl.',
  forbidden: ' The token lacks a permission, or the user action signature is missing, invalid or already used.',
  rate_limited: ' Too many requests: retry later with backoff.',
};

function readDfnsError(body: unknown): { errorId: string | undefined; apiMessage: string | undefined } {
  if (!isRecord(body)) return { errorId: undefined, apiMessage: undefined };
  const error = body['error'];
  let errorId: string | undefined;
  let apiMessage: string | undefined;
  if (isRecord(error)) {
    const id = error['id'];
    if (typeof id === 'string' || typeof id === 'number') errorId = String(id);
    if (typeof error['message'] === 'string') apiMessage = error['message'];
  } else if (typeof error === 'string') {
    apiMessage = error;
  }
  if (apiMessage === undefined && typeof body['message'] === 'string') apiMessage = body['message'];
  return { errorId, apiMessage };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
