'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { recoverUserMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof recoverUserMutationOptions>;

/**
 * `POST /auth/recover/user`: replaces every credential of the user, signed with the old recovery key.
 *
 * @example
 * const recover = useRecoverUser();
 * recover.mutate({ temporaryAuthenticationToken, body: { recovery, newCredentials } });
 */
export function useRecoverUser(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useRecoverUser');
  return useEndpointMutation(recoverUserMutationOptions(client), options);
}
