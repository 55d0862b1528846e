import { checkRecoveryKeyId } from '../api/checkRecoveryKeyId';
import type { DfnsClient } from '../api/createDfnsClient';
import { initRecovery, recoverUser } from '../api/recovery';
import { recoveryChallengeSchema } from '../api/schemas';
import type { Fido2Attestation, RecoveryChallenge, RegisteredUser } from '../api/types';
import { DfnsApiError, DfnsAuthError, RecoveryError, toDfnsAuthError } from '../errors';
import type { RecoveryKit } from '../flows/flowState';
import { recoveryKitOf } from '../flows/recoveryKitOf';
import { normaliseRecoveryCode } from '../keys/recoveryCode';
import { checkRelayed } from '../query/checkRelayed';
import { createPasskey } from '../webauthn/createPasskey';
import { logInAfterKit, startLoginPrefetch } from './loginAfterKit';
import { recoveryKeyCrypto } from './recoveryKeyCrypto';

/** The delegated relay's signature, as `useRecoverAccount` takes it (see `RecoveryChallengeRelay`). */
type Relay = (params: { username: string; credentialId: string }, options: { signal: AbortSignal }) => Promise<unknown>;

/** The part of a recovery session the challenge request reads (and clears: the spent verification code). */
export interface ChallengeRequest {
  username: string;
  credentialId: string;
  verificationCode?: string | undefined;
}

/** The signed recovery request and the new kit's secret, between signing and submitting. */
export interface SignedRecovery {
  bodyText: string;
  token: string;
  recoveryCode: string;
  credId: string;
}

/** A 404 from recovery init means Dfns has no active recovery key with that id. */
function initError(error: unknown): DfnsAuthError {
  const kitError = toDfnsAuthError(error);
  if (kitError instanceof DfnsApiError && kitError.code === 'not_found') {
    return new RecoveryError(
      'recovery_key_not_found',
      'Recovery init answered 404: no active recovery key of this user has that "Recovery Key ID".',
      { cause: error },
    );
  }
  return kitError;
}

/** The recovery challenge: from the app's relay in delegated mode, else from recovery init with the emailed code (then cleared, Dfns consumed it). */
async function fetchRecoveryChallenge(
  client: DfnsClient,
  getChallenge: Relay | undefined,
  request: ChallengeRequest,
  signal: AbortSignal,
): Promise<RecoveryChallenge> {
  if (getChallenge) {
    let answer: unknown;
    try {
      answer = await getChallenge({ username: request.username, credentialId: request.credentialId }, { signal });
    } catch (error) {
      // The relay's 404 (from /auth/recover/user/delegated) means the same as standard init's.
      throw initError(error);
    }
    return checkRelayed('getChallenge (delegated recovery)', recoveryChallengeSchema(), answer);
  }
  const verificationCode = request.verificationCode;
  if (!verificationCode) {
    throw new DfnsAuthError(
      'unauthorized',
      'useRecoverAccount: the verification code was already used by POST /auth/recover/user/init; send a new one.',
    );
  }
  let challenge: RecoveryChallenge;
  try {
    challenge = await initRecovery(client, { username: request.username, verificationCode, credentialId: request.credentialId }, { signal });
  } catch (error) {
    throw initError(error);
  }
  // Dfns consumed it: it can never work again, so it has no reason to stay in memory.
  request.verificationCode = undefined;
  return challenge;
}

/** What the codes form gave, as the recovery session holds it. */
export interface EnteredCodes {
  username: string;
  credentialId: string;
  verificationCode?: string | undefined;
  /** A challenge kept from an earlier attempt (it needs no verification code). */
  challenge?: unknown;
}

/**
 * Checks the codes before any request (a mistyped code must not spend the emailed verification
 * code) and returns the recovery code normalised; throws the error the form shows under its field.
 */
function checkRecoveryCodes(codes: EnteredCodes, recoveryCode: string, delegated: boolean): string {
  if (codes.username === '') throw new DfnsAuthError('invalid_input', 'useRecoverAccount: a username is required.');
  const normalised = normaliseRecoveryCode(recoveryCode);
  if (codes.credentialId === '') {
    throw new RecoveryError('recovery_key_not_found', 'useRecoverAccount: the "Recovery Key ID" is empty.');
  }
  // Before the relay too: a recovery code in this field must reach neither Dfns nor the app's backend.
  checkRecoveryKeyId(codes.credentialId, 'useRecoverAccount');
  if (!delegated && !codes.verificationCode && !codes.challenge) {
    throw new DfnsAuthError('invalid_input', 'useRecoverAccount: the emailed verification code is required.');
  }
  return normalised;
}

/** Decrypts the old recovery key `credentialId` of `challenge` with the recovery code. */
async function unlockOldRecoveryKey(challenge: RecoveryChallenge, credentialId: string, recoveryCode: string): Promise<CryptoKey> {
  const { findRecoveryKey, unlockRecoveryKey } = await recoveryKeyCrypto.load();
  const { encryptedRecoveryKey } = findRecoveryKey(challenge, credentialId);
  return unlockRecoveryKey({ encryptedRecoveryKey, recoveryCode, username: challenge.user.name });
}

/** Makes the new recovery key and signs the new credentials (the passkey and that key) with the old key. */
async function signNewCredentials(
  challenge: RecoveryChallenge,
  passkey: Fido2Attestation,
  old: { credentialId: string; privateKey: CryptoKey },
): Promise<SignedRecovery> {
  const { createRecoveryKey, recoverUserBodyJson, signRecovery } = await recoveryKeyCrypto.load();
  const recoveryKey = await createRecoveryKey({ challenge, username: challenge.user.name });
  const newCredentials = { firstFactorCredential: passkey, recoveryCredential: recoveryKey.credential };
  const signed = await signRecovery({ newCredentials, credId: old.credentialId, privateKey: old.privateKey });
  return {
    bodyText: recoverUserBodyJson(signed),
    token: challenge.temporaryAuthenticationToken,
    recoveryCode: recoveryKey.recoveryCode,
    credId: recoveryKey.credId,
  };
}

/** Sends the signed recovery; returns the recovered user and the new recovery kit. */
async function submitRecovery(
  client: DfnsClient,
  signed: SignedRecovery,
  signal: AbortSignal,
): Promise<{ user: RegisteredUser; recoveryKit: RecoveryKit }> {
  // The exact string the old key signed: re-serialising could change what Dfns verifies.
  const result = await recoverUser(client, { temporaryAuthenticationToken: signed.token, bodyText: signed.bodyText }, { signal });
  const recoveryKit = recoveryKitOf(signed, { username: result.user.username, orgId: result.user.orgId, server: client.baseUrl });
  return { user: result.user, recoveryKit };
}

/**
 * What `useRecoverAccount` runs once the codes are submitted, in a chunk of its own: the page shows
 * a form first, and the flow fetches this chunk when it starts (see useRecoverAccount).
 */
export const recoverAccountSteps = {
  checkRecoveryCodes,
  fetchRecoveryChallenge,
  unlockOldRecoveryKey,
  createPasskey,
  signNewCredentials,
  submitRecovery,
  startLoginPrefetch,
  logInAfterKit,
};
