'use client';
import { delegatedRecoveryInitMutationOptions, type DelegatedRecoveryRelay } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';
import type { RecoveryChallenge } from '../api/types';

/**
 * Delegated recovery init, relayed through your backend: `getChallenge` calls your server, which
 * verified the user and called `POST /auth/recover/user/delegated` as a service account. The
 * answer is validated like a Dfns response.
 *
 * @example
 * const init = useDelegatedRecoveryInit({
 *   getChallenge: (params) => fetch('/api/recover', { method: 'POST', body: JSON.stringify(params) }).then((r) => r.json()),
 * });
 * init.mutate({ username, credentialId: recoveryKeyId });
 */
export function useDelegatedRecoveryInit(
  options: { getChallenge: DelegatedRecoveryRelay } & EndpointHookOptions<
    RecoveryChallenge,
    { username: string; credentialId: string }
  >,
) {
  const { getChallenge, ...rest } = options;
  return useEndpointMutation(delegatedRecoveryInitMutationOptions(getChallenge), rest);
}
