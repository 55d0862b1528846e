import { DfnsAuthError } from '../errors';
import type { DfnsClient } from './createDfnsClient';
import type { RequestOptions } from './request';
import { resolveOrgId } from './resolveOrgId';
import {
  endUserRegistrationResultSchema,
  messageResultSchema,
  registrationChallengeSchema,
  registrationResultSchema,
} from './schemas';
import type {
  ChallengeSigner,
  EndUserRegistrationResult,
  MessageResult,
  RegistrationChallenge,
  RegistrationCredentials,
  RegistrationResult,
  WalletSpec,
} from './types';
import { signedRequest } from './userActions';

/**
 * `POST /auth/registration/init` (no auth): starts the registration of an invited user with the
 * code Dfns emailed them, and returns the challenge their new credentials sign.
 *
 * @example
 * const challenge = await initRegistration(client, { username: 'jane@example.com', registrationCode });
 */
export async function initRegistration(
  client: DfnsClient,
  params: { username: string; registrationCode: string; orgId?: string | undefined },
  options: RequestOptions = {},
): Promise<RegistrationChallenge> {
  const orgId = resolveOrgId(client, params.orgId, 'POST /auth/registration/init');
  return client.request({
    method: 'POST',
    path: '/auth/registration/init',
    auth: 'none',
    body: { orgId, username: params.username, registrationCode: params.registrationCode },
    schema: registrationChallengeSchema(),
    signal: options.signal,
  });
}

/**
 * `POST /auth/registration` (the init step's temporary token as bearer): registers the user's
 * credentials. Returns no auth token; log in next.
 *
 * @example
 * await completeRegistration(client, { temporaryAuthenticationToken: challenge.temporaryAuthenticationToken, credentials });
 */
export async function completeRegistration(
  client: DfnsClient,
  params: { temporaryAuthenticationToken: string; credentials: RegistrationCredentials },
  options: RequestOptions = {},
): Promise<RegistrationResult> {
  return client.request({
    method: 'POST',
    path: '/auth/registration',
    auth: 'temporary',
    temporaryToken: params.temporaryAuthenticationToken,
    body: params.credentials,
    schema: registrationResultSchema(),
    signal: options.signal,
  });
}

/**
 * `POST /auth/registration/enduser` (temporary token as bearer): registers an end user with
 * wallets and returns a logged-in token, so no second passkey prompt is needed.
 *
 * @example
 * const { authentication } = await completeEndUserRegistration(client, { temporaryAuthenticationToken, credentials, wallets: [{ network: 'EthereumSepolia' }] });
 */
export async function completeEndUserRegistration(
  client: DfnsClient,
  params: { temporaryAuthenticationToken: string; credentials: RegistrationCredentials; wallets: WalletSpec[] },
  options: RequestOptions = {},
): Promise<EndUserRegistrationResult> {
  if (!Array.isArray(params.wallets) || params.wallets.length === 0) {
    // Dfns rejects end-user registration without wallets; say so before spending the challenge.
    throw new DfnsAuthError(
      'invalid_input',
      // The example is for the developer (development builds only, as in `sendRequest`).
      process.env.NODE_ENV !== 'production'
        ? 'POST /auth/registration/enduser needs at least one wallet, e.g. wallets: [{ network: "EthereumSepolia" }].'
        : 'POST /auth/registration/enduser needs at least one wallet.',
    );
  }
  return client.request({
    method: 'POST',
    path: '/auth/registration/enduser',
    auth: 'temporary',
    temporaryToken: params.temporaryAuthenticationToken,
    body: { ...params.credentials, wallets: params.wallets },
    schema: endUserRegistrationResultSchema(),
    signal: options.signal,
  });
}

/** `PUT /auth/registration/code` (no auth): emails the user a new registration code. */
export async function resendRegistrationCode(
  client: DfnsClient,
  params: { username: string; orgId?: string | undefined },
  options: RequestOptions = {},
): Promise<MessageResult> {
  const orgId = resolveOrgId(client, params.orgId, 'PUT /auth/registration/code');
  return client.request({
    method: 'PUT',
    path: '/auth/registration/code',
    auth: 'none',
    body: { username: params.username, orgId },
    schema: messageResultSchema(),
    signal: options.signal,
  });
}

/**
 * `POST /auth/registration/delegated` (server side: the client's token is a service account's,
 * and the request is user-action signed with `sign`): creates an end user's registration challenge.
 *
 * @example
 * const challenge = await initDelegatedRegistration(serverClient, { email, kind: 'EndUser' }, { sign: keySigner });
 */
export async function initDelegatedRegistration(
  client: DfnsClient,
  params: { email: string; kind: 'EndUser' | 'CustomerEmployee'; externalId?: string | undefined },
  options: RequestOptions & { sign: ChallengeSigner },
): Promise<RegistrationChallenge> {
  return signedRequest(
    client,
    {
      method: 'POST',
      path: '/auth/registration/delegated',
      body: { email: params.email, kind: params.kind, externalId: params.externalId },
      schema: registrationChallengeSchema(),
    },
    options,
  );
}
