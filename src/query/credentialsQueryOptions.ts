import type { UseQueryOptions } from '@tanstack/react-query';
import type { DfnsClient } from '../api/createDfnsClient';
import { listCredentials } from '../api/credentials';
import { dfnsUserIdOf } from '../api/dfnsUserIdOf';
import { readAuthToken } from '../api/readAuthToken';
import type { CredentialListResponse } from '../api/types';
import { withAuthToken } from '../api/withAuthToken';
import { DfnsAuthError } from '../errors';
import { dfnsKeys } from './dfnsKeys';

/**
 * Options of the credential list query (`GET /auth/credentials`) of the user `userId` (what
 * `dfnsUserIdOf` reads from the auth token; `null` for a token that is not a Dfns JWT). The list
 * is fetched with the token read once, and only when that token still belongs to `userId`: a
 * list is never filed under another user's key; a list of no known user is not kept once unused.
 * Retries only what can pass on a second try (network, 429, 5xx), at most twice.
 */
export function credentialsQueryOptions(
  client: DfnsClient,
  userId: string | null,
): UseQueryOptions<CredentialListResponse, DfnsAuthError, CredentialListResponse, ReturnType<typeof dfnsKeys.credentials>> {
  return {
    queryKey: dfnsKeys.credentials(client, userId),
    queryFn: async ({ signal }) => {
      const token = await readAuthToken(client);
      if (token && (dfnsUserIdOf(token) ?? null) !== userId) {
        // The app switched users without a render in between; the next render asks for the new user's list.
        throw new DfnsAuthError(
          'unauthorized',
          'The auth token now belongs to another user than the one this credential list was requested for; render again to list the new user’s credentials.',
        );
      }
      return listCredentials(token ? withAuthToken(client, token) : client, { signal });
    },
    retry: (failureCount, error) => error.retryable && failureCount < 2,
    // No Dfns user in the token (a proxy's own session, say): the key cannot tell sessions apart,
    // so the list goes as soon as nothing shows it rather than wait for the next session.
    ...(userId === null ? { gcTime: 0 } : {}),
  };
}
