'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { sendRecoveryCodeMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof sendRecoveryCodeMutationOptions>;

/**
 * `POST /auth/recover/user/code`: emails the user the verification code that starts recovery.
 *
 * @example
 * useSendRecoveryCode().mutate({ username: 'jane@example.com' });
 */
export function useSendRecoveryCode(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useSendRecoveryCode');
  return useEndpointMutation(sendRecoveryCodeMutationOptions(client), options);
}
