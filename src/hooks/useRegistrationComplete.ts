'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { registrationCompleteMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof registrationCompleteMutationOptions>;

/**
 * `POST /auth/registration`: registers the new credentials with the init step's temporary token.
 *
 * @example
 * const complete = useRegistrationComplete();
 * complete.mutate({ temporaryAuthenticationToken, credentials: { firstFactorCredential } });
 */
export function useRegistrationComplete(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useRegistrationComplete');
  return useEndpointMutation(registrationCompleteMutationOptions(client), options);
}
