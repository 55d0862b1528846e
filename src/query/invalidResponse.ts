import { ValiError } from 'valibot';
import { DfnsApiError } from '../errors';
import { describeIssues } from '../api/describeIssues';

/** An `invalid_response` error for a value that came from the customer's backend, naming the field. */
export function invalidResponse(source: string, error: unknown): DfnsApiError {
  const detail = error instanceof ValiError ? describeIssues(error.issues) : String(error);
  return new DfnsApiError('invalid_response', `${source} returned an invalid challenge: ${detail}`, {
    status: 200,
    method: 'RELAY',
    path: source,
    cause: error,
  });
}
