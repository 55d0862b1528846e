import type { DfnsClient } from '../api/createDfnsClient';

/**
 * Query and mutation keys of the kit. Queries are scoped by API and organisation, and a user's
 * data by the Dfns user id the auth token was issued to (`dfnsUserIdOf`), so one user's cached
 * list is never shown to the next user who signs in on the same QueryClient. Never by the token:
 * a token is a secret and must not end up in a cache key (devtools and persisters print keys).
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: dfnsKeys.credentials(client) }); // every user's list
 */
export const dfnsKeys = {
  all: ['dfns'] as const,
  scope: (client: DfnsClient) => ['dfns', client.baseUrl, client.orgId ?? null] as const,
  /**
   * The credential list of `userId` (`null`: a token that is not a Dfns JWT); without `userId`,
   * the prefix of every user's list (for `invalidateQueries` and `removeQueries`).
   */
  credentials: (client: DfnsClient, userId?: string | null) =>
    userId === undefined
      ? ([...dfnsKeys.scope(client), 'credentials'] as const)
      : ([...dfnsKeys.scope(client), 'credentials', userId] as const),
  mutation: (name: string) => ['dfns', 'mutation', name] as const,
};
