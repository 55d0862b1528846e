import { PasskeyError } from '../errors';
import type { PasskeyErrorContext } from './toPasskeyError';

type PasskeyErrors = typeof import('./toPasskeyError');
let passkeyErrors: Promise<PasskeyErrors> | undefined;

/**
 * The code that reads a failed ceremony (`toPasskeyError`, `platformUnavailableError`), in a chunk
 * of its own: a page loads without it, and a ceremony asks for it once its prompt is open.
 */
export function loadPasskeyErrors(): Promise<PasskeyErrors> {
  passkeyErrors ??= import('./toPasskeyError').catch((cause: unknown) => {
    // Not kept: the next failed ceremony asks for the chunk again.
    passkeyErrors = undefined;
    throw cause;
  });
  return passkeyErrors;
}

/**
 * Starts loading the failure's code while the prompt is open (seconds), so that it is in when the
 * ceremony fails. Called after the ceremony started: no import sits between a click and the prompt.
 */
export function preloadPasskeyErrors(): void {
  loadPasskeyErrors().catch(() => undefined);
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
