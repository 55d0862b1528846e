import type { DfnsClient } from './createDfnsClient';
import type { RequestOptions } from './request';
import { resolveOrgId } from './resolveOrgId';
import { loginResultSchema, messageResultSchema, signingChallengeSchema, tokenResultSchema } from './schemas';
import type { CredentialAssertion, LoginChallenge, LoginResult, MessageResult } from './types';
import { signedRequest, type SigningOptions } from './userActions';

/**
 * `POST /auth/login/init` (no auth): the challenge to log in with. Without `username` it is the
 * usernameless flow (discoverable passkeys); `loginCode` unlocks password-protected keys.
 *
 * @example
 * const challenge = await initLogin(client, { username: 'jane@example.com' });
 */
export async function initLogin(
  client: DfnsClient,
  params: { username?: string | undefined; orgId?: string | undefined; loginCode?: string | undefined } = {},
  options: RequestOptions = {},
): Promise<LoginChallenge> {
  const orgId = resolveOrgId(client, params.orgId, 'POST /auth/login/init');
  return client.request({
    method: 'POST',
    path: '/auth/login/init',
    auth: 'none',
    body: { username: params.username, orgId, loginCode: params.loginCode },
    schema: signingChallengeSchema(),
    signal: options.signal,
  });
}

/**
 * `POST /auth/login` (no auth): trades the signed login challenge for `{ token }`, or
 * `{ ssoClientId }` when the user must log in through SSO instead.
 *
 * @example
 * const result = await completeLogin(client, { challengeIdentifier: challenge.challengeIdentifier, firstFactor });
 * if ('token' in result) session.token = result.token;
 */
export async function completeLogin(
  client: DfnsClient,
  params: { challengeIdentifier: string; firstFactor: CredentialAssertion; secondFactor?: CredentialAssertion | undefined },
  options: RequestOptions = {},
): Promise<LoginResult> {
  return client.request({
    method: 'POST',
    path: '/auth/login',
    auth: 'none',
    body: { challengeIdentifier: params.challengeIdentifier, firstFactor: params.firstFactor, secondFactor: params.secondFactor },
    schema: loginResultSchema(),
    signal: options.signal,
  });
}

/** `POST /auth/login/code` (no auth): emails the user a one-time login code (for password-protected keys). */
export async function sendLoginCode(
  client: DfnsClient,
  params: { username: string; orgId?: string | undefined },
  options: RequestOptions = {},
): Promise<MessageResult> {
  const orgId = resolveOrgId(client, params.orgId, 'POST /auth/login/code');
  return client.request({
    method: 'POST',
    path: '/auth/login/code',
    auth: 'none',
    body: { username: params.username, orgId },
    schema: messageResultSchema(),
    signal: options.signal,
  });
}

/** `PUT /auth/logout` (user token): ends this session, or every session with `allSessions`. */
export async function logout(
  client: DfnsClient,
  params: { allSessions?: boolean | undefined } = {},
  options: RequestOptions = {},
): Promise<MessageResult> {
  return client.request({
    method: 'PUT',
    path: '/auth/logout',
    auth: 'user',
    body: { allSessions: params.allSessions },
    schema: messageResultSchema(),
    signal: options.signal,
  });
}

/**
 * `POST /auth/login/delegated` (server side: service account token + user action signed with
 * `sign`): an end user's token without any passkey prompt.
 *
 * @example
 * const { token } = await delegatedLogin(serverClient, { username }, { sign: keySigner });
 */
export async function delegatedLogin(
  client: DfnsClient,
  params: { username: string },
  options: SigningOptions,
): Promise<{ token: string }> {
  return signedRequest(
    client,
    { method: 'POST', path: '/auth/login/delegated', body: { username: params.username }, schema: tokenResultSchema() },
    options,
  );
}
