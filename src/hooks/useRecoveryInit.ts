'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { recoveryInitMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof recoveryInitMutationOptions>;

/**
 * `POST /auth/recover/user/init`: the recovery challenge, after the emailed verification code.
 *
 * @example
 * const init = useRecoveryInit();
 * init.mutate({ username, verificationCode, credentialId: recoveryKeyId });
 */
export function useRecoveryInit(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useRecoveryInit');
  return useEndpointMutation(recoveryInitMutationOptions(client), options);
}
