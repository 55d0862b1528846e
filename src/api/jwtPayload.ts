/**
 * The payload of a JWT as an object, or undefined when `token` is not one. The signature is not
 * checked: callers only read what the token says about itself (its user, its expiry). Decoded with
 * `atob` alone: the claims read are ASCII, and non-ASCII text elsewhere still parses as JSON.
 */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  try {
    const payload: unknown = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
