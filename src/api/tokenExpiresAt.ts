import { jwtPayload } from './jwtPayload';

/**
 * When a Dfns token (auth token, `temporaryAuthenticationToken`) expires, from its JWT `exp`
 * claim; undefined when the token is not a JWT or has no expiry. Dfns does not publish token
 * lifetimes, so an app can use this to log the user in again before requests start failing.
 * @example if ((tokenExpiresAt(token)?.getTime() ?? Infinity) < Date.now() + 60_000) promptLogin();
 */
export function tokenExpiresAt(token: string): Date | undefined {
  const exp = jwtPayload(token)?.['exp'];
  return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000) : undefined;
}
