import { describe, expect, it } from 'vitest';
import type { RecoveryChallenge, RegistrationChallenge } from '../../src/api/types';
import { createDfnsEmulator, type DfnsEmulator, type EmulatorServiceAccount } from '../../src/emulator/index';
import { call, expectStatus } from './helpers/client';
import { login, newCredentials, registerUser, signedCall } from './helpers/flows';
import { assertRecovery } from './helpers/keyCredentials';

/** A signer for the service account's own key, as a server would hold it. */
const saSigner = (sa: EmulatorServiceAccount) => ({ key: { credId: sa.credId, privateKey: sa.privateKey, publicKeyPem: sa.publicKeyPem } });

async function delegatedRegistration(emulator: DfnsEmulator, sa: EmulatorServiceAccount, email: string) {
  return expectStatus(
    await signedCall<RegistrationChallenge>(emulator, sa.token, saSigner(sa), 'POST', '/auth/registration/delegated', { email, kind: 'EndUser' }),
    200,
  );
}

async function recover(emulator: DfnsEmulator, challenge: RecoveryChallenge, oldRecoveryKey: Parameters<typeof assertRecovery>[0]) {
  const fresh = await newCredentials(challenge);
  const recovery = await assertRecovery(oldRecoveryKey, fresh.body);
  const answer = await call(emulator, 'POST', '/auth/recover/user', { recovery, newCredentials: fresh.body }, { token: challenge.temporaryAuthenticationToken });
  return { answer, fresh };
}

describe('end users, service accounts and recovery', () => {
  it('registers an end user with wallets and returns a login token', async () => {
    const emulator = createDfnsEmulator();
    const sa = await emulator.createServiceAccount();
    const challenge = await delegatedRegistration(emulator, sa, 'end@example.com');
    expect(emulator.lastCode('end@example.com', 'registration')).toBeUndefined();
    const { body } = await newCredentials(challenge);
    const result = expectStatus(
      await call(emulator, 'POST', '/auth/registration/enduser', { ...body, wallets: [{ network: 'EthereumSepolia', name: 'W' }] }, { token: challenge.temporaryAuthenticationToken }),
      200,
    );
    expect(result.wallets).toEqual([expect.objectContaining({ network: 'EthereumSepolia', name: 'W', id: expect.stringMatching(/^wa-/) })]);
    expect(result.user).toEqual({ id: challenge.user.id, username: 'end@example.com', orgId: emulator.orgId });
    const list = expectStatus(await call(emulator, 'GET', '/wallets', undefined, { token: result.authentication.token }), 200);
    expect(list.items).toHaveLength(1);
  });

  it('refuses end-user registration without wallets, naming the field', async () => {
    const emulator = createDfnsEmulator();
    const sa = await emulator.createServiceAccount();
    const challenge = await delegatedRegistration(emulator, sa, 'end@example.com');
    const { body } = await newCredentials(challenge);
    const missing = await call(emulator, 'POST', '/auth/registration/enduser', body, { token: challenge.temporaryAuthenticationToken });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ status: 400, message: 'wallets is required', id: expect.stringMatching(/^\d+$/) });
    const empty = await call(emulator, 'POST', '/auth/registration/enduser', { ...body, wallets: [] }, { token: challenge.temporaryAuthenticationToken });
    expect(empty.status).toBe(400);
  });

  it('logs an end user in through delegated login and refuses a user token there', async () => {
    const emulator = createDfnsEmulator();
    const sa = await emulator.createServiceAccount();
    const challenge = await delegatedRegistration(emulator, sa, 'end@example.com');
    const { body, passkey } = await newCredentials(challenge);
    expectStatus(await call(emulator, 'POST', '/auth/registration', body, { token: challenge.temporaryAuthenticationToken }), 200);
    const { token } = expectStatus(await signedCall(emulator, sa.token, saSigner(sa), 'POST', '/auth/login/delegated', { username: 'end@example.com' }), 200);
    const wallets = await call(emulator, 'GET', '/wallets', undefined, { token });
    expect(wallets.status).toBe(200);
    const asUser = await signedCall(emulator, token, { passkey }, 'POST', '/auth/login/delegated', { username: 'end@example.com' });
    expect(asUser.status).toBe(403);
  });

  it('recovers with the emailed code: old credentials and tokens die, new ones work', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const oldToken = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    expectStatus(await call(emulator, 'POST', '/auth/recover/user/code', { username: 'jane@example.com', orgId: emulator.orgId }), 200);
    const verificationCode = emulator.lastCode('jane@example.com', 'recovery')!;
    expect(emulator.readOutbox().at(-1)).toMatchObject({ to: 'jane@example.com', kind: 'recovery', code: verificationCode });

    const challenge = expectStatus(
      await call<RecoveryChallenge>(emulator, 'POST', '/auth/recover/user/init', {
        username: 'jane@example.com',
        verificationCode,
        orgId: emulator.orgId,
        credentialId: jane.recoveryKey.credId,
      }),
      200,
    );
    expect(challenge.allowedRecoveryCredentials).toEqual([{ id: jane.recoveryKey.credId, encryptedRecoveryKey: jane.encryptedRecoveryKey }]);

    const { answer, fresh } = await recover(emulator, challenge, jane.recoveryKey);
    expect(expectStatus(answer, 200)).toMatchObject({ credential: { kind: 'Fido2' }, user: { id: jane.userId } });
    expect((await call(emulator, 'GET', '/auth/credentials', undefined, { token: oldToken })).status).toBe(401);
    await expect(login(emulator, 'jane@example.com', { passkey: jane.passkey })).rejects.toThrow(/got 403/);
    const newToken = await login(emulator, 'jane@example.com', { passkey: fresh.passkey });
    const items = expectStatus(await call(emulator, 'GET', '/auth/credentials', undefined, { token: newToken }), 200).items;
    expect(items.filter((c: { isActive: boolean }) => c.isActive)).toHaveLength(2);
    expect(items).toHaveLength(4);
  });

  it('recovers through delegated recovery started by a service account', async () => {
    const emulator = createDfnsEmulator();
    const sa = await emulator.createServiceAccount({ name: 'backend' });
    const jane = await registerUser(emulator, 'jane@example.com');
    const challenge = expectStatus(
      await signedCall<RecoveryChallenge>(emulator, sa.token, saSigner(sa), 'POST', '/auth/recover/user/delegated', {
        username: 'jane@example.com',
        credentialId: jane.recoveryKey.credId,
      }),
      200,
    );
    const { answer } = await recover(emulator, challenge, jane.recoveryKey);
    expect(answer.status).toBe(200);
  });

  it('refuses a recovery assertion over other credentials than those sent', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const sa = await emulator.createServiceAccount();
    const challenge = expectStatus(
      await signedCall<RecoveryChallenge>(emulator, sa.token, saSigner(sa), 'POST', '/auth/recover/user/delegated', { username: 'jane@example.com', credentialId: jane.recoveryKey.credId }),
      200,
    );
    const signedOver = await newCredentials(challenge);
    const sent = await newCredentials(challenge);
    const recovery = await assertRecovery(jane.recoveryKey, signedOver.body);
    const answer = await call(emulator, 'POST', '/auth/recover/user', { recovery, newCredentials: sent.body }, { token: challenge.temporaryAuthenticationToken });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toMatch(/challenge does not match/);
    expect(emulator.credentials(jane.userId).every((c) => c.isActive)).toBe(true);
  });

  it('accepts only the exact re-stringified newCredentials, not an equivalent reordering', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const sa = await emulator.createServiceAccount();
    const challenge = expectStatus(
      await signedCall<RecoveryChallenge>(emulator, sa.token, saSigner(sa), 'POST', '/auth/recover/user/delegated', { username: 'jane@example.com', credentialId: jane.recoveryKey.credId }),
      200,
    );
    const fresh = await newCredentials(challenge);
    const reordered = { recoveryCredential: fresh.body.recoveryCredential, firstFactorCredential: fresh.body.firstFactorCredential };
    const recovery = await assertRecovery(jane.recoveryKey, reordered);
    const answer = await call(emulator, 'POST', '/auth/recover/user', { recovery, newCredentials: fresh.body }, { token: challenge.temporaryAuthenticationToken });
    expect(answer.status).toBe(403);
  });

  it('refuses a recovery signed by another key than the recovery key', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const sa = await emulator.createServiceAccount();
    const challenge = expectStatus(
      await signedCall<RecoveryChallenge>(emulator, sa.token, saSigner(sa), 'POST', '/auth/recover/user/delegated', { username: 'jane@example.com', credentialId: jane.recoveryKey.credId }),
      200,
    );
    const fresh = await newCredentials(challenge);
    const recovery = await assertRecovery(jane.recoveryKey, fresh.body, fresh.recoveryKey.privateKey);
    const answer = await call(emulator, 'POST', '/auth/recover/user', { recovery, newCredentials: fresh.body }, { token: challenge.temporaryAuthenticationToken });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe('recovery.credentialAssertion signature is invalid');
  });

  it('refuses a wrong verification code and a wrong registration code with 401', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    await call(emulator, 'POST', '/auth/recover/user/code', { username: 'jane@example.com', orgId: emulator.orgId });
    const wrongVerification = await call(emulator, 'POST', '/auth/recover/user/init', {
      username: 'jane@example.com',
      verificationCode: 'AAA-AAA-AAA',
      orgId: emulator.orgId,
      credentialId: jane.recoveryKey.credId,
    });
    expect(wrongVerification.status).toBe(401);
    expect(wrongVerification.body.error.message).toBe('verification code is invalid or expired');

    emulator.createUser({ username: 'joe@example.com' });
    const wrongRegistration = await call(emulator, 'POST', '/auth/registration/init', { orgId: emulator.orgId, username: 'joe@example.com', registrationCode: 'AAA-AAA-AAA' });
    expect(wrongRegistration.status).toBe(401);
    expect(JSON.stringify(wrongRegistration.body)).not.toContain(emulator.lastCode('joe@example.com', 'registration')!);
  });

  it('does not let a registration token complete a recovery', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const { registrationCode } = emulator.createUser({ username: 'joe@example.com' });
    const registration = expectStatus(await call<RegistrationChallenge>(emulator, 'POST', '/auth/registration/init', { orgId: emulator.orgId, username: 'joe@example.com', registrationCode }), 200);
    const fresh = await newCredentials(registration);
    const recovery = await assertRecovery(jane.recoveryKey, fresh.body);
    const answer = await call(emulator, 'POST', '/auth/recover/user', { recovery, newCredentials: fresh.body }, { token: registration.temporaryAuthenticationToken });
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toMatch(/registration flow/);
  });

  it('resends a registration code and the old one stops working', async () => {
    const emulator = createDfnsEmulator();
    const { registrationCode: first } = emulator.createUser({ username: 'joe@example.com' });
    expectStatus(await call(emulator, 'PUT', '/auth/registration/code', { username: 'joe@example.com', orgId: emulator.orgId }), 200);
    const second = emulator.lastCode('joe@example.com', 'registration')!;
    expect(second).not.toBe(first);
    expect((await call(emulator, 'POST', '/auth/registration/init', { orgId: emulator.orgId, username: 'joe@example.com', registrationCode: first })).status).toBe(401);
    expect((await call(emulator, 'POST', '/auth/registration/init', { orgId: emulator.orgId, username: 'joe@example.com', registrationCode: second })).status).toBe(200);
    expect(emulator.readOutbox().map((m) => m.kind)).toEqual(['registration', 'registration']);
  });

  it('creates users over HTTP with a signed user action', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    const created = expectStatus(await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', '/auth/users', { email: 'new@example.com', kind: 'CustomerEmployee' }), 200);
    expect(created).toMatchObject({ username: 'new@example.com', isRegistered: false, userId: expect.stringMatching(/^us-/) });
    expect(emulator.lastCode('new@example.com', 'registration')).toMatch(/^[A-Z2-9-]{11}$/);
  });
});
