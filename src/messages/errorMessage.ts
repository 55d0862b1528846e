/** The user-facing text for any error the kit reports. */
import { DfnsApiError, isDfnsAuthError } from '../errors';
import type { DfnsMessages } from './types';

/**
 * The message to show a user for `error`: the catalogue's text for its code (`unknown_error`
 * for anything that is not a kit error), plus Dfns's error id for support when there is one.
 * Never `error.message`, which is written for developers.
 * @example
 * <p role="alert">{errorMessage(messages, state.error)}</p>
 */
export function errorMessage(messages: DfnsMessages, error: unknown): string {
  if (!isDfnsAuthError(error)) return messages.errors.unknown_error;
  const text = messages.errors[error.code];
  return error instanceof DfnsApiError && error.errorId ? `${text} ${messages.errorReference({ errorId: error.errorId })}` : text;
}
