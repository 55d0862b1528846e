import type { DfnsClient } from './createDfnsClient';

/** The client's user auth token now: the token itself, or what its token function returns. */
export async function readAuthToken(client: DfnsClient): Promise<string | undefined> {
  // An app's "no token" may be null; the kit speaks of it as undefined.
  return (await (typeof client.authToken === 'function' ? client.authToken() : client.authToken)) ?? undefined;
}
