'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { socialRegistrationInitMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof socialRegistrationInitMutationOptions>;

/**
 * `POST /auth/registration/social`: the end-user registration challenge for the person an id token names.
 *
 * @example
 * const init = useSocialRegistrationInit();
 * const challenge = await init.mutateAsync({ idToken });
 */
export function useSocialRegistrationInit(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useSocialRegistrationInit');
  return useEndpointMutation(socialRegistrationInitMutationOptions(client), options);
}
