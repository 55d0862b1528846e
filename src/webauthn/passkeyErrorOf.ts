import { PasskeyError } from '../errors';
import { lazyPart } from '../lazyPart';
import type { PasskeyErrorContext } from './toPasskeyError';

/**
 * The code that reads a failed ceremony (`toPasskeyError`, `platformUnavailableError`), in a chunk
 * of its own: a page loads without it. A ceremony preloads it once its prompt is open (seconds), so
 * it is in when the ceremony fails; no import sits between a click and the prompt.
 */
export const passkeyErrors = lazyPart(() => import('./toPasskeyError'));

/**
 * `toPasskeyError` from its chunk. The caller measures `context.elapsedMs` at the failure, before
 * this awaits. When the chunk cannot arrive (offline, a new deployment), the failure is still a
 * typed retryable `PasskeyError`: `passkey_failed` (`passkey_aborted` once the signal aborted),
 * with the ceremony's error as `cause`.
 */
export async function passkeyErrorOf(error: unknown, context: PasskeyErrorContext): Promise<PasskeyError> {
  if (error instanceof PasskeyError) return error;
  try {
    return (await passkeyErrors.load()).toPasskeyError(error, context);
  } catch {
    const code = context.signal?.aborted === true ? 'passkey_aborted' : 'passkey_failed';
    return new PasskeyError(code, `Passkey ceremony failed: ${code}, rp id "${context.rpId}"; the code that reads the failure could not be loaded.`, {
      cause: error,
      retryable: true,
    });
  }
}
