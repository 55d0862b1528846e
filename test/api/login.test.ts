import { describe, expect, it, vi } from 'vitest';
import { completeLogin, delegatedLogin, initLogin, loginToken, logout, sendLoginCode } from '../../src/api';
import { DfnsApiError } from '../../src/errors';
import { fido2Assertion, signingChallenge } from './fixtures/wire';
import { JSON_ONLY, JSON_USER, TEST_BASE_URL, TEST_ORG_ID, clientWith, jsonReply, sent } from './recordingFetch';

describe('initLogin', () => {
  it('posts the username and org id without auth and returns the signing challenge', async () => {
    const { client, calls } = clientWith([jsonReply(signingChallenge)]);
    const challenge = await initLogin(client, { username: 'jane@example.co' });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/login/init`,
      method: 'POST',
      headers: JSON_ONLY,
      body: `{"username":"jane@example.co","orgId":"${TEST_ORG_ID}"}`,
    });
    expect(challenge).toEqual(signingChallenge);
  });

  it('sends only the org id for the usernameless flow', async () => {
    const { client, calls } = clientWith([jsonReply(signingChallenge)]);
    await initLogin(client);
    expect(calls[0]?.body).toBe(`{"orgId":"${TEST_ORG_ID}"}`);
  });

  it('sends the login code that unlocks password-protected keys', async () => {
    const { client, calls } = clientWith([jsonReply(signingChallenge)]);
    await initLogin(client, { username: 'jane@example.co', orgId: 'or-x', loginCode: 'ABC-123' });
    expect(calls[0]?.body).toBe('{"username":"jane@example.co","orgId":"or-x","loginCode":"ABC-123"}');
  });
});

describe('completeLogin', () => {
  it('posts the signed challenge without auth and returns the token', async () => {
    const { client, calls } = clientWith([jsonReply({ token: 'session.jwt' })]);
    const result = await completeLogin(client, { challengeIdentifier: 'challenge-identifier.jwt', firstFactor: fido2Assertion });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/login`,
      method: 'POST',
      headers: JSON_ONLY,
      body: JSON.stringify({ challengeIdentifier: 'challenge-identifier.jwt', firstFactor: fido2Assertion }),
    });
    expect(result).toEqual({ token: 'session.jwt' });
  });

  it('returns the SSO client id when the user must log in through SSO', async () => {
    const { client } = clientWith([jsonReply({ ssoClientId: 'sso-client' })]);
    const result = await completeLogin(client, { challengeIdentifier: 'c', firstFactor: fido2Assertion });
    expect(result).toEqual({ ssoClientId: 'sso-client' });
  });

  it('sends the second factor when given', async () => {
    const { client, calls } = clientWith([jsonReply({ token: 't' })]);
    await completeLogin(client, { challengeIdentifier: 'c', firstFactor: fido2Assertion, secondFactor: fido2Assertion });
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ challengeIdentifier: 'c', firstFactor: fido2Assertion, secondFactor: fido2Assertion });
  });

  it('names both accepted shapes when the answer has neither a token nor an SSO client id', async () => {
    const { client } = clientWith([jsonReply({ tokn: 'typo' })]);
    const error = await completeLogin(client, { challengeIdentifier: 'c', firstFactor: fido2Assertion }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect((error as Error).message).toContain('token: missing');
    expect((error as Error).message).toContain('ssoClientId: missing');
  });
});

describe('sendLoginCode', () => {
  it('posts the username and org id without auth', async () => {
    const { client, calls } = clientWith([jsonReply({ message: 'sent' })]);
    const result = await sendLoginCode(client, { username: 'jane@example.co' });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/login/code`,
      method: 'POST',
      headers: JSON_ONLY,
      body: `{"username":"jane@example.co","orgId":"${TEST_ORG_ID}"}`,
    });
    expect(result).toEqual({ message: 'sent' });
  });
});

describe('logout', () => {
  it('puts an empty JSON object with the user token', async () => {
    const { client, calls } = clientWith([jsonReply({ message: 'logged out' })]);
    const result = await logout(client);
    expect(sent(calls[0])).toEqual({ url: `${TEST_BASE_URL}/auth/logout`, method: 'PUT', headers: JSON_USER, body: '{}' });
    expect(result).toEqual({ message: 'logged out' });
  });

  it('asks to end every session', async () => {
    const { client, calls } = clientWith([jsonReply({ message: 'logged out' })]);
    await logout(client, { allSessions: true });
    expect(calls[0]?.body).toBe('{"allSessions":true}');
  });
});

describe('delegatedLogin', () => {
  it('signs {username} as a user action and returns the end user token', async () => {
    const { client, calls } = clientWith([
      jsonReply(signingChallenge),
      jsonReply({ userAction: 'ua-token' }),
      jsonReply({ token: 'end-user.jwt' }),
    ]);
    const sign = vi.fn().mockResolvedValue(fido2Assertion);
    const result = await delegatedLogin(client, { username: 'jane@example.co' }, { sign });
    expect(JSON.parse(calls[0]?.body ?? '')).toMatchObject({
      userActionHttpMethod: 'POST',
      userActionHttpPath: '/auth/login/delegated',
      userActionPayload: '{"username":"jane@example.co"}',
    });
    expect(sent(calls[2])).toEqual({
      url: `${TEST_BASE_URL}/auth/login/delegated`,
      method: 'POST',
      headers: { ...JSON_USER, 'x-dfns-useraction': 'ua-token' },
      body: '{"username":"jane@example.co"}',
    });
    expect(result).toEqual({ token: 'end-user.jwt' });
  });
});

describe('loginToken', () => {
  it('gives the token of a login answer', () => {
    expect(loginToken({ token: 'jwt' })).toBe('jwt');
  });

  it('turns an SSO answer into sso_required, naming the client and keeping it on the error', () => {
    const error = (() => {
      try {
        return loginToken({ ssoClientId: 'cl-sso-1' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DfnsApiError);
    expect(error).toMatchObject({ code: 'sso_required', status: 200, path: '/auth/login', body: { ssoClientId: 'cl-sso-1' } });
    expect((error as Error).message).toContain('cl-sso-1');
  });
});
