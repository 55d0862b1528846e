'use client';
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { dfnsKeys } from '../query/dfnsKeys';
import type { CredentialListResponse } from '../api/types';
import type { DfnsAuthError } from '../errors';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { credentialsQueryOptions } from '../query/credentialsQueryOptions';

/**
 * `GET /auth/credentials`: the logged-in user's credentials, refreshed after create, activate and
 * deactivate.
 *
 * @example
 * const { data, status } = useCredentials();
 * data?.items.map((credential) => credential.name);
 */
export function useCredentials(
  options?: Omit<
    UseQueryOptions<CredentialListResponse, DfnsAuthError, CredentialListResponse, ReturnType<typeof dfnsKeys.credentials>>,
    'queryKey' | 'queryFn'
  >,
) {
  const { client } = useDfnsAuth('useCredentials');
  return useQuery({ ...credentialsQueryOptions(client), ...options });
}
