/** `type` of a key-style credential's client data: creating a credential or signing with one. */
export type KeyClientDataType = 'key.create' | 'key.get';

/** Options of `keyClientData`. */
export interface KeyClientDataOptions {
  /** The page origin; when given, `origin` and `crossOrigin: false` are added, as Dfns's apps do. */
  origin?: string | undefined;
}

/**
 * The client data JSON string of a key-style credential: compact, keys in the order
 * `type, challenge[, origin, crossOrigin]`, the challenge string verbatim (never re-encoded).
 * @example keyClientData('key.get', challenge.challenge) // '{"type":"key.get","challenge":"ch-…"}'
 */
export function keyClientData(type: KeyClientDataType, challenge: string, options: KeyClientDataOptions = {}): string {
  const data: { type: KeyClientDataType; challenge: string; origin?: string; crossOrigin?: false } = { type, challenge };
  if (options.origin !== undefined) {
    data.origin = options.origin;
    data.crossOrigin = false;
  }
  return JSON.stringify(data);
}

/** The page origin when there is a page (`location.origin`), else `undefined` (Node, workers without one). */
export function currentOrigin(): string | undefined {
  const location = (globalThis as { location?: { origin?: unknown } }).location;
  return typeof location?.origin === 'string' && location.origin !== 'null' ? location.origin : undefined;
}
