'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { registrationInitMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof registrationInitMutationOptions>;

/**
 * `POST /auth/registration/init`: starts registering an invited user with their emailed code.
 *
 * @example
 * const init = useRegistrationInit();
 * init.mutate({ username: 'jane@example.com', registrationCode });
 */
export function useRegistrationInit(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useRegistrationInit');
  return useEndpointMutation(registrationInitMutationOptions(client), options);
}
