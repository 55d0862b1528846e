import type { DfnsClient } from './createDfnsClient';

/**
 * The client's user auth token now: the token itself, or what its token function returns. An app's
 * "no token" may be null; the kit speaks of it as undefined. A token at hand (a string, or a sync
 * function's answer) resolves without an extra tick, so a request starts as soon as it did before.
 */
export function readAuthToken(client: DfnsClient): Promise<string | undefined> {
  try {
    const token = typeof client.authToken === 'function' ? client.authToken() : client.authToken;
    if (typeof token === 'string' || token === null || token === undefined) return Promise.resolve(token ?? undefined);
    return Promise.resolve(token).then((value) => value ?? undefined);
  } catch (error) {
    return Promise.reject(error);
  }
}
