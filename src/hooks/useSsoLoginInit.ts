'use client';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { ssoLoginInitMutationOptions } from '../query/mutationOptions';
import { useEndpointMutation, type EndpointHookOptions } from './useEndpointMutation';

type Options = ReturnType<typeof ssoLoginInitMutationOptions>;

/**
 * `POST /auth/login/sso/init`: the organisation's identity-provider page to send the browser to.
 *
 * @example
 * const init = useSsoLoginInit({ onSuccess: ({ ssoRedirectUrl }) => location.assign(ssoRedirectUrl) });
 */
export function useSsoLoginInit(
  options?: EndpointHookOptions<Awaited<ReturnType<Options['mutationFn']>>, Parameters<Options['mutationFn']>[0]>,
) {
  const { client } = useDfnsAuth('useSsoLoginInit');
  return useEndpointMutation(ssoLoginInitMutationOptions(client), options);
}
