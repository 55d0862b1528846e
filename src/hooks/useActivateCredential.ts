'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { activateCredentialMutationOptions } from '../query/mutationOptions';
import { dfnsKeys } from '../query/dfnsKeys';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof activateCredentialMutationOptions>;

/**
 * `PUT /auth/credentials/activate` (user action signed), then refreshes `useCredentials`.
 *
 * @example
 * useActivateCredential().mutate({ credentialUuid, userAction });
 */
export function useActivateCredential(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useActivateCredential');
  return useEndpointMutation(activateCredentialMutationOptions(client), options, (queryClient) => queryClient.invalidateQueries({ queryKey: dfnsKeys.credentials(client) }));
}
