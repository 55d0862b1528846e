import { describe, expect, it, vi } from 'vitest';
import {
  completeEndUserRegistration,
  completeRegistration,
  initDelegatedRegistration,
  initRegistration,
  resendRegistrationCode,
} from '../../src/api';
import { DfnsAuthError } from '../../src/errors';
import { registrationChallenge, registrationCredentials, registrationResult, signingChallenge, fido2Assertion } from './fixtures/wire';
import { JSON_ONLY, JSON_TEMP, JSON_USER, TEMP_TOKEN, TEST_BASE_URL, TEST_ORG_ID, clientWith, jsonReply, sent } from './recordingFetch';

describe('initRegistration', () => {
  it('posts the org id, username and code without auth and returns the challenge', async () => {
    const { client, calls } = clientWith([jsonReply(registrationChallenge)]);
    const challenge = await initRegistration(client, { username: 'jane@example.co', registrationCode: '1234-5678' });
    expect(calls).toHaveLength(1);
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/registration/init`,
      method: 'POST',
      headers: JSON_ONLY,
      body: `{"orgId":"${TEST_ORG_ID}","username":"jane@example.co","registrationCode":"1234-5678"}`,
    });
    expect(challenge).toEqual(registrationChallenge);
  });

  it('prefers the org id given to the call over the client one', async () => {
    const { client, calls } = clientWith([jsonReply(registrationChallenge)]);
    await initRegistration(client, { username: 'a', registrationCode: 'b', orgId: 'or-other' });
    expect(JSON.parse(calls[0]?.body ?? '')).toMatchObject({ orgId: 'or-other' });
  });

  it('rejects with a config error naming the endpoint, without a request, when no org id is known', async () => {
    const { client, calls } = clientWith([], { orgId: undefined });
    const error = await initRegistration(client, { username: 'a', registrationCode: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DfnsAuthError);
    expect(error).toMatchObject({ code: 'config_error' });
    expect((error as Error).message).toContain('POST /auth/registration/init needs an orgId');
    expect(calls).toHaveLength(0);
  });
});

describe('completeRegistration', () => {
  it('sends the temporary token as a bearer token and the credentials as the body', async () => {
    const { client, calls } = clientWith([jsonReply(registrationResult)]);
    const result = await completeRegistration(client, { temporaryAuthenticationToken: TEMP_TOKEN, credentials: registrationCredentials });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/registration`,
      method: 'POST',
      headers: JSON_TEMP,
      body: JSON.stringify(registrationCredentials),
    });
    expect(result).toEqual(registrationResult);
  });

  it('never sends the user token in place of a missing temporary token', async () => {
    const { client, calls } = clientWith([]);
    await expect(
      completeRegistration(client, { temporaryAuthenticationToken: '', credentials: registrationCredentials }),
    ).rejects.toMatchObject({ code: 'config_error' });
    expect(calls).toHaveLength(0);
  });
});

describe('completeEndUserRegistration', () => {
  const endUserResult = {
    ...registrationResult,
    authentication: { token: 'end-user-token.jwt' },
    wallets: [{ id: 'wa-1', network: 'EthereumSepolia', status: 'Active', dateCreated: '2025-01-01T00:00:00Z', signingKey: { id: 'key-1' } }],
  };

  it('sends the credentials plus the wallets with the temporary token and returns the token and wallets', async () => {
    const { client, calls } = clientWith([jsonReply(endUserResult)]);
    const wallets = [{ network: 'EthereumSepolia', name: 'Main' }];
    const result = await completeEndUserRegistration(client, {
      temporaryAuthenticationToken: TEMP_TOKEN,
      credentials: registrationCredentials,
      wallets,
    });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/registration/enduser`,
      method: 'POST',
      headers: JSON_TEMP,
      body: JSON.stringify({ ...registrationCredentials, wallets }),
    });
    expect(result.authentication.token).toBe('end-user-token.jwt');
    // Wallet fields the kit does not model pass through untouched.
    expect(result.wallets[0]).toMatchObject({ id: 'wa-1', signingKey: { id: 'key-1' } });
  });

  it('rejects an empty wallet list before sending anything', async () => {
    const { client, calls } = clientWith([]);
    await expect(
      completeEndUserRegistration(client, { temporaryAuthenticationToken: TEMP_TOKEN, credentials: registrationCredentials, wallets: [] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(calls).toHaveLength(0);
  });
});

describe('resendRegistrationCode', () => {
  it('puts the username and org id without auth', async () => {
    const { client, calls } = clientWith([jsonReply({ message: 'sent' })]);
    const result = await resendRegistrationCode(client, { username: 'jane@example.co' });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/registration/code`,
      method: 'PUT',
      headers: JSON_ONLY,
      body: `{"username":"jane@example.co","orgId":"${TEST_ORG_ID}"}`,
    });
    expect(result).toEqual({ message: 'sent' });
  });
});

describe('initDelegatedRegistration', () => {
  it('signs the exact body as a user action with the service account token, then sends it', async () => {
    const { client, calls } = clientWith([
      jsonReply(signingChallenge),
      jsonReply({ userAction: 'user-action-token' }),
      jsonReply(registrationChallenge),
    ]);
    const sign = vi.fn().mockResolvedValue(fido2Assertion);
    const challenge = await initDelegatedRegistration(client, { email: 'new@example.co', kind: 'EndUser' }, { sign });
    const body = '{"email":"new@example.co","kind":"EndUser"}';
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${TEST_BASE_URL}/auth/action/init`,
      `POST ${TEST_BASE_URL}/auth/action`,
      `POST ${TEST_BASE_URL}/auth/registration/delegated`,
    ]);
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      userActionHttpMethod: 'POST',
      userActionHttpPath: '/auth/registration/delegated',
      userActionPayload: body,
      userActionServerKind: 'Api',
    });
    expect(sent(calls[0])?.headers).toEqual(JSON_USER);
    expect(sent(calls[1])).toEqual({
      url: `${TEST_BASE_URL}/auth/action`,
      method: 'POST',
      headers: JSON_USER,
      body: JSON.stringify({ challengeIdentifier: signingChallenge.challengeIdentifier, firstFactor: fido2Assertion }),
    });
    expect(sent(calls[2])).toEqual({
      url: `${TEST_BASE_URL}/auth/registration/delegated`,
      method: 'POST',
      headers: { ...JSON_USER, 'x-dfns-useraction': 'user-action-token' },
      body,
    });
    expect(sign).toHaveBeenCalledWith(signingChallenge, { signal: undefined });
    expect(challenge).toEqual(registrationChallenge);
  });

  it('sends the external id when given', async () => {
    const { client, calls } = clientWith([
      jsonReply(signingChallenge),
      jsonReply({ userAction: 'ua' }),
      jsonReply(registrationChallenge),
    ]);
    await initDelegatedRegistration(
      client,
      { email: 'new@example.co', kind: 'CustomerEmployee', externalId: 'ext-1' },
      { sign: async () => fido2Assertion },
    );
    expect(calls[2]?.body).toBe('{"email":"new@example.co","kind":"CustomerEmployee","externalId":"ext-1"}');
  });
});
