'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { loginCompleteMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof loginCompleteMutationOptions>;

/**
 * `POST /auth/login`: exchanges a signed login challenge for the user's token.
 *
 * @example
 * const complete = useLoginComplete({ onSuccess: (result) => 'token' in result && setToken(result.token) });
 */
export function useLoginComplete(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useLoginComplete');
  return useEndpointMutation(loginCompleteMutationOptions(client), options);
}
