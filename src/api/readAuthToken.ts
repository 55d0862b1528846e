import type { DfnsClient } from './createDfnsClient';

/** The client's user auth token now: the token itself, or what its token function returns. */
export async function readAuthToken(client: DfnsClient): Promise<string | undefined> {
  return typeof client.authToken === 'function' ? client.authToken() : client.authToken;
}
