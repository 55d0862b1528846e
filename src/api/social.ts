import { DfnsAuthError } from '../errors';
import type { DfnsClient } from './createDfnsClient';
import type { RequestOptions } from './request';
import { resolveOrgId } from './resolveOrgId';
import { registrationChallengeSchema, tokenResultSchema } from './schemas';
import type { RegistrationChallenge } from './types';

/** What Dfns calls the kind of identity provider behind a social id token; OIDC is the only one. */
export type SocialLoginProviderKind = 'Oidc';

/** Body of the two social endpoints: the id token the app got from its identity provider. */
export interface SocialParams {
  /** The OIDC id token (a JWT) the app got from Google, Apple or any OIDC provider the org allows. */
  idToken: string;
  orgId?: string | undefined;
  /** Defaults to `'Oidc'`, the only kind Dfns knows. */
  socialLoginProviderKind?: SocialLoginProviderKind | undefined;
}

/** The body both social endpoints take; refuses an empty id token before anything is sent. */
function socialBody(client: DfnsClient, params: SocialParams, endpoint: string) {
  if (typeof params.idToken !== 'string' || params.idToken.trim() === '') {
    // Never echo the token: it is a credential for as long as it lives.
    throw new DfnsAuthError('invalid_input', `${endpoint} needs the id token your identity provider gave the user (idToken was empty).`);
  }
  return {
    socialLoginProviderKind: params.socialLoginProviderKind ?? 'Oidc',
    idToken: params.idToken,
    orgId: resolveOrgId(client, params.orgId, endpoint),
  };
}

/**
 * `POST /auth/login/social` (no auth): trades an OIDC id token for the user's `{ token }`. A user
 * Dfns does not know yet answers 401 (`unauthorized`): register them with `initSocialRegistration`.
 *
 * @example
 * const { token } = await socialLogin(client, { idToken });
 */
export async function socialLogin(client: DfnsClient, params: SocialParams, options: RequestOptions = {}): Promise<{ token: string }> {
  return client.request({
    method: 'POST',
    path: '/auth/login/social',
    auth: 'none',
    body: socialBody(client, params, 'POST /auth/login/social'),
    schema: tokenResultSchema(),
    signal: options.signal,
  });
}

/**
 * `POST /auth/registration/social` (no auth): the end-user registration challenge for the person
 * the id token names. Finish with a passkey and `completeEndUserRegistration` (which logs them in).
 *
 * @example
 * const challenge = await initSocialRegistration(client, { idToken });
 */
export async function initSocialRegistration(
  client: DfnsClient,
  params: SocialParams,
  options: RequestOptions = {},
): Promise<RegistrationChallenge> {
  return client.request({
    method: 'POST',
    path: '/auth/registration/social',
    auth: 'none',
    body: socialBody(client, params, 'POST /auth/registration/social'),
    schema: registrationChallengeSchema(),
    signal: options.signal,
  });
}
