import { DfnsAuthError } from '../errors';
import type { DfnsClient } from './createDfnsClient';
import type { RequestOptions } from './request';
import { resolveOrgId } from './resolveOrgId';
import { ssoInitResultSchema, tokenResultSchema } from './schemas';

/** Answer of `POST /auth/login/sso/init`: where to send the browser. */
export interface SsoInitResult {
  ssoRedirectUrl: string;
  [field: string]: unknown;
}

/**
 * `POST /auth/login/sso/init` (no auth): the organisation's identity-provider page to send the
 * browser to; it comes back to `redirectUri` with `code` and `state`.
 *
 * @example
 * const { ssoRedirectUrl } = await initSsoLogin(client, { clientId: ssoClientId, redirectUri: `${location.origin}/sso` });
 */
export async function initSsoLogin(
  client: DfnsClient,
  params: { clientId: string; redirectUri: string; orgId?: string | undefined },
  options: RequestOptions = {},
): Promise<SsoInitResult> {
  const endpoint = 'POST /auth/login/sso/init';
  if (!params.clientId) throw new DfnsAuthError('invalid_input', `${endpoint} needs the SSO clientId (the ssoClientId POST /auth/login answered).`);
  if (!/^https?:\/\//i.test(params.redirectUri ?? '')) {
    throw new DfnsAuthError('invalid_input', `${endpoint} needs an absolute http(s) redirectUri, the page that completes the login (got "${String(params.redirectUri)}").`);
  }
  return client.request({
    method: 'POST',
    path: '/auth/login/sso/init',
    auth: 'none',
    body: { orgId: resolveOrgId(client, params.orgId, endpoint), clientId: params.clientId, redirectUri: params.redirectUri },
    schema: ssoInitResultSchema(),
    signal: options.signal,
  });
}

/**
 * `POST /auth/login/sso` (no auth): trades the `code` and `state` the identity provider returned
 * to `redirectUri` for the user's `{ token }`. The code is single-use.
 *
 * @example
 * const { token } = await completeSsoLogin(client, { code, state });
 */
export async function completeSsoLogin(
  client: DfnsClient,
  params: { code: string; state: string },
  options: RequestOptions = {},
): Promise<{ token: string }> {
  if (!params.code || !params.state) {
    throw new DfnsAuthError('invalid_input', 'POST /auth/login/sso needs the code and state the identity provider returned to your redirectUri.');
  }
  return client.request({
    method: 'POST',
    path: '/auth/login/sso',
    auth: 'none',
    body: { code: params.code, state: params.state },
    schema: tokenResultSchema(),
    signal: options.signal,
  });
}
