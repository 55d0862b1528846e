import { DfnsAuthError } from '../errors';
import type { DfnsClient } from './createDfnsClient';
import type { RequestOptions } from './request';
import {
  credentialChallengeSchema,
  credentialCodeSchema,
  credentialListSchema,
  credentialSchema,
  messageResultSchema,
} from './schemas';
import type {
  CreatableCredentialKind,
  CreateCredentialBody,
  Credential,
  CredentialChallengeFor,
  CredentialCode,
  CredentialListResponse,
  MessageResult,
} from './types';

/** Options of the credential calls Dfns protects with a user action (see `getUserActionToken`). */
export interface UserActionOptions extends RequestOptions {
  /** The `X-DFNS-USERACTION` token, signed for this exact method, path and body. */
  userAction: string;
}

function userActionHeader(userAction: string, endpoint: string): Record<string, string> {
  if (!userAction) {
    throw new DfnsAuthError('invalid_input', `${endpoint} needs a user action token: sign one with getUserActionToken first.`);
  }
  return { 'X-DFNS-USERACTION': userAction };
}

/**
 * `POST /auth/credentials/init` (user token): the challenge to create a credential of `kind`.
 * The result is typed by kind, and a challenge of another kind is rejected as `invalid_response`.
 *
 * @example
 * const challenge = await initCredential(client, { kind: 'Fido2' }); // Fido2CredentialChallenge
 */
export async function initCredential<K extends CreatableCredentialKind>(
  client: DfnsClient,
  params: { kind: K },
  options: RequestOptions = {},
): Promise<CredentialChallengeFor<K>> {
  return client.request({
    method: 'POST',
    path: '/auth/credentials/init',
    auth: 'user',
    body: { kind: params.kind },
    schema: credentialChallengeSchema(params.kind),
    signal: options.signal,
  });
}

/**
 * `POST /auth/credentials` (user token + user action): adds the credential. Sign the user action
 * over `JSON.stringify(body)` for this path; this sends exactly that string.
 *
 * @example
 * const userAction = await getUserActionToken(client, { method: 'POST', path: '/auth/credentials', payload: JSON.stringify(body) }, { sign });
 * const credential = await createCredential(client, body, { userAction });
 */
export async function createCredential(
  client: DfnsClient,
  body: CreateCredentialBody,
  options: UserActionOptions,
): Promise<Credential> {
  return client.request({
    method: 'POST',
    path: '/auth/credentials',
    auth: 'user',
    body,
    headers: userActionHeader(options.userAction, 'POST /auth/credentials'),
    schema: credentialSchema(),
    signal: options.signal,
  });
}

/** `GET /auth/credentials` (user token): every credential of the user. */
export async function listCredentials(client: DfnsClient, options: RequestOptions = {}): Promise<CredentialListResponse> {
  return client.request({
    method: 'GET',
    path: '/auth/credentials',
    auth: 'user',
    schema: credentialListSchema(),
    signal: options.signal,
  });
}

/** `PUT /auth/credentials/activate` (user token + user action): re-enables a credential. */
export async function activateCredential(
  client: DfnsClient,
  params: { credentialUuid: string },
  options: UserActionOptions,
): Promise<MessageResult> {
  return client.request({
    method: 'PUT',
    path: '/auth/credentials/activate',
    auth: 'user',
    body: { credentialUuid: params.credentialUuid },
    headers: userActionHeader(options.userAction, 'PUT /auth/credentials/activate'),
    schema: messageResultSchema(),
    signal: options.signal,
  });
}

/** `PUT /auth/credentials/deactivate` (user token + user action): disables a credential. */
export async function deactivateCredential(
  client: DfnsClient,
  params: { credentialUuid: string },
  options: UserActionOptions,
): Promise<MessageResult> {
  return client.request({
    method: 'PUT',
    path: '/auth/credentials/deactivate',
    auth: 'user',
    body: { credentialUuid: params.credentialUuid },
    headers: userActionHeader(options.userAction, 'PUT /auth/credentials/deactivate'),
    schema: messageResultSchema(),
    signal: options.signal,
  });
}

/**
 * `POST /auth/credentials/code` (user token + user action): a short-lived code that lets another
 * app (another rp id) add a credential. `expiration` is an ISO date or unix time, at most 1 min ahead.
 */
export async function createCredentialCode(
  client: DfnsClient,
  params: { expiration: string | number },
  options: UserActionOptions,
): Promise<CredentialCode> {
  return client.request({
    method: 'POST',
    path: '/auth/credentials/code',
    auth: 'user',
    body: { expiration: params.expiration },
    headers: userActionHeader(options.userAction, 'POST /auth/credentials/code'),
    schema: credentialCodeSchema(),
    signal: options.signal,
  });
}

/** `POST /auth/credentials/code/init` (no auth): the credential challenge for a code from `createCredentialCode`. */
export async function initCredentialWithCode<K extends CreatableCredentialKind>(
  client: DfnsClient,
  params: { code: string; credentialKind: K },
  options: RequestOptions = {},
): Promise<CredentialChallengeFor<K>> {
  return client.request({
    method: 'POST',
    path: '/auth/credentials/code/init',
    auth: 'none',
    body: { code: params.code, credentialKind: params.credentialKind },
    schema: credentialChallengeSchema(params.credentialKind),
    signal: options.signal,
  });
}

/** `POST /auth/credentials/code/verify` (no auth): adds the credential made for a code challenge. */
export async function createCredentialWithCode(
  client: DfnsClient,
  body: CreateCredentialBody,
  options: RequestOptions = {},
): Promise<Credential> {
  return client.request({
    method: 'POST',
    path: '/auth/credentials/code/verify',
    auth: 'none',
    body,
    schema: credentialSchema(),
    signal: options.signal,
  });
}
