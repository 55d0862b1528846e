import { DfnsAuthError } from '../errors';

/** `JSON.stringify(body)`, or an `invalid_input` error naming the endpoint when the body is not JSON. */
export function stringifyBody(body: unknown, endpoint: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    throw new DfnsAuthError('invalid_input', `${endpoint}: the request body cannot be serialised as JSON.`, { cause: error });
  }
  if (text === undefined) throw new DfnsAuthError('invalid_input', `${endpoint}: the request body is not a JSON value.`);
  return text;
}
