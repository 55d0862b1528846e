import { jwtPayload } from './jwtPayload';

/**
 * When a Dfns token (auth token, `temporaryAuthenticationToken`) expires, from its JWT `exp`
 * claim; undefined when the token is not a JWT or has no expiry a Date can hold. Dfns does not
 * publish token
 * lifetimes, so an app can use this to log the user in again before requests start failing.
 * @example if ((tokenExpiresAt(token)?.getTime() ?? Infinity) < Date.now() + 60_000) promptLogin();
 */
export function tokenExpiresAt(token: string): Date | undefined {
  const exp = jwtPayload(token)?.['exp'];
  if (typeof exp !== 'number') return undefined;
  const at = new Date(exp * 1000);
  // An exp beyond what a Date can hold (±8.64e15 ms) is no expiry a caller can act on.
  return Number.isNaN(at.getTime()) ? undefined : at;
}
