import { describe, expect, it, vi } from 'vitest';
import { initDelegatedRecovery, initRecovery, recoverUser, sendRecoveryCode } from '../../src/api';
import { fido2Assertion, recoverUserBody, recoveryChallenge, registrationResult, signingChallenge } from './fixtures/wire';
import { JSON_ONLY, JSON_TEMP, JSON_USER, TEMP_TOKEN, TEST_BASE_URL, TEST_ORG_ID, clientWith, jsonReply, sent } from './recordingFetch';

describe('sendRecoveryCode', () => {
  it('posts the username and org id without auth', async () => {
    const { client, calls } = clientWith([jsonReply({ message: 'sent' })]);
    const result = await sendRecoveryCode(client, { username: 'jane@example.co' });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/recover/user/code`,
      method: 'POST',
      headers: JSON_ONLY,
      body: `{"username":"jane@example.co","orgId":"${TEST_ORG_ID}"}`,
    });
    expect(result).toEqual({ message: 'sent' });
  });
});

describe('initRecovery', () => {
  it('posts the username, verification code, org id and recovery key id without auth', async () => {
    const { client, calls } = clientWith([jsonReply(recoveryChallenge)]);
    const challenge = await initRecovery(client, {
      username: 'jane@example.co',
      verificationCode: '123456',
      credentialId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk',
    });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/recover/user/init`,
      method: 'POST',
      headers: JSON_ONLY,
      body: `{"username":"jane@example.co","verificationCode":"123456","orgId":"${TEST_ORG_ID}","credentialId":"GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk"}`,
    });
    expect(challenge).toEqual(recoveryChallenge);
  });

  it('rejects a challenge without the recovery keys, naming the field', async () => {
    const { allowedRecoveryCredentials: _omitted, ...withoutKeys } = recoveryChallenge;
    const { client } = clientWith([jsonReply(withoutKeys)]);
    await expect(
      initRecovery(client, { username: 'a', verificationCode: 'b', credentialId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk' }),
    ).rejects.toThrow(/allowedRecoveryCredentials: missing/);
  });
});

describe('recoverUser', () => {
  it('sends the temporary token as a bearer token and the recovery body as is', async () => {
    const { client, calls } = clientWith([jsonReply(registrationResult)]);
    const result = await recoverUser(client, { temporaryAuthenticationToken: TEMP_TOKEN, body: recoverUserBody });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/recover/user`,
      method: 'POST',
      headers: JSON_TEMP,
      body: JSON.stringify(recoverUserBody),
    });
    // The recovery assertion signs base64url(JSON.stringify(newCredentials)): the body must embed that exact string.
    expect(calls[0]?.body).toContain(JSON.stringify(recoverUserBody.newCredentials));
    expect(result).toEqual(registrationResult);
  });
});

describe('initDelegatedRecovery', () => {
  it('signs {username, credentialId} as a user action and returns the recovery challenge', async () => {
    const { client, calls } = clientWith([
      jsonReply(signingChallenge),
      jsonReply({ userAction: 'ua-token' }),
      jsonReply(recoveryChallenge),
    ]);
    const sign = vi.fn().mockResolvedValue(fido2Assertion);
    const challenge = await initDelegatedRecovery(client, { username: 'jane@example.co', credentialId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk' }, { sign });
    const body = '{"username":"jane@example.co","credentialId":"GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk"}';
    expect(JSON.parse(calls[0]?.body ?? '')).toMatchObject({ userActionHttpPath: '/auth/recover/user/delegated', userActionPayload: body });
    expect(sent(calls[2])).toEqual({
      url: `${TEST_BASE_URL}/auth/recover/user/delegated`,
      method: 'POST',
      headers: { ...JSON_USER, 'x-dfns-useraction': 'ua-token' },
      body,
    });
    expect(challenge).toEqual(recoveryChallenge);
  });
});
