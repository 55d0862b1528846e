'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { sendLoginCodeMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof sendLoginCodeMutationOptions>;

/**
 * `POST /auth/login/code`: emails the user a one-time login code.
 *
 * @example
 * useSendLoginCode().mutate({ username: 'jane@example.com' });
 */
export function useSendLoginCode(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useSendLoginCode');
  return useEndpointMutation(sendLoginCodeMutationOptions(client), options);
}
