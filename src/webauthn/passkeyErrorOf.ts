import { PasskeyError } from '../errors';
import { lazyPart } from '../lazyPart';
import type { PasskeyErrorContext } from './toPasskeyError';

/**
 * The code that reads a failed ceremony (`toPasskeyError`, `platformUnavailableError`), in a chunk
 * of its own: a page loads without it, and a ceremony asks for it once its prompt is open.
 */
const passkeyErrors = lazyPart(() => import('./toPasskeyError'));

/** The failure-reading code (loaded once; asked for again after a failed load). */
export const loadPasskeyErrors = (): Promise<typeof import('./toPasskeyError')> => passkeyErrors.load();

/**
 * Starts loading the failure's code while the prompt is open (seconds), so that it is in when the
 * ceremony fails. Called after the ceremony started: no import sits between a click and the prompt.
 */
export function preloadPasskeyErrors(): void {
  passkeyErrors.preload();
}

/**
 * `toPasskeyError` from its chunk. The caller measures `context.elapsedMs` at the failure, before
 * this awaits. When the chunk cannot arrive (offline, a new deployment), the failure is still a
 * typed retryable `PasskeyError`: `passkey_failed` (`passkey_aborted` once the signal aborted),
 * with the ceremony's error as `cause`.
 */
export async function passkeyErrorOf(error: unknown, context: PasskeyErrorContext): Promise<PasskeyError> {
  if (error instanceof PasskeyError) return error;
  try {
    return (await loadPasskeyErrors()).toPasskeyError(error, context);
  } catch {
    const code = context.signal?.aborted === true ? 'passkey_aborted' : 'passkey_failed';
    return new PasskeyError(code, `Passkey ceremony failed: ${code}, rp id "${context.rpId}"; the code that reads the failure could not be loaded.`, {
      cause: error,
      retryable: true,
    });
  }
}
