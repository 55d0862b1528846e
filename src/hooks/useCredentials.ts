'use client';
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { dfnsKeys } from '../query/dfnsKeys';
import type { CredentialListResponse } from '../api/types';
import type { DfnsAuthError } from '../errors';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { warnDeveloper } from '../provider/warnDeveloper';
import { credentialsQueryOptions } from '../query/credentialsQueryOptions';
import { useDfnsUserId } from './useDfnsUserId';

/**
 * `GET /auth/credentials`: the logged-in user's credentials, refreshed after create, activate and
 * deactivate. Cached per Dfns user (read from the auth token at each render), so when another
 * user signs in on the same QueryClient the previous user's list is never shown.
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
  const userId = useDfnsUserId(client);
  const query = credentialsQueryOptions(client, userId ?? null);
  // Until an async token function answers, the user is unknown: fetch nothing, show nothing.
  const result = useQuery({ ...query, ...options, ...(userId === undefined ? { enabled: false } : {}) });
  // A query's error reaches the UI here, not through a flow: tell the developer what to fix.
  const { error } = result;
  useEffect(() => {
    if (error) warnDeveloper(error);
  }, [error]);
  return result;
}
