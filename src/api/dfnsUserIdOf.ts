import { base64urlToUtf8 } from '../encoding/base64url';

/** The claim of a Dfns auth token that holds the org and user ids. */
const APP_METADATA = 'https://custom/app_metadata';

/**
 * The Dfns user id (`us-…`) an auth token was issued to, read from its JWT payload; undefined when
 * the token is not a Dfns JWT. Dfns has no "who am I" endpoint and documents reading the token
 * instead. The signature is not checked: the id only addresses this user's own passkeys.
 */
export function dfnsUserIdOf(token: string): string | undefined {
  try {
    const payload: unknown = JSON.parse(base64urlToUtf8(token.split('.')[1] ?? ''));
    const userId = (payload as Record<string, { userId?: unknown } | undefined>)[APP_METADATA]?.userId;
    return typeof userId === 'string' && userId !== '' ? userId : undefined;
  } catch {
    return undefined;
  }
}
