import type { DfnsClient } from '../api/createDfnsClient';
import type { RequestOptions } from '../api/request';
import { initSsoLogin } from '../api/sso';
import { savePendingSsoLogin, stateOfSsoRedirectUrl } from './pendingSsoLogin';

/**
 * Starts an SSO login: asks Dfns for the identity provider's page, remembers its `state` for the
 * page at `redirectUri` (see `PendingSsoLogin`), and leaves for it with `navigate`.
 *
 * @example
 * await startSsoLogin(client, { clientId: ssoClientId, redirectUri: `${location.origin}/sso` });
 */
export async function startSsoLogin(
  client: DfnsClient,
  params: { clientId: string; redirectUri: string; orgId?: string | undefined },
  options: RequestOptions & { navigate?: ((url: string) => void) | undefined } = {},
): Promise<void> {
  const { ssoRedirectUrl } = await initSsoLogin(client, params, options);
  const state = stateOfSsoRedirectUrl(ssoRedirectUrl);
  savePendingSsoLogin({ state, clientId: params.clientId, redirectUri: params.redirectUri, orgId: params.orgId, createdAt: Date.now() });
  (options.navigate ?? ((url: string) => window.location.assign(url)))(ssoRedirectUrl);
}
