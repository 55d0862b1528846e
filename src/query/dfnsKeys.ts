import type { DfnsClient } from '../api/createDfnsClient';

/**
 * Query and mutation keys of the kit. Queries are scoped by API and organisation, never by token:
 * a token is a secret and must not end up in a cache key (devtools and persisters print keys).
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: dfnsKeys.credentials(client) });
 */
export const dfnsKeys = {
  all: ['dfns'] as const,
  scope: (client: DfnsClient) => ['dfns', client.baseUrl, client.orgId ?? null] as const,
  credentials: (client: DfnsClient) => [...dfnsKeys.scope(client), 'credentials'] as const,
  mutation: (name: string) => ['dfns', 'mutation', name] as const,
};
