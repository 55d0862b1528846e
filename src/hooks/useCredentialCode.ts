'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { credentialCodeMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof credentialCodeMutationOptions>;

/**
 * `POST /auth/credentials/code` (user action signed): a short-lived code to add a credential on another domain.
 *
 * @example
 * useCredentialCode().mutate({ expiration: Date.now() + 60_000, userAction });
 */
export function useCredentialCode(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useCredentialCode');
  return useEndpointMutation(credentialCodeMutationOptions(client), options);
}
