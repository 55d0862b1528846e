import { lazyPart } from '../lazyPart';
import type { DfnsClient } from './createDfnsClient';
import type { DfnsRequest } from './request';

/**
 * The HTTP layer (`sendRequest`: headers, body, every failure as a `DfnsAuthError`) in a chunk of
 * its own: a card renders before it asks Dfns anything, and `<DfnsAuthProvider>` fetches this
 * chunk when it mounts, so the first request does not wait for it.
 */
export const requestPart = lazyPart(() => import('./request').then((module) => module.sendRequest));

/**
 * `sendRequest` through its chunk, what `client.request` runs. A chunk that cannot arrive rejects
 * as a retryable `network_error`, as an unreachable API does; the next request asks for it again.
 */
export async function sendThroughChunk<T>(client: DfnsClient, request: DfnsRequest<T>): Promise<T> {
  const sendRequest = await requestPart.load();
  return sendRequest(client, request);
}
