'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { deactivateCredentialMutationOptions } from '../query/mutationOptions';
import { dfnsKeys } from '../query/dfnsKeys';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof deactivateCredentialMutationOptions>;

/**
 * `PUT /auth/credentials/deactivate` (user action signed), then refreshes `useCredentials`.
 *
 * @example
 * useDeactivateCredential().mutate({ credentialUuid, userAction });
 */
export function useDeactivateCredential(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useDeactivateCredential');
  return useEndpointMutation(deactivateCredentialMutationOptions(client), options, (queryClient) => queryClient.invalidateQueries({ queryKey: dfnsKeys.credentials(client) }));
}
