/** One line of a request summary: a top-level field of the body and a readable value. */
export interface BodySummaryEntry {
  /** The field name; empty when the body is not an object. */
  field: string;
  value: string;
}

/** Longest value shown before it is cut (with an ellipsis): a summary, not a dump. */
const MAX_VALUE_LENGTH = 120;

function readable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * A short, readable summary of a request body for a confirmation screen: one entry per
 * top-level field (nested values as compact JSON, cut when long). Empty for no body.
 * @example summariseBody({ network: 'EthereumSepolia' }) // [{ field: 'network', value: 'EthereumSepolia' }]
 */
export function summariseBody(body: unknown): BodySummaryEntry[] {
  if (body === undefined || body === '') return [];
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    return Object.entries(body as Record<string, unknown>)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => ({ field, value: readable(value) }));
  }
  return [{ field: '', value: readable(body) }];
}
