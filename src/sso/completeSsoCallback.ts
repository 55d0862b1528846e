import type { DfnsClient } from '../api/createDfnsClient';
import type { RequestOptions } from '../api/request';
import { completeSsoLogin } from '../api/sso';
import { safeEqualStrings } from './safeEqualStrings';
import { DfnsAuthError } from '../errors';
import type { PendingSsoLogin } from './pendingSsoLogin';
import type { SsoCallbackParams } from './takeSsoCallbackParams';

/**
 * Finishes an SSO login at `redirectUri`: refuses a `state` this tab did not issue
 * (`sso_state_invalid`) and a refusal by the provider (`sso_cancelled`), then trades `code` and
 * `state` for the token. The code never reaches Dfns unless the state is this tab's own.
 *
 * @example
 * const { token } = await completeSsoCallback(client, takeSsoCallbackParams(), takePendingSsoLogin());
 */
export async function completeSsoCallback(
  client: DfnsClient,
  params: SsoCallbackParams,
  pending: PendingSsoLogin | undefined,
  options: RequestOptions = {},
): Promise<{ token: string }> {
  if (!pending || !params.state || !safeEqualStrings(pending.state, params.state)) {
    throw new DfnsAuthError(
      'sso_state_invalid',
      pending
        ? 'The SSO callback carried a state this tab did not issue (a forged or stale link): the code was not used. Start the SSO login again.'
        : 'The SSO callback found no SSO login started in this tab (sessionStorage has none, or it is older than 15 minutes): the code was not used. Start the SSO login again.',
    );
  }
  if (params.error) {
    // The provider's error code is a fixed vocabulary word (RFC 6749), safe to name.
    throw new DfnsAuthError('sso_cancelled', `The identity provider answered error=${params.error.slice(0, 40)} instead of a code.`, { retryable: true });
  }
  if (!params.code) {
    throw new DfnsAuthError('sso_state_invalid', 'The SSO callback carried no code: start the SSO login again.');
  }
  return completeSsoLogin(client, { code: params.code, state: params.state }, options);
}
