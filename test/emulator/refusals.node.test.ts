import { describe, expect, it } from 'vitest';
import type { SigningChallenge } from '../../src/api/types';
import { createDfnsEmulator } from '../../src/emulator/index';
import { b64url, fromB64url } from './helpers/bytes';
import { call, expectStatus } from './helpers/client';
import { authenticator, login, registerUser, registrationInit, signUserAction } from './helpers/flows';
import { attestKey, createTestKey } from './helpers/keyCredentials';

async function loggedIn() {
  const emulator = createDfnsEmulator();
  const jane = await registerUser(emulator, 'jane@example.com');
  const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
  return { emulator, jane, token };
}

async function loginChallenge(emulator: ReturnType<typeof createDfnsEmulator>) {
  return expectStatus(await call<SigningChallenge>(emulator, 'POST', '/auth/login/init', { username: 'jane@example.com', orgId: emulator.orgId }), 200);
}

describe('refusals', () => {
  it('refuses an assertion whose client data was tampered with', async () => {
    const { emulator, jane } = await loggedIn();
    const challenge = await loginChallenge(emulator);
    const firstFactor = await authenticator.get(jane.passkey, challenge.challenge);
    const clientData = JSON.parse(Buffer.from(fromB64url(firstFactor.credentialAssertion.clientData)).toString('utf8'));
    firstFactor.credentialAssertion.clientData = b64url(JSON.stringify({ ...clientData, crossOrigin: true }));
    const answer = await call(emulator, 'POST', '/auth/login', { challengeIdentifier: challenge.challengeIdentifier, firstFactor });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toMatch(/^firstFactor/);
  });

  it('refuses a passkey created on an origin the org does not allow', async () => {
    const emulator = createDfnsEmulator();
    const { registrationCode } = emulator.createUser({ username: 'jane@example.com' });
    const challenge = expectStatus(await registrationInit(emulator, 'jane@example.com', registrationCode), 200);
    const { credentialInfo } = await authenticator.create(challenge, { origin: 'https://evil.example' });
    const answer = await call(emulator, 'POST', '/auth/registration', { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo } }, { token: challenge.temporaryAuthenticationToken });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe('origin https://evil.example is not allowed for this organization');
  });

  it('accepts any localhost port with the "*" origin policy and still refuses other hosts', async () => {
    const emulator = createDfnsEmulator({ origins: '*' });
    const { registrationCode } = emulator.createUser({ username: 'jane@example.com' });
    const challenge = expectStatus(await registrationInit(emulator, 'jane@example.com', registrationCode), 200);
    const evil = await authenticator.create(challenge, { origin: 'http://localhost.evil.example:5173' });
    const refused = await call(emulator, 'POST', '/auth/registration', { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo: evil.credentialInfo } }, { token: challenge.temporaryAuthenticationToken });
    expect(refused.status).toBe(403);
    const { credentialInfo } = await authenticator.create(challenge, { origin: 'http://localhost:51234' });
    const accepted = await call(emulator, 'POST', '/auth/registration', { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo } }, { token: challenge.temporaryAuthenticationToken });
    expect(accepted.status).toBe(200);
  });

  it('refuses a passkey bound to another rp id', async () => {
    const emulator = createDfnsEmulator();
    const { registrationCode } = emulator.createUser({ username: 'jane@example.com' });
    const challenge = expectStatus(await registrationInit(emulator, 'jane@example.com', registrationCode), 200);
    const { credentialInfo } = await authenticator.create(challenge, { rpId: 'example.com' });
    const answer = await call(emulator, 'POST', '/auth/registration', { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo } }, { token: challenge.temporaryAuthenticationToken });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toMatch(/RP ID/i);
  });

  it('refuses an assertion for another rp id', async () => {
    const { emulator, jane } = await loggedIn();
    const challenge = await loginChallenge(emulator);
    const firstFactor = await authenticator.get(jane.passkey, challenge.challenge, { rpId: 'example.com' });
    const answer = await call(emulator, 'POST', '/auth/login', { challengeIdentifier: challenge.challengeIdentifier, firstFactor });
    expect(answer.status).toBe(403);
  });

  it('refuses a replayed login challenge', async () => {
    const { emulator, jane } = await loggedIn();
    const challenge = await loginChallenge(emulator);
    const firstFactor = await authenticator.get(jane.passkey, challenge.challenge);
    const body = { challengeIdentifier: challenge.challengeIdentifier, firstFactor };
    expect((await call(emulator, 'POST', '/auth/login', body)).status).toBe(200);
    const replay = await call(emulator, 'POST', '/auth/login', body);
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toBe('challengeIdentifier has already been used');
  });

  it('refuses a signature over another challenge', async () => {
    const { emulator, jane } = await loggedIn();
    const first = await loginChallenge(emulator);
    const second = await loginChallenge(emulator);
    const firstFactor = await authenticator.get(jane.passkey, first.challenge);
    const answer = await call(emulator, 'POST', '/auth/login', { challengeIdentifier: second.challengeIdentifier, firstFactor });
    expect(answer.status).toBe(403);
  });

  it('refuses a reused user action', async () => {
    const { emulator, jane, token } = await loggedIn();
    const payload = JSON.stringify({ network: 'EthereumSepolia' });
    const userAction = await signUserAction(emulator, token, { passkey: jane.passkey }, { method: 'POST', path: '/wallets', payload });
    expect((await call(emulator, 'POST', '/wallets', undefined, { token, userAction, raw: payload })).status).toBe(200);
    const again = await call(emulator, 'POST', '/wallets', undefined, { token, userAction, raw: payload });
    expect(again.status).toBe(403);
    expect(again.body.error.message).toBe('user action has already been used');
  });

  it('refuses a body that differs from the signed payload, even by whitespace', async () => {
    const { emulator, jane, token } = await loggedIn();
    const payload = JSON.stringify({ network: 'EthereumSepolia' });
    const userAction = await signUserAction(emulator, token, { passkey: jane.passkey }, { method: 'POST', path: '/wallets', payload });
    const spaced = await call(emulator, 'POST', '/wallets', undefined, { token, userAction, raw: JSON.stringify({ network: 'EthereumSepolia' }, null, 1) });
    expect(spaced.status).toBe(403);
    expect(spaced.body.error.message).toMatch(/differ from the signed payload/);
    const otherPath = await call(emulator, 'POST', '/wallets/wa-x/signatures', undefined, { token, userAction, raw: payload });
    expect(otherPath.status).toBe(403);
    // A refused mismatch does not burn the token: the exact request still goes through.
    expect((await call(emulator, 'POST', '/wallets', undefined, { token, userAction, raw: payload })).status).toBe(200);
  });

  it('refuses a protected call without a user action', async () => {
    const { emulator, token } = await loggedIn();
    const answer = await call(emulator, 'POST', '/wallets', { network: 'EthereumSepolia' }, { token });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe('user action signature is missing or invalid');
  });

  it('refuses an expired temporary token once the clock moves past its lifetime', async () => {
    let now = Date.UTC(2025, 0, 1);
    const emulator = createDfnsEmulator({ now: () => now, challengeTtlSeconds: 60 });
    const { registrationCode } = emulator.createUser({ username: 'jane@example.com' });
    const challenge = expectStatus(await registrationInit(emulator, 'jane@example.com', registrationCode), 200);
    const { credentialInfo } = await authenticator.create(challenge);
    now += 61_000;
    const answer = await call(emulator, 'POST', '/auth/registration', { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo } }, { token: challenge.temporaryAuthenticationToken });
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toBe('temporary authentication token has expired');
  });

  it('expires login tokens after tokenTtlSeconds', async () => {
    let now = Date.UTC(2025, 0, 1);
    const emulator = createDfnsEmulator({ now: () => now, tokenTtlSeconds: 120 });
    const jane = await registerUser(emulator, 'jane@example.com');
    const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    expect((await call(emulator, 'GET', '/auth/credentials', undefined, { token })).status).toBe(200);
    now += 121_000;
    expect((await call(emulator, 'GET', '/auth/credentials', undefined, { token })).status).toBe(401);
  });

  it('refuses a forged token', async () => {
    const { emulator, token } = await loggedIn();
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forged = `${header}.${b64url(JSON.stringify({ ...claims, exp: claims.exp + 10_000 }))}.${token.split('.')[2]}`;
    expect((await call(emulator, 'GET', '/auth/credentials', undefined, { token: forged })).status).toBe(401);
    expect((await call(emulator, 'GET', '/auth/credentials')).status).toBe(401);
  });

  it('refuses a login challenge identifier as a temporary registration token', async () => {
    const { emulator } = await loggedIn();
    const challenge = await loginChallenge(emulator);
    const answer = await call(emulator, 'POST', '/auth/registration', {}, { token: challenge.challengeIdentifier });
    expect(answer.status).toBe(401);
  });

  it('refuses a key attestation whose signature is not over the rebuilt fingerprint', async () => {
    const emulator = createDfnsEmulator();
    const { registrationCode } = emulator.createUser({ username: 'bot@example.com' });
    const challenge = expectStatus(await registrationInit(emulator, 'bot@example.com', registrationCode), 200);
    const key = await createTestKey();
    const other = await createTestKey();
    const signedByOther = await attestKey(key, challenge.challenge, { signerKey: other.privateKey });
    const wrongKey = await call(emulator, 'POST', '/auth/registration', { firstFactorCredential: { credentialKind: 'Key', credentialInfo: signedByOther } }, { token: challenge.temporaryAuthenticationToken });
    expect(wrongKey.status).toBe(403);
    expect(wrongKey.body.error.message).toBe('firstFactorCredential attestation signature is invalid');
    const otherChallenge = await attestKey(key, challenge.challenge, { signedChallenge: 'not-the-challenge' });
    const wrongChallenge = await call(emulator, 'POST', '/auth/registration', { firstFactorCredential: { credentialKind: 'Key', credentialInfo: otherChallenge } }, { token: challenge.temporaryAuthenticationToken });
    expect(wrongChallenge.status).toBe(403);
  });

  it('refuses a second registration and an already-registered passkey with 409', async () => {
    const emulator = createDfnsEmulator();
    const { registrationCode } = emulator.createUser({ username: 'jane@example.com' });
    const challenge = expectStatus(await registrationInit(emulator, 'jane@example.com', registrationCode), 200);
    const { credentialInfo } = await authenticator.create(challenge);
    const body = { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo } };
    expect((await call(emulator, 'POST', '/auth/registration', body, { token: challenge.temporaryAuthenticationToken })).status).toBe(200);
    const again = await call(emulator, 'POST', '/auth/registration/init', { orgId: emulator.orgId, username: 'jane@example.com', registrationCode });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('user is already registered');

    const joe = emulator.createUser({ username: 'joe@example.com' });
    const joeChallenge = expectStatus(await registrationInit(emulator, 'joe@example.com', joe.registrationCode), 200);
    const duplicate = await call(emulator, 'POST', '/auth/registration', body, { token: joeChallenge.temporaryAuthenticationToken });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe('a credential with this credId already exists');
  });

  it('names the missing or mistyped field in 400 answers', async () => {
    const emulator = createDfnsEmulator();
    const missing = await call(emulator, 'POST', '/auth/registration/init', { orgId: emulator.orgId, registrationCode: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ message: 'username is required', details: { field: 'username' } });
    const mistyped = await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId, username: 42 });
    expect(mistyped.body.error.message).toBe('username must be a string');
    const malformed = await call(emulator, 'POST', '/auth/login/init', undefined, { raw: '{"orgId":' });
    expect(malformed.status).toBe(400);
    const unknownUser = await call(emulator, 'POST', '/auth/registration/init', { orgId: emulator.orgId, username: 'nobody@example.com', registrationCode: 'x' });
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.body.error.message).toBe('user not found');
    expect((await call(emulator, 'GET', '/nope')).status).toBe(404);
  });
});
