import { checkRequestPath } from './checkRequestPath';
import type { DfnsClient } from './createDfnsClient';
import type { HttpMethod, RequestOptions, ResponseSchema } from './request';
import { pathWithoutQuery } from './pathWithoutQuery';
import { signingChallengeSchema, userActionResultSchema } from './schemas';
import { stringifyBody } from './stringifyBody';
import type {
  ChallengeSigner,
  SignedChallenge,
  UserActionChallenge,
  UserActionMethod,
  UserActionResult,
} from './types';

/** Options of the functions that sign a user action: the signer, and an abort signal. */
export interface SigningOptions extends RequestOptions {
  sign: ChallengeSigner;
}

/**
 * `POST /auth/action/init` (user token): asks for the challenge that authorises one request.
 * `userActionPayload` must be the exact body string that will be sent. Always sends
 * `userActionServerKind: 'Api'`, as Dfns's SDK does.
 */
export async function initUserAction(
  client: DfnsClient,
  params: { userActionHttpMethod: UserActionMethod; userActionHttpPath: string; userActionPayload: string },
  options: RequestOptions = {},
): Promise<UserActionChallenge> {
  // Before the challenge, the passkey prompt and the request: a path that could leave baseUrl is refused now.
  checkRequestPath(params.userActionHttpPath, `A user action for ${params.userActionHttpMethod}`, client.baseUrl);
  return client.request({
    method: 'POST',
    path: '/auth/action/init',
    auth: 'user',
    body: {
      userActionHttpMethod: params.userActionHttpMethod,
      userActionHttpPath: params.userActionHttpPath,
      userActionPayload: params.userActionPayload,
      userActionServerKind: 'Api',
    },
    schema: signingChallengeSchema(),
    signal: options.signal,
  });
}

/** `POST /auth/action` (user token): trades the signed challenge for a single-use user action token. */
export async function completeUserAction(
  client: DfnsClient,
  signed: SignedChallenge,
  options: RequestOptions = {},
): Promise<UserActionResult> {
  return client.request({
    method: 'POST',
    path: '/auth/action',
    auth: 'user',
    body: signed,
    schema: userActionResultSchema(),
    signal: options.signal,
  });
}

/**
 * Init → `sign(challenge)` → complete: the `X-DFNS-USERACTION` token for one request. `payload` is
 * the exact body string the request will send (`''` without a body); `path` has no query string.
 *
 * @example
 * const body = JSON.stringify(credential);
 * const userAction = await getUserActionToken(client, { method: 'POST', path: '/auth/credentials', payload: body }, { sign });
 */
export async function getUserActionToken(
  client: DfnsClient,
  params: { method: UserActionMethod; path: string; payload: string },
  options: SigningOptions,
): Promise<string> {
  const { sign, signal } = options;
  const challenge = await initUserAction(
    client,
    { userActionHttpMethod: params.method, userActionHttpPath: pathWithoutQuery(params.path), userActionPayload: params.payload },
    { signal },
  );
  // The signer's errors (a cancelled passkey prompt, say) reach the caller unchanged.
  const firstFactor = await sign(challenge, { signal });
  const { userAction } = await completeUserAction(
    client,
    { challengeIdentifier: challenge.challengeIdentifier, firstFactor },
    { signal },
  );
  return userAction;
}

/**
 * Sends a user-action-protected request: stringifies `body` once, signs exactly that string (with
 * the path minus its query string), then sends the same string with `X-DFNS-USERACTION`. GET is
 * sent without signing. Returns the parsed JSON, or the value `schema` validated.
 *
 * @example
 * const wallet = await signedRequest(client, { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia' } }, { sign });
 */
export async function signedRequest<T = unknown>(
  client: DfnsClient,
  request: { method: HttpMethod; path: string; body?: unknown; schema?: ResponseSchema<T> | undefined },
  options: SigningOptions,
): Promise<T> {
  const { method, path, schema } = request;
  const { signal } = options;
  if (method === 'GET') {
    return client.request({ method, path, auth: 'user', schema, signal });
  }
  const payload = request.body === undefined ? '' : stringifyBody(request.body, `${method} ${pathWithoutQuery(path)}`);
  const userAction = await getUserActionToken(client, { method, path, payload }, options);
  return client.request({
    method,
    path,
    auth: 'user',
    bodyText: payload,
    headers: { 'X-DFNS-USERACTION': userAction },
    schema,
    signal,
  });
}
