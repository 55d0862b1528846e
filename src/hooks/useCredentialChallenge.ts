'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { credentialChallengeMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof credentialChallengeMutationOptions>;

/**
 * `POST /auth/credentials/init`: the challenge a new credential of the given kind signs.
 *
 * @example
 * const challenge = useCredentialChallenge();
 * challenge.mutate({ kind: 'Fido2' });
 */
export function useCredentialChallenge(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useCredentialChallenge');
  return useEndpointMutation(credentialChallengeMutationOptions(client), options);
}
