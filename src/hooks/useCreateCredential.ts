'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { createCredentialMutationOptions } from '../query/mutationOptions';
import { dfnsKeys } from '../query/dfnsKeys';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof createCredentialMutationOptions>;

/**
 * `POST /auth/credentials` (user action signed): adds a credential, then refreshes `useCredentials`.
 *
 * @example
 * const create = useCreateCredential();
 * create.mutate({ credential, userAction });
 */
export function useCreateCredential(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useCreateCredential');
  return useEndpointMutation(createCredentialMutationOptions(client), options, (queryClient) => queryClient.invalidateQueries({ queryKey: dfnsKeys.credentials(client) }));
}
