import { jwtPayload } from './jwtPayload';

/** The claim of a Dfns auth token that holds the org and user ids. */
const APP_METADATA = 'https://custom/app_metadata';

/**
 * The Dfns user id (`us-…`) an auth token was issued to, read from its JWT payload; undefined when
 * the token is not a Dfns JWT. Dfns has no "who am I" endpoint and documents reading the token
 * instead. The signature is not checked: the id only addresses this user's own passkeys.
 */
export function dfnsUserIdOf(token: string): string | undefined {
  const metadata = jwtPayload(token)?.[APP_METADATA];
  const userId = typeof metadata === 'object' && metadata !== null ? (metadata as { userId?: unknown }).userId : undefined;
  return typeof userId === 'string' && userId !== '' ? userId : undefined;
}
