import {
  completeLogin,
  completeRegistration,
  createPasskey,
  createRecoveryKey,
  initLogin,
  initRegistration,
  signWithPasskey,
  type PasskeyAuthenticator,
} from '../../src/core';
import { ORIGIN, RP, type Harness } from './harness';

/** What a standard registration leaves the test: ids and the secret of the recovery kit. */
export interface RegisteredUser {
  username: string;
  userId: string;
  passkeyCredId: string;
  recoveryCode: string;
  recoveryKeyId: string;
}

/** Invites `username`, then registers a passkey and a recovery key through the kit (init + complete). */
export async function registerWithPasskey(h: Harness, username: string, device: PasskeyAuthenticator): Promise<RegisteredUser> {
  const { registrationCode } = h.emulator.createUser({ username });
  const client = h.client();
  const challenge = await initRegistration(client, { username, registrationCode });
  const passkey = await createPasskey(challenge, { rp: RP, authenticator: device });
  const recovery = await createRecoveryKey({ challenge, origin: ORIGIN });
  const result = await completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: {
      firstFactorCredential: { ...passkey, credentialName: 'Laptop' },
      recoveryCredential: { ...recovery.credential, credentialName: 'Recovery kit' },
    },
  });
  return {
    username,
    userId: result.user.id,
    passkeyCredId: passkey.credentialInfo.credId,
    recoveryCode: recovery.recoveryCode,
    recoveryKeyId: recovery.credId,
  };
}

/** Logs in with a passkey through the kit (init + complete); returns the token. */
export async function loginWithPasskey(h: Harness, username: string | undefined, device: PasskeyAuthenticator): Promise<string> {
  const client = h.client();
  const challenge = await initLogin(client, { username });
  const firstFactor = await signWithPasskey(challenge, { rp: RP, authenticator: device });
  const result = await completeLogin(client, { challengeIdentifier: challenge.challengeIdentifier, firstFactor });
  if (!('token' in result)) throw new Error('login answered with an SSO redirect instead of a token');
  return result.token;
}

/** The JWT claims the emulator puts in a token (decoded, not verified: the test only reads them). */
export function tokenClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The user id a token was issued to. */
export function tokenUserId(token: string): unknown {
  const metadata = tokenClaims(token)['https://custom/app_metadata'] as Record<string, unknown> | undefined;
  return metadata?.['userId'];
}
