import { numericId } from './ids';

/** An error a route throws to answer with a Dfns-shaped error body and an HTTP status. */
export class EmulatorHttpError extends Error {
  override readonly name = 'EmulatorHttpError';
  readonly status: number;
  readonly details: Record<string, unknown>;
  /** Response headers the answer carries (e.g. `retry-after` on 429). */
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options);
    this.status = status;
    this.details = details;
    this.headers = options?.headers ?? {};
  }
}

/** The Dfns error body: `{"error":{"id","status","message","details"}}`. */
export function errorBody(status: number, message: string, details: Record<string, unknown> = {}): {
  error: { id: string; status: number; message: string; details: Record<string, unknown> };
} {
  return { error: { id: numericId(), status, message, details } };
}

/** 400 naming the invalid field. */
export const badRequest = (message: string, details: Record<string, unknown> = {}): EmulatorHttpError =>
  new EmulatorHttpError(400, message, details);
/** 401: missing, expired, revoked or wrong-flow token, or a wrong code. */
export const unauthorized = (message: string): EmulatorHttpError => new EmulatorHttpError(401, message);
/** 403: user action missing, invalid or used; a signature that does not verify; a wrong origin. */
export const forbidden = (message: string, options?: { cause?: unknown }): EmulatorHttpError =>
  new EmulatorHttpError(403, message, {}, options);
/** 404. */
export const notFound = (message: string): EmulatorHttpError => new EmulatorHttpError(404, message);
/** 429 with `Retry-After` (whole seconds, at least 1) and the same number in `details.retryAfterSeconds`. */
export const tooManyRequests = (message: string, retryAfterMs: number): EmulatorHttpError => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new EmulatorHttpError(429, message, { retryAfterSeconds: seconds }, { headers: { 'retry-after': String(seconds) } });
};
/** 409: already registered, duplicate credential. */
export const conflict = (message: string): EmulatorHttpError => new EmulatorHttpError(409, message);
