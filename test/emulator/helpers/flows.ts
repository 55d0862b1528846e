import type { CredentialAssertion, RegistrationChallenge, SigningChallenge } from '../../../src/api/types';
import type { DfnsEmulator } from '../../../src/emulator/index';
import { call, expectStatus } from './client';
import { assertKey, attestKey, createTestKey, opaqueBlob, type TestKey } from './keyCredentials';
import { createSoftAuthenticator, type SoftPasskey } from './softAuthenticator';

/** The shared software authenticator (origin http://localhost:6006, rp id localhost). */
export const authenticator = createSoftAuthenticator();

/** Something that can answer a signing challenge: a passkey or a key credential. */
export type Signer = { passkey: SoftPasskey } | { key: TestKey };

/** Signs a login or user action challenge with a passkey or key. */
export function sign(signer: Signer, challenge: string): Promise<CredentialAssertion> {
  return 'passkey' in signer ? authenticator.get(signer.passkey, challenge) : assertKey(signer.key, challenge);
}

/** A registered user: passkey plus recovery key. */
export interface RegisteredUser {
  username: string;
  userId: string;
  passkey: SoftPasskey;
  recoveryKey: TestKey;
  encryptedRecoveryKey: string;
}

/** Registration init for an invited user. */
export async function registrationInit(emulator: DfnsEmulator, username: string, registrationCode: string) {
  return call<RegistrationChallenge>(emulator, 'POST', '/auth/registration/init', { orgId: emulator.orgId, username, registrationCode });
}

/** Passkey + recovery key credentials over one registration challenge. */
export async function newCredentials(challenge: RegistrationChallenge) {
  const { credentialInfo, passkey } = await authenticator.create(challenge);
  const recoveryKey = await createTestKey();
  const encryptedRecoveryKey = opaqueBlob();
  const body = {
    firstFactorCredential: { credentialKind: 'Fido2' as const, credentialInfo, credentialName: 'Laptop' },
    recoveryCredential: {
      credentialKind: 'RecoveryKey' as const,
      credentialInfo: await attestKey(recoveryKey, challenge.challenge, { origin: 'http://localhost:6006' }),
      encryptedPrivateKey: encryptedRecoveryKey,
      credentialName: 'Recovery key',
    },
  };
  return { body, passkey, recoveryKey, encryptedRecoveryKey };
}

/** Creates and registers a user with a passkey and a recovery key (standard flow). */
export async function registerUser(emulator: DfnsEmulator, username: string): Promise<RegisteredUser> {
  const { registrationCode } = emulator.createUser({ username });
  const challenge = expectStatus(await registrationInit(emulator, username, registrationCode), 200);
  const { body, passkey, recoveryKey, encryptedRecoveryKey } = await newCredentials(challenge);
  expectStatus(await call(emulator, 'POST', '/auth/registration', body, { token: challenge.temporaryAuthenticationToken }), 200);
  return { username, userId: challenge.user.id, passkey, recoveryKey, encryptedRecoveryKey };
}

/** Logs in with a signer; returns the token. */
export async function login(emulator: DfnsEmulator, username: string, signer: Signer): Promise<string> {
  const challenge = expectStatus(await call<SigningChallenge>(emulator, 'POST', '/auth/login/init', { username, orgId: emulator.orgId }), 200);
  const firstFactor = await sign(signer, challenge.challenge);
  const result = expectStatus(
    await call<{ token: string }>(emulator, 'POST', '/auth/login', { challengeIdentifier: challenge.challengeIdentifier, firstFactor }),
    200,
  );
  return result.token;
}

/** Signs a user action for `method path` with exactly `payload`; returns the user action token. */
export async function signUserAction(
  emulator: DfnsEmulator,
  token: string,
  signer: Signer,
  request: { method: string; path: string; payload: string },
): Promise<string> {
  const challenge = expectStatus(
    await call<SigningChallenge>(
      emulator,
      'POST',
      '/auth/action/init',
      { userActionHttpMethod: request.method, userActionHttpPath: request.path, userActionPayload: request.payload, userActionServerKind: 'Api' },
      { token },
    ),
    200,
  );
  const firstFactor = await sign(signer, challenge.challenge);
  const result = expectStatus(
    await call<{ userAction: string }>(emulator, 'POST', '/auth/action', { challengeIdentifier: challenge.challengeIdentifier, firstFactor }, { token }),
    200,
  );
  return result.userAction;
}

/** Sends a user-action-signed request: signs exactly the body it sends. */
export async function signedCall<T = any>(
  emulator: DfnsEmulator,
  token: string,
  signer: Signer,
  method: string,
  path: string,
  body: unknown,
) {
  const payload = JSON.stringify(body);
  const userAction = await signUserAction(emulator, token, signer, { method, path, payload });
  return call<T>(emulator, method, path, undefined, { token, userAction, raw: payload });
}
