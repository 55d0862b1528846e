'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { ssoLoginMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof ssoLoginMutationOptions>;

/**
 * `POST /auth/login/sso`: trades the code and state the identity provider returned for the user's token.
 *
 * @example
 * const login = useSsoLogin({ onSuccess: ({ token }) => setToken(token) });
 */
export function useSsoLogin(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useSsoLogin');
  return useEndpointMutation(ssoLoginMutationOptions(client), options);
}
