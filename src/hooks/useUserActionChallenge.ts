'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { userActionChallengeMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof userActionChallengeMutationOptions>;

/**
 * `POST /auth/action/init`: the challenge that signs one state-changing request.
 *
 * @example
 * useUserActionChallenge().mutate({ userActionHttpMethod: 'POST', userActionHttpPath: '/wallets', userActionPayload: body });
 */
export function useUserActionChallenge(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useUserActionChallenge');
  return useEndpointMutation(userActionChallengeMutationOptions(client), options);
}
