import { DfnsAuthError } from '../errors';
import type { DfnsClient } from './createDfnsClient';

/** The `orgId` given to an endpoint, else the client's; a `config_error` naming the endpoint when neither is set. */
export function resolveOrgId(client: DfnsClient, orgId: string | undefined, endpoint: string): string {
  const resolved = orgId ?? client.orgId;
  if (!resolved) {
    throw new DfnsAuthError(
      'config_error',
      // Where to pass it is for the developer (development builds only, as in `sendRequest`).
      process.env.NODE_ENV !== 'production'
        ? `${endpoint} needs an orgId: pass orgId to createDfnsClient (or the provider), or to this call.`
        : `${endpoint} needs an orgId.`,
    );
  }
  return resolved;
}
