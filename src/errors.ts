/**
 * The kit's errors. Every error the kit throws or reports is a `DfnsAuthError` with a stable
 * string `code` (for UI and analytics), `retryable`, and the original error as `cause`.
 * `message` is for developers and names the fix; user-facing copy comes from `messages.ts`.
 */

/** Codes of errors from talking to the Dfns API. */
export type ApiErrorCode =
  | 'network_error'
  | 'aborted'
  | 'timeout'
  | 'invalid_response'
  | 'policy_pending'
  | 'http_error'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server_error'
  /** `/auth/login` answered `{ ssoClientId }`: this user must sign in through the organisation's SSO. */
  | 'sso_required'
  /** The app's `getIdToken()` gave no id token (the person closed the provider's sign-in, or it failed). */
  | 'id_token_unavailable'
  /** Dfns refused the id token (expired, for another app, from an issuer the org does not allow, or badly signed). */
  | 'id_token_refused'
  /** The page at the SSO `redirectUri` got a `state` this tab did not issue (forged or stale link): its code is not used. */
  | 'sso_state_invalid'
  /** The organisation's identity provider answered with an error (the person cancelled) instead of a code. */
  | 'sso_cancelled';

/** Codes of errors from the browser's passkey ceremony. */
export type PasskeyErrorCode =
  | 'webauthn_unsupported'
  | 'passkey_cancelled'
  | 'passkey_already_registered'
  | 'passkey_invalid_domain'
  | 'passkey_blocked_in_frame'
  | 'passkey_aborted'
  | 'passkey_no_user_gesture'
  /** The organisation asks for a platform passkey (built-in) and this browser or device has none. */
  | 'passkey_platform_unavailable'
  | 'passkey_failed';

/** Codes of errors from recovery keys and key credentials. */
export type RecoveryErrorCode =
  | 'recovery_code_malformed'
  | 'recovery_code_invalid'
  | 'recovery_key_not_found'
  | 'password_invalid'
  | 'credential_not_allowed';

/** Codes of a one-time credential code typed on a new device (`<AddPasskeyWithCode/>`). */
export type CredentialCodeErrorCode =
  /** Not a code Dfns made: mistyped, or not the shape of one (`A7U-KY6-9PT`). */
  | 'credential_code_invalid'
  /** A real code, but its minute is over or it was already used: a new one is needed. */
  | 'credential_code_expired';

/** Codes of errors from how the kit was set up or called. */
export type ConfigErrorCode = 'config_error' | 'invalid_input' | 'unknown_error';

/** Every error code the kit reports. */
export type DfnsAuthErrorCode = ApiErrorCode | PasskeyErrorCode | RecoveryErrorCode | CredentialCodeErrorCode | ConfigErrorCode;

/** Options shared by every kit error. */
export interface DfnsAuthErrorOptions {
  cause?: unknown;
  retryable?: boolean;
}

/** Base class of every error the kit throws; narrow on `code`. */
export class DfnsAuthError extends Error {
  override name: string = 'DfnsAuthError';
  readonly code: DfnsAuthErrorCode;
  /** Whether trying the same step again (with a fresh challenge) can succeed. */
  readonly retryable: boolean;

  constructor(code: DfnsAuthErrorCode, message: string, options: DfnsAuthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

/** Parsed body of a Dfns error response: `{ error: { id, status, message, details } }`. */
export interface DfnsErrorBody {
  id?: string | undefined;
  status?: number | undefined;
  message?: string | undefined;
  details?: unknown;
}

/** Options of a `DfnsApiError`. */
export interface DfnsApiErrorOptions extends DfnsAuthErrorOptions {
  status: number;
  /** Dfns's error id (`error.id`), quoted in support requests. */
  errorId?: string | undefined;
  /** Dfns's own message (`error.message`), when the body carried one. */
  apiMessage?: string | undefined;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body?: unknown;
  /** From a `Retry-After` header: how long to wait, in milliseconds, counted from the answer. */
  retryAfterMs?: number | undefined;
  method: string;
  /** Path of the request (never the query string, which could carry a secret). */
  path: string;
}

/** A non-2xx answer from the Dfns API (and `invalid_response` for a malformed 2xx). */
export class DfnsApiError extends DfnsAuthError {
  override name: string = 'DfnsApiError';
  readonly status: number;
  readonly errorId: string | undefined;
  readonly apiMessage: string | undefined;
  readonly body: unknown;
  readonly method: string;
  readonly path: string;
  /**
   * How long the API asked to wait before trying again (`Retry-After` of a 429 or 503, seconds or
   * an HTTP date), in milliseconds from the answer; undefined without a readable header.
   */
  readonly retryAfterMs: number | undefined;
  /** When trying again may succeed (`retryAfterMs` after the answer), e.g. for a countdown. */
  readonly retryAt: Date | undefined;

  constructor(code: ApiErrorCode, message: string, options: DfnsApiErrorOptions) {
    super(code, message, options);
    this.status = options.status;
    this.errorId = options.errorId;
    this.apiMessage = options.apiMessage;
    this.body = options.body;
    this.retryAfterMs = options.retryAfterMs;
    this.retryAt = options.retryAfterMs === undefined ? undefined : new Date(Date.now() + options.retryAfterMs);
    this.method = options.method;
    this.path = options.path;
  }
}

/** HTTP 202: the request triggered a policy and awaits approval. Not a failure. */
export class PolicyPendingError extends DfnsApiError {
  override name: string = 'PolicyPendingError';
  /** The approval or pending object Dfns returned, when the body was JSON. */
  readonly pending: unknown;

  constructor(message: string, options: Omit<DfnsApiErrorOptions, 'status'>) {
    super('policy_pending', message, { ...options, status: 202, retryable: false });
    this.pending = options.body;
  }
}

/** The browser's passkey ceremony failed; made only by `toPasskeyError`. */
export class PasskeyError extends DfnsAuthError {
  override name: string = 'PasskeyError';
  declare readonly code: PasskeyErrorCode;

  constructor(code: PasskeyErrorCode, message: string, options: DfnsAuthErrorOptions = {}) {
    super(code, message, options);
  }
}

/** A recovery code, recovery key, password or key credential could not be used. */
export class RecoveryError extends DfnsAuthError {
  override name: string = 'RecoveryError';
  declare readonly code: RecoveryErrorCode;

  constructor(code: RecoveryErrorCode, message: string, options: DfnsAuthErrorOptions = {}) {
    super(code, message, options);
  }
}

/** True for any error the kit made. */
export function isDfnsAuthError(error: unknown): error is DfnsAuthError {
  return error instanceof DfnsAuthError;
}

/** Any thrown value as a kit error: kit errors pass through, anything else is wrapped as its `cause`. */
export function toDfnsAuthError(error: unknown): DfnsAuthError {
  if (error instanceof DfnsAuthError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DfnsAuthError('unknown_error', `Unexpected error: ${message}`, { cause: error });
}
