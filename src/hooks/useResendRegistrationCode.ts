'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { resendRegistrationCodeMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof resendRegistrationCodeMutationOptions>;

/**
 * `PUT /auth/registration/code`: emails the user a new registration code.
 *
 * @example
 * useResendRegistrationCode().mutate({ username: 'jane@example.com' });
 */
export function useResendRegistrationCode(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useResendRegistrationCode');
  return useEndpointMutation(resendRegistrationCodeMutationOptions(client), options);
}
