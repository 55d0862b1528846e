import { DfnsApiError } from '../errors';
import { describeIssues } from '../api/describeIssues';
import type { Schema } from '../api/validators';

/**
 * Checks a value that came from the customer's backend (a delegated challenge) with `schema`;
 * throws an `invalid_response` error (naming the field in development builds) when it does not fit.
 */
export function checkRelayed<T>(source: string, schema: Schema<T>, value: unknown): T {
  const result = schema.check(value);
  if (!result.issues) return result.value;
  // Which field is wrong is for the developer (development builds only, as in `sendRequest`).
  const detail = process.env.NODE_ENV !== 'production' ? `: ${describeIssues(result.issues)}` : '.';
  throw new DfnsApiError('invalid_response', `${source} returned an invalid challenge${detail}`, {
    status: 200,
    method: 'RELAY',
    path: source,
  });
}
