'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { socialLoginMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof socialLoginMutationOptions>;

/**
 * `POST /auth/login/social`: trades an OIDC id token for the user's token; a user Dfns does not know answers 401.
 *
 * @example
 * const login = useSocialLogin({ onSuccess: ({ token }) => setToken(token) });
 */
export function useSocialLogin(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useSocialLogin');
  return useEndpointMutation(socialLoginMutationOptions(client), options);
}
