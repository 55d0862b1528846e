'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { endUserRegistrationMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof endUserRegistrationMutationOptions>;

/**
 * `POST /auth/registration/enduser`: registers an end user with wallets and returns a logged-in token.
 *
 * @example
 * const register = useEndUserRegistration({ onSuccess: ({ authentication }) => setToken(authentication.token) });
 */
export function useEndUserRegistration(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useEndUserRegistration');
  return useEndpointMutation(endUserRegistrationMutationOptions(client), options);
}
