'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { loginInitMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof loginInitMutationOptions>;

/**
 * `POST /auth/login/init`: the challenge to log in with (omit `username` for a discoverable passkey).
 *
 * @example
 * const init = useLoginInit();
 * init.mutate({ username: 'jane@example.com' });
 */
export function useLoginInit(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useLoginInit');
  return useEndpointMutation(loginInitMutationOptions(client), options);
}
