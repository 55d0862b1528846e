'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { logoutMutationOptions } from '../query/mutationOptions';
import { dfnsKeys } from '../query/dfnsKeys';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof logoutMutationOptions>;

/**
 * `PUT /auth/logout`: ends the session (all sessions with `allSessions`), and drops the kit's cached queries.
 *
 * @example
 * const logout = useLogout({ onSuccess: () => setToken(undefined) });
 * logout.mutate({});
 */
export function useLogout(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useLogout');
  return useEndpointMutation(logoutMutationOptions(client), options, (queryClient) => queryClient.removeQueries({ queryKey: dfnsKeys.scope(client) }));
}
