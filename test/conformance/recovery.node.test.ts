/**
 * Standard recovery end to end through the kit's `./core`: emailed code, recovery key unlocked with
 * the recovery code, new passkey and recovery key over the server challenge, the old key signing
 * them, and only the new passkey working afterwards.
 */
import { describe, expect, it } from 'vitest';
import {
  completeLogin,
  createPasskey,
  createRecoveryKey,
  DfnsApiError,
  findRecoveryKey,
  initLogin,
  initRecovery,
  recoverUser,
  recoverUserBodyJson,
  RecoveryError,
  sendRecoveryCode,
  signRecovery,
  signWithPasskey,
  unlockRecoveryKey,
  type RecoveryChallenge,
  type RegistrationCredentials,
} from '../../src/core';
import { createHarness, newDevice, ORIGIN, RP, type Harness } from './harness';
import { loginWithPasskey, registerWithPasskey, type RegisteredUser } from './kitFlows';

/** Code email → init → unlock → new credentials → signed recovery, ready to send. */
async function prepareRecovery(h: Harness, user: RegisteredUser, newPhone = newDevice()) {
  const client = h.client();
  await sendRecoveryCode(client, { username: user.username });
  const verificationCode = h.emulator.lastCode(user.username, 'recovery');
  if (verificationCode === undefined) throw new Error('no recovery code in the outbox');
  const challenge = await initRecovery(client, { username: user.username, verificationCode, credentialId: user.recoveryKeyId });
  const { encryptedRecoveryKey } = findRecoveryKey(challenge, user.recoveryKeyId);
  const privateKey = await unlockRecoveryKey({ encryptedRecoveryKey, recoveryCode: user.recoveryCode, username: challenge.user.name });
  const passkey = await createPasskey(challenge, { rp: RP, authenticator: newPhone });
  const newRecoveryKey = await createRecoveryKey({ challenge, origin: ORIGIN });
  const signed = await signRecovery({
    newCredentials: { firstFactorCredential: passkey, recoveryCredential: newRecoveryKey.credential },
    credId: user.recoveryKeyId,
    privateKey,
    origin: ORIGIN,
  });
  return { client, challenge, signed, newPhone, newRecoveryKey };
}

/** Sends the signed recovery the way the kit's endpoint function allows: as an object. */
function send(h: Harness, challenge: RecoveryChallenge, signed: Awaited<ReturnType<typeof signRecovery>>) {
  return recoverUser(h.client(), {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    body: { recovery: signed.recovery, newCredentials: JSON.parse(signed.newCredentialsJson) as RegistrationCredentials },
  });
}

describe('standard recovery through the kit', () => {
  it('recovers in three requests; the old passkey is refused and the new one logs in', async () => {
    const h = createHarness();
    const oldLaptop = newDevice();
    const user = await registerWithPasskey(h, 'jane@example.com', oldLaptop);

    const {
      result: [prepared, result],
      requests,
    } = await h.count(async () => {
      const ready = await prepareRecovery(h, user);
      return [ready, await send(h, ready.challenge, ready.signed)] as const;
    });

    expect(requests).toEqual(['POST /auth/recover/user/code', 'POST /auth/recover/user/init', 'POST /auth/recover/user']);
    expect(result.user.id).toBe(user.userId);
    const newPasskeyId = (JSON.parse(prepared.signed.newCredentialsJson) as RegistrationCredentials).firstFactorCredential.credentialInfo.credId;
    const active = h.emulator.credentials(user.userId).filter((c) => c.isActive);
    expect(active.map((c) => c.credentialId).sort()).toEqual([newPasskeyId, prepared.newRecoveryKey.credId].sort());
    // The old passkey is no longer offered by login init, and the server refuses it when it answers anyway.
    const client = h.client();
    const login = await initLogin(client, { username: user.username });
    expect(login.allowCredentials.webauthn.map((c) => c.id)).toEqual([newPasskeyId]);
    const oldAssertion = await signWithPasskey({ ...login, allowCredentials: { ...login.allowCredentials, webauthn: [] } }, {
      rp: RP,
      authenticator: oldLaptop,
    });
    expect(oldAssertion.credentialAssertion.credId).toBe(user.passkeyCredId);
    const refused = await completeLogin(client, { challengeIdentifier: login.challengeIdentifier, firstFactor: oldAssertion }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DfnsApiError);
    expect([401, 403]).toContain((refused as DfnsApiError).status);
    await expect(loginWithPasskey(h, user.username, prepared.newPhone)).resolves.toMatch(/\./);
  });

  it('sends exactly the bytes of recoverUserBodyJson when given the signed object unchanged', async () => {
    const h = createHarness();
    const user = await registerWithPasskey(h, 'jane@example.com', newDevice());
    const { challenge, signed } = await prepareRecovery(h, user);

    await send(h, challenge, signed);

    expect(h.sent.at(-1)?.body).toBe(recoverUserBodyJson(signed));
  });

  // Found by this suite: `recoverUser` used to take only `body` and re-stringify it, so the exact
  // signed JSON from `recoverUserBodyJson` could not be sent. It now takes `bodyText` as well.
  it('recovers with the pre-serialised body from recoverUserBodyJson, sent byte for byte', async () => {
    const h = createHarness();
    const user = await registerWithPasskey(h, 'jane@example.com', newDevice());
    const { challenge, signed, newPhone } = await prepareRecovery(h, user);
    const bodyText = recoverUserBodyJson(signed);

    const result = await recoverUser(h.client(), { temporaryAuthenticationToken: challenge.temporaryAuthenticationToken, bodyText });

    expect(result.user.id).toBe(user.userId);
    expect(h.sent.at(-1)?.body).toBe(bodyText);
    await expect(loginWithPasskey(h, user.username, newPhone)).resolves.toMatch(/\./);
  });

  it('refuses new credentials changed after the old recovery key signed them', async () => {
    const h = createHarness();
    const user = await registerWithPasskey(h, 'jane@example.com', newDevice());
    const { challenge, signed } = await prepareRecovery(h, user);
    const tampered = JSON.parse(signed.newCredentialsJson) as RegistrationCredentials;
    tampered.firstFactorCredential = { ...tampered.firstFactorCredential, credentialName: 'Attacker' };

    const refused = await recoverUser(h.client(), {
      temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
      body: { recovery: signed.recovery, newCredentials: tampered },
    }).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(DfnsApiError);
    expect(h.emulator.credentials(user.userId).filter((c) => c.isActive).map((c) => c.credentialId)).toContain(user.passkeyCredId);
  });

  it('rejects a wrong recovery code locally, before anything is sent', async () => {
    const h = createHarness();
    const user = await registerWithPasskey(h, 'jane@example.com', newDevice());
    const client = h.client();
    await sendRecoveryCode(client, { username: user.username });
    const challenge = await initRecovery(client, {
      username: user.username,
      verificationCode: h.emulator.lastCode(user.username, 'recovery') ?? '',
      credentialId: user.recoveryKeyId,
    });
    const sentBefore = h.sent.length;
    const { encryptedRecoveryKey } = findRecoveryKey(challenge, user.recoveryKeyId);
    const other = await createRecoveryKey({ challenge, origin: ORIGIN });

    const refused = await unlockRecoveryKey({ encryptedRecoveryKey, recoveryCode: other.recoveryCode, username: user.username }).catch(
      (error: unknown) => error,
    );

    expect(refused).toBeInstanceOf(RecoveryError);
    expect(refused).toMatchObject({ code: 'recovery_code_invalid' });
    expect(String((refused as Error).message)).not.toContain(other.recoveryCode);
    expect(h.sent.length).toBe(sentBefore);
  });
});
