import type { DfnsAuthError } from '../../errors';

/**
 * How long from now the server asked to wait before a retry (`Retry-After` of a 429), in
 * milliseconds (0 once that time has passed), or `undefined` when it did not say. Read structurally, so any kit error works:
 * `retryAt` (a Date) first, which already counts the time since the answer, then `retryAfterMs`.
 * @example retryDelay(error) // 30000
 */
export function retryDelay(error: DfnsAuthError, now: number = Date.now()): number | undefined {
  const fields = error as unknown as { retryAt?: unknown; retryAfterMs?: unknown; retryAfter?: unknown };
  const ms =
    fields.retryAt instanceof Date
      ? fields.retryAt.getTime() - now
      : typeof fields.retryAfterMs === 'number'
      ? fields.retryAfterMs
      : typeof fields.retryAfter === 'number'
        ? fields.retryAfter * 1000
        : undefined;
  // A time already past says "now" (0), which is not the same as saying nothing (undefined).
  return ms !== undefined && Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}
