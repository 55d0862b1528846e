import { checkRecoveryKeyId } from './checkRecoveryKeyId';
import type { DfnsClient } from './createDfnsClient';
import type { RequestOptions } from './request';
import { resolveOrgId } from './resolveOrgId';
import { recoveryChallengeSchema, registrationResultSchema } from './schemas';
import type { RecoverUserBody, RecoveryChallenge, RegistrationResult } from './types';
import { signedRequest, type SigningOptions } from './userActions';

export { sendRecoveryCode } from './sendRecoveryCode';

/**
 * `POST /auth/recover/user/init` (no auth): with the emailed verification code and the recovery
 * key's id, the challenge new credentials sign plus the encrypted recovery keys. A key id that
 * cannot be one (43 base64url characters) is refused before the request.
 *
 * @example
 * const challenge = await initRecovery(client, { username, verificationCode, credentialId: recoveryKeyId });
 */
export async function initRecovery(
  client: DfnsClient,
  params: { username: string; verificationCode: string; credentialId: string; orgId?: string | undefined },
  options: RequestOptions = {},
): Promise<RecoveryChallenge> {
  checkRecoveryKeyId(params.credentialId, 'POST /auth/recover/user/init');
  const orgId = resolveOrgId(client, params.orgId, 'POST /auth/recover/user/init');
  return client.request({
    method: 'POST',
    path: '/auth/recover/user/init',
    auth: 'none',
    body: {
      username: params.username,
      verificationCode: params.verificationCode,
      orgId,
      credentialId: params.credentialId,
    },
    schema: recoveryChallengeSchema(),
    signal: options.signal,
  });
}

/**
 * The body of `recoverUser`: an object (stringified once), or `bodyText`, the exact JSON the
 * recovery assertion signed (`recoverUserBodyJson`), sent verbatim so no re-serialisation can
 * change the `newCredentials` bytes Dfns checks the signature against.
 */
export type RecoverUserParams =
  | { temporaryAuthenticationToken: string; body: RecoverUserBody; bodyText?: undefined }
  | { temporaryAuthenticationToken: string; bodyText: string; body?: undefined };

/**
 * `POST /auth/recover/user` (the init step's temporary token as bearer): replaces every credential
 * of the user with `body.newCredentials`, proven by the old recovery key. Returns no token.
 *
 * @example
 * await recoverUser(client, { temporaryAuthenticationToken: challenge.temporaryAuthenticationToken, bodyText: recoverUserBodyJson(signed) });
 */
export async function recoverUser(
  client: DfnsClient,
  params: RecoverUserParams,
  options: RequestOptions = {},
): Promise<RegistrationResult> {
  return client.request({
    method: 'POST',
    path: '/auth/recover/user',
    auth: 'temporary',
    temporaryToken: params.temporaryAuthenticationToken,
    body: params.body,
    bodyText: params.bodyText,
    schema: registrationResultSchema(),
    signal: options.signal,
  });
}

/**
 * `POST /auth/recover/user/delegated` (server side: service account token + user action signed
 * with `sign`): a recovery challenge after the customer's own identity check, no Dfns email.
 *
 * @example
 * const challenge = await initDelegatedRecovery(serverClient, { username, credentialId }, { sign: keySigner });
 */
export async function initDelegatedRecovery(
  client: DfnsClient,
  params: { username: string; credentialId: string },
  options: SigningOptions,
): Promise<RecoveryChallenge> {
  checkRecoveryKeyId(params.credentialId, 'POST /auth/recover/user/delegated');
  return signedRequest(
    client,
    {
      method: 'POST',
      path: '/auth/recover/user/delegated',
      body: { username: params.username, credentialId: params.credentialId },
      schema: recoveryChallengeSchema(),
    },
    options,
  );
}
