'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { userActionSignatureMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof userActionSignatureMutationOptions>;

/**
 * `POST /auth/action`: exchanges a signed user action challenge for a single-use user action token.
 *
 * @example
 * useUserActionSignature().mutate({ challengeIdentifier, firstFactor });
 */
export function useUserActionSignature(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useUserActionSignature');
  return useEndpointMutation(userActionSignatureMutationOptions(client), options);
}
