import type { DfnsClient } from './createDfnsClient';
import { sendThroughChunk } from './requestPart';

/**
 * The same client with its auth token fixed to `token`: what is fetched with it belongs to the
 * user that token was issued to, even if the app's token function moves on to another user
 * while the request is in flight.
 */
export function withAuthToken(client: DfnsClient, token: string): DfnsClient {
  const pinned: DfnsClient = { ...client, authToken: token, request: (request) => sendThroughChunk(pinned, request) };
  return pinned;
}
