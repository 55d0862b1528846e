import type { UseQueryOptions } from '@tanstack/react-query';
import type { DfnsClient } from '../api/createDfnsClient';
import { listCredentials } from '../api/credentials';
import type { CredentialListResponse } from '../api/types';
import type { DfnsAuthError } from '../errors';
import { dfnsKeys } from './dfnsKeys';

/**
 * Options of the credential list query (`GET /auth/credentials`). Retries only what can pass on
 * a second try (network, 429, 5xx), at most twice.
 */
export function credentialsQueryOptions(
  client: DfnsClient,
): UseQueryOptions<CredentialListResponse, DfnsAuthError, CredentialListResponse, ReturnType<typeof dfnsKeys.credentials>> {
  return {
    queryKey: dfnsKeys.credentials(client),
    queryFn: ({ signal }) => listCredentials(client, { signal }),
    retry: (failureCount, error) => error.retryable && failureCount < 2,
  };
}
