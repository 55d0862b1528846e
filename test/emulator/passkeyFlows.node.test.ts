import { describe, expect, it } from 'vitest';
import type { CredentialChallenge, SigningChallenge } from '../../src/api/types';
import { createDfnsEmulator } from '../../src/emulator/index';
import { call, expectStatus } from './helpers/client';
import { authenticator, login, registerUser, registrationInit, newCredentials, signedCall, signUserAction } from './helpers/flows';
import { attestKey, createTestKey } from './helpers/keyCredentials';

const decodeJwt = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

describe('registration, login and user actions with passkeys', () => {
  it('registers a passkey and a recovery key, logs in, signs a user action and creates a wallet', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');

    const credentials = emulator.credentials(jane.userId);
    expect(credentials.map((c) => c.kind).sort()).toEqual(['Fido2', 'RecoveryKey']);
    expect(credentials.find((c) => c.kind === 'Fido2')).toMatchObject({
      credentialId: jane.passkey.credId,
      isActive: true,
      origin: 'http://localhost:6006',
      relyingPartyId: 'localhost',
      publicKey: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----\n/),
    });
    expect(credentials.find((c) => c.kind === 'RecoveryKey')?.publicKey).toBe(jane.recoveryKey.publicKeyPem);

    const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    const claims = decodeJwt(token);
    expect(claims['https://custom/app_metadata']).toEqual({ orgId: emulator.orgId, userId: jane.userId });
    expect(claims['https://custom/username']).toBe('jane@example.com');
    expect(claims.exp - claims.iat).toBe(3600);

    const created = await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', '/wallets', { network: 'EthereumSepolia', name: 'Main' });
    const wallet = expectStatus(created, 200);
    expect(wallet).toMatchObject({ id: expect.stringMatching(/^wa-/), network: 'EthereumSepolia', name: 'Main', status: 'Active' });

    expect(expectStatus(await call(emulator, 'GET', '/wallets', undefined, { token }), 200).items).toEqual([wallet]);
    expect(expectStatus(await call(emulator, 'GET', `/wallets/${wallet.id}`, undefined, { token }), 200)).toEqual(wallet);
  });

  it('gives the challenge shapes the reference describes, with ids in Dfns form', async () => {
    const emulator = createDfnsEmulator();
    expect(emulator.orgId).toMatch(/^or-[a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{14,16}$/);
    const { registrationCode, user } = emulator.createUser({ username: 'ann@example.com' });
    expect(emulator.lastCode('ann@example.com', 'registration')).toBe(registrationCode);
    const challenge = expectStatus(await registrationInit(emulator, 'ann@example.com', registrationCode), 200);
    expect(challenge).toMatchObject({
      user: { id: user.userId, name: 'ann@example.com', displayName: 'ann@example.com' },
      supportedCredentialKinds: { firstFactor: expect.arrayContaining(['Fido2']), secondFactor: expect.any(Array) },
      authenticatorSelection: { userVerification: 'required' },
      pubKeyCredParams: expect.arrayContaining([{ type: 'public-key', alg: -7 }]),
      excludeCredentials: [],
    });
    expect(decodeJwt(challenge.temporaryAuthenticationToken)['https://custom/app_metadata'].userId).toBe(user.userId);
  });

  it('logs in usernameless with empty allow lists and finds the user from the passkey', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const challenge = expectStatus(await call<SigningChallenge>(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId }), 200);
    expect(challenge.allowCredentials).toEqual({ key: [], webauthn: [] });
    const firstFactor = await authenticator.get(jane.passkey, challenge.challenge);
    const { token } = expectStatus(await call(emulator, 'POST', '/auth/login', { challengeIdentifier: challenge.challengeIdentifier, firstFactor }), 200);
    expect(decodeJwt(token)['https://custom/app_metadata'].userId).toBe(jane.userId);
  });

  it('lists the active passkeys in the login allow list', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const challenge = expectStatus(await call<SigningChallenge>(emulator, 'POST', '/auth/login/init', { username: 'jane@example.com', orgId: emulator.orgId }), 200);
    expect(challenge.allowCredentials.webauthn).toEqual([{ type: 'public-key', id: jane.passkey.credId }]);
    expect(challenge.allowCredentials.key).toEqual([]);
  });

  it('registers a Key credential as first factor and logs in with it', async () => {
    const emulator = createDfnsEmulator();
    const { registrationCode } = emulator.createUser({ username: 'bot@example.com' });
    const challenge = expectStatus(await registrationInit(emulator, 'bot@example.com', registrationCode), 200);
    const key = await createTestKey();
    const body = { firstFactorCredential: { credentialKind: 'Key', credentialInfo: await attestKey(key, challenge.challenge) } };
    const result = expectStatus(await call(emulator, 'POST', '/auth/registration', body, { token: challenge.temporaryAuthenticationToken }), 200);
    expect(result).toMatchObject({ credential: { kind: 'Key' }, user: { username: 'bot@example.com', orgId: emulator.orgId } });
    expect(result.authentication).toBeUndefined();
    const token = await login(emulator, 'bot@example.com', { key });
    expect(decodeJwt(token)['https://custom/username']).toBe('bot@example.com');
  });

  it('logs out by revoking the token', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    expectStatus(await call(emulator, 'PUT', '/auth/logout', {}, { token }), 200);
    const after = await call(emulator, 'GET', '/auth/credentials', undefined, { token });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toBe('authorization token has been revoked');
  });

  it('adds a second passkey through credentials init and a user action', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    const challenge = expectStatus(await call<CredentialChallenge>(emulator, 'POST', '/auth/credentials/init', { kind: 'Fido2' }, { token }), 200);
    expect(challenge).toMatchObject({ kind: 'Fido2', excludeCredentials: [{ type: 'public-key', id: jane.passkey.credId }] });
    expect(challenge.temporaryAuthenticationToken).toBe(challenge.challengeIdentifier);
    const { credentialInfo, passkey } = await authenticator.create(challenge);
    const body = { credentialKind: 'Fido2', credentialInfo, credentialName: 'Phone', challengeIdentifier: challenge.challengeIdentifier };
    const created = expectStatus(await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', '/auth/credentials', body), 200);
    expect(created).toMatchObject({ kind: 'Fido2', name: 'Phone', credentialId: passkey.credId, isActive: true });
    const list = expectStatus(await call(emulator, 'GET', '/auth/credentials', undefined, { token }), 200);
    expect(list.items).toHaveLength(3);
    await expect(login(emulator, 'jane@example.com', { passkey })).resolves.toEqual(expect.any(String));
  });

  it('adds a recovery key through credentials init', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    const challenge = expectStatus(await call<CredentialChallenge>(emulator, 'POST', '/auth/credentials/init', { kind: 'RecoveryKey' }, { token }), 200);
    expect(challenge).not.toHaveProperty('excludeCredentials');
    const key = await createTestKey();
    const body = {
      credentialKind: 'RecoveryKey',
      credentialInfo: await attestKey(key, challenge.challenge),
      encryptedPrivateKey: 'eyJrZXkiOiJ4In0=',
      credentialName: 'Kit 2',
      challengeIdentifier: challenge.challengeIdentifier,
    };
    const created = expectStatus(await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', '/auth/credentials', body), 200);
    expect(created).toMatchObject({ kind: 'RecoveryKey', credentialId: key.credId, publicKey: key.publicKeyPem });
  });

  it('deactivates and reactivates a credential, and a deactivated passkey cannot sign', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    const key = await createTestKey();
    const challenge = expectStatus(await call<CredentialChallenge>(emulator, 'POST', '/auth/credentials/init', { kind: 'Key' }, { token }), 200);
    const created = expectStatus(
      await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', '/auth/credentials', {
        credentialKind: 'Key',
        credentialInfo: await attestKey(key, challenge.challenge),
        credentialName: 'Server key',
        challengeIdentifier: challenge.challengeIdentifier,
      }),
      200,
    );
    const passkeyUuid = emulator.credentials(jane.userId).find((c) => c.kind === 'Fido2')!.credentialUuid;

    const deactivated = await signedCall(emulator, token, { key }, 'PUT', '/auth/credentials/deactivate', { credentialUuid: passkeyUuid });
    expect(expectStatus(deactivated, 200)).toEqual({ message: expect.any(String) });
    expect(emulator.credentials(jane.userId).find((c) => c.credentialUuid === passkeyUuid)?.isActive).toBe(false);

    await expect(login(emulator, 'jane@example.com', { passkey: jane.passkey })).rejects.toThrow(/expected 200, got 403.*credential is not active/);
    const init = expectStatus(
      await call(emulator, 'POST', '/auth/action/init', { userActionHttpMethod: 'POST', userActionHttpPath: '/wallets', userActionPayload: '{}' }, { token }),
      200,
    );
    expect(init.allowCredentials.webauthn).toEqual([]);
    const refused = await call(emulator, 'POST', '/auth/action', { challengeIdentifier: init.challengeIdentifier, firstFactor: await authenticator.get(jane.passkey, init.challenge) }, { token });
    expect(refused.status).toBe(403);

    expectStatus(await signedCall(emulator, token, { key }, 'PUT', '/auth/credentials/activate', { credentialUuid: passkeyUuid }), 200);
    await expect(login(emulator, 'jane@example.com', { passkey: jane.passkey })).resolves.toEqual(expect.any(String));
    expect(created.credentialUuid).toMatch(/^cr-/);
  });

  it('creates a credential from another app with a one-time code', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    const expiration = new Date(Date.now() + 30_000).toISOString();
    const { code } = expectStatus(await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', '/auth/credentials/code', { expiration }), 200);
    expect(code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    const challenge = expectStatus(await call<CredentialChallenge>(emulator, 'POST', '/auth/credentials/code/init', { code, credentialKind: 'Fido2' }), 200);
    const { credentialInfo } = await authenticator.create(challenge);
    const created = await call(emulator, 'POST', '/auth/credentials/code/verify', {
      credentialKind: 'Fido2',
      credentialInfo,
      credentialName: 'Other app',
      challengeIdentifier: challenge.challengeIdentifier,
    });
    expect(expectStatus(created, 200)).toMatchObject({ kind: 'Fido2', name: 'Other app' });
    expect((await call(emulator, 'POST', '/auth/credentials/code/init', { code, credentialKind: 'Fido2' })).status).toBe(401);
  });

  it('registers a second user whose new credentials list the existing passkey nowhere', async () => {
    const emulator = createDfnsEmulator();
    await registerUser(emulator, 'jane@example.com');
    const { registrationCode } = emulator.createUser({ username: 'joe@example.com' });
    const challenge = expectStatus(await registrationInit(emulator, 'joe@example.com', registrationCode), 200);
    const { body } = await newCredentials(challenge);
    expectStatus(await call(emulator, 'POST', '/auth/registration', body, { token: challenge.temporaryAuthenticationToken }), 200);
    expect(emulator.users().filter((u) => u.isRegistered)).toHaveLength(2);
  });

  it('signs a wallet signature request deterministically over the raw body', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    const wallet = expectStatus(await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', '/wallets', { network: 'EthereumSepolia' }), 200);
    const body = { kind: 'Message', message: '0x48656c6c6f' };
    const first = expectStatus(await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', `/wallets/${wallet.id}/signatures`, body), 200);
    const second = expectStatus(await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', `/wallets/${wallet.id}/signatures`, body), 200);
    const expected = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(wallet.id + JSON.stringify(body)))).toString('hex');
    expect(first.signature.encoded).toBe(`0x${expected}`);
    expect(second.signature.encoded).toBe(first.signature.encoded);
    expect(first).toMatchObject({ walletId: wallet.id, status: 'Signed', requestBody: body });
  });

  it('binds the user action token to its user', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const joe = await registerUser(emulator, 'joe@example.com');
    const janeToken = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    const joeToken = await login(emulator, 'joe@example.com', { passkey: joe.passkey });
    const payload = JSON.stringify({ network: 'EthereumSepolia' });
    const userAction = await signUserAction(emulator, janeToken, { passkey: jane.passkey }, { method: 'POST', path: '/wallets', payload });
    const answer = await call(emulator, 'POST', '/wallets', undefined, { token: joeToken, userAction, raw: payload });
    expect(answer.status).toBe(403);
  });
});
