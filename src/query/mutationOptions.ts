import type { DfnsClient } from '../api/createDfnsClient';
import {
  activateCredential,
  completeEndUserRegistration,
  completeLogin,
  completeRegistration,
  completeUserAction,
  createCredential,
  createCredentialCode,
  deactivateCredential,
  initCredential,
  initLogin,
  initRecovery,
  initRegistration,
  initUserAction,
  initSocialRegistration,
  initSsoLogin,
  completeSsoLogin,
  logout,
  socialLogin,
  recoverUser,
  resendRegistrationCode,
  sendLoginCode,
  sendRecoveryCode,
} from '../api';
import { checkRecoveryKeyId } from '../api/checkRecoveryKeyId';
import { recoveryChallengeSchema } from '../api/schemas';
import type {
  CreatableCredentialKind,
  CreateCredentialBody,
  CredentialChallenge,
  RegistrationCredentials,
  WalletSpec,
} from '../api/types';
import { endpointMutationOptions } from './endpointMutationOptions';
import { checkRelayed } from './checkRelayed';

/** Options of `POST /auth/registration/init`; the registration code is concealed. */
export const registrationInitMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'registrationInit',
    (params: { username: string; registrationCode: string; orgId?: string | undefined }) => initRegistration(client, params),
    ['registrationCode'],
  );

/** Options of `POST /auth/registration`; the temporary token is concealed. */
export const registrationCompleteMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'registrationComplete',
    (params: { temporaryAuthenticationToken: string; credentials: RegistrationCredentials }) =>
      completeRegistration(client, params),
    ['temporaryAuthenticationToken'],
  );

/** Options of `POST /auth/registration/enduser`; the temporary token is concealed. */
export const endUserRegistrationMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'endUserRegistration',
    (params: { temporaryAuthenticationToken: string; credentials: RegistrationCredentials; wallets: WalletSpec[] }) =>
      completeEndUserRegistration(client, params),
    ['temporaryAuthenticationToken'],
  );

/** Options of `PUT /auth/registration/code`. */
export const resendRegistrationCodeMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions('resendRegistrationCode', (params: { username: string; orgId?: string | undefined }) =>
    resendRegistrationCode(client, params),
  );

/** Options of `POST /auth/login/init`; the login code is concealed. */
export const loginInitMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'loginInit',
    (params: { username?: string | undefined; orgId?: string | undefined; loginCode?: string | undefined }) =>
      initLogin(client, params),
    ['loginCode'],
  );

/** Options of `POST /auth/login`. */
export const loginCompleteMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions('loginComplete', (params: Parameters<typeof completeLogin>[1]) => completeLogin(client, params));

/** Options of `POST /auth/login/social`; the id token is concealed (it signs the user in while it lives). */
export const socialLoginMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions('socialLogin', (params: Parameters<typeof socialLogin>[1]) => socialLogin(client, params), ['idToken']);

/** Options of `POST /auth/registration/social`; the id token is concealed. */
export const socialRegistrationInitMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'socialRegistrationInit',
    (params: Parameters<typeof initSocialRegistration>[1]) => initSocialRegistration(client, params),
    ['idToken'],
  );

/** Options of `POST /auth/login/sso/init`. */
export const ssoLoginInitMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions('ssoLoginInit', (params: Parameters<typeof initSsoLogin>[1]) => initSsoLogin(client, params));

/** Options of `POST /auth/login/sso`; the single-use code and its state are concealed. */
export const ssoLoginMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions('ssoLogin', (params: Parameters<typeof completeSsoLogin>[1]) => completeSsoLogin(client, params), [
    'code',
    'state',
  ]);

/** Options of `POST /auth/login/code`. */
export const sendLoginCodeMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions('sendLoginCode', (params: { username: string; orgId?: string | undefined }) =>
    sendLoginCode(client, params),
  );

/** Options of `PUT /auth/logout`. */
export const logoutMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions('logout', (params: { allSessions?: boolean | undefined }) => logout(client, params));

/** Options of `POST /auth/recover/user/code`. */
export const sendRecoveryCodeMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions('sendRecoveryCode', (params: { username: string; orgId?: string | undefined }) =>
    sendRecoveryCode(client, params),
  );

/** Options of `POST /auth/recover/user/init`; the emailed verification code is concealed. */
export const recoveryInitMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'recoveryInit',
    (params: { username: string; verificationCode: string; credentialId: string; orgId?: string | undefined }) =>
      initRecovery(client, params),
    ['verificationCode'],
  );

/** Options of `POST /auth/recover/user`; the temporary token is concealed. */
export const recoverUserMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'recoverUser',
    (params: Parameters<typeof recoverUser>[1]) => recoverUser(client, params),
    ['temporaryAuthenticationToken'],
  );

/** Asks the customer's backend for a delegated recovery challenge (it calls `initDelegatedRecovery`). */
export type DelegatedRecoveryRelay = (params: { username: string; credentialId: string }) => Promise<unknown>;

/**
 * Options of the delegated recovery init relay: the browser cannot call
 * `/auth/recover/user/delegated` (service accounts only), so it asks the customer's backend,
 * and validates what comes back as strictly as a Dfns response.
 */
export const delegatedRecoveryInitMutationOptions = (getChallenge: DelegatedRecoveryRelay) =>
  endpointMutationOptions('delegatedRecoveryInit', async (params: { username: string; credentialId: string }) => {
    checkRecoveryKeyId(params.credentialId, 'delegated recovery init');
    const json = await getChallenge(params);
    return checkRelayed('getChallenge (delegated recovery)', recoveryChallengeSchema(), json);
  });

/** Options of `POST /auth/credentials/init`. */
export const credentialChallengeMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'credentialChallenge',
    (params: { kind: CreatableCredentialKind }): Promise<CredentialChallenge> => initCredential(client, params),
  );

/** Options of `POST /auth/credentials` (user action signed); the user action token is concealed. */
export const createCredentialMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'createCredential',
    (params: { credential: CreateCredentialBody; userAction: string }) =>
      createCredential(client, params.credential, { userAction: params.userAction }),
    ['userAction'],
  );

/** Options of `PUT /auth/credentials/activate` (user action signed). */
export const activateCredentialMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'activateCredential',
    (params: { credentialUuid: string; userAction: string }) =>
      activateCredential(client, { credentialUuid: params.credentialUuid }, { userAction: params.userAction }),
    ['userAction'],
  );

/** Options of `PUT /auth/credentials/deactivate` (user action signed). */
export const deactivateCredentialMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'deactivateCredential',
    (params: { credentialUuid: string; userAction: string }) =>
      deactivateCredential(client, { credentialUuid: params.credentialUuid }, { userAction: params.userAction }),
    ['userAction'],
  );

/** Options of `POST /auth/credentials/code` (user action signed). */
export const credentialCodeMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions(
    'credentialCode',
    (params: { expiration: string | number; userAction: string }) =>
      createCredentialCode(client, { expiration: params.expiration }, { userAction: params.userAction }),
    ['userAction'],
  );

/** Options of `POST /auth/action/init`. */
export const userActionChallengeMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions('userActionChallenge', (params: Parameters<typeof initUserAction>[1]) =>
    initUserAction(client, params),
  );

/** Options of `POST /auth/action`: the signed challenge becomes a single-use user action token. */
export const userActionSignatureMutationOptions = (client: DfnsClient) =>
  endpointMutationOptions('userActionSignature', (params: Parameters<typeof completeUserAction>[1]) =>
    completeUserAction(client, params),
  );
