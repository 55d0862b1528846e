import { describe, expect, it } from 'vitest';
import { completeSsoLogin, initSocialRegistration, initSsoLogin, socialLogin } from '../../src/api';
import { DfnsApiError, DfnsAuthError } from '../../src/errors';
import { registrationChallenge } from './fixtures/wire';
import { JSON_ONLY, TEST_BASE_URL, TEST_ORG_ID, clientWith, jsonReply, sent } from './recordingFetch';

describe('socialLogin', () => {
  it('posts the id token as an Oidc social login of the org, without auth, and returns the token', async () => {
    const { client, calls } = clientWith([jsonReply({ token: 'session.jwt' })]);
    expect(await socialLogin(client, { idToken: 'id.token.jwt' })).toEqual({ token: 'session.jwt' });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/login/social`,
      method: 'POST',
      headers: JSON_ONLY,
      body: `{"socialLoginProviderKind":"Oidc","idToken":"id.token.jwt","orgId":"${TEST_ORG_ID}"}`,
    });
  });

  it('reports a user Dfns does not know as unauthorized (401), which the flow reads as "register"', async () => {
    const { client } = clientWith([jsonReply({ error: { message: 'user not found' } }, 401)]);
    const error = await socialLogin(client, { idToken: 'id.token.jwt' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DfnsApiError);
    expect((error as DfnsApiError).code).toBe('unauthorized');
  });

  it('refuses an empty id token before sending anything', async () => {
    const { client, calls } = clientWith([]);
    const error = await socialLogin(client, { idToken: ' ' }).catch((e: unknown) => e);
    expect((error as DfnsAuthError).code).toBe('invalid_input');
    expect(calls).toHaveLength(0);
  });
});

describe('initSocialRegistration', () => {
  it('posts the same body to /auth/registration/social and returns the registration challenge', async () => {
    const { client, calls } = clientWith([jsonReply(registrationChallenge)]);
    expect(await initSocialRegistration(client, { idToken: 'id.token.jwt', orgId: 'or-x' })).toEqual(registrationChallenge);
    expect(calls[0]?.url).toBe(`${TEST_BASE_URL}/auth/registration/social`);
    expect(calls[0]?.body).toBe('{"socialLoginProviderKind":"Oidc","idToken":"id.token.jwt","orgId":"or-x"}');
  });

  it('refuses a challenge without its temporary token as an invalid response', async () => {
    const { temporaryAuthenticationToken: _, ...broken } = registrationChallenge;
    const { client } = clientWith([jsonReply(broken)]);
    const error = await initSocialRegistration(client, { idToken: 'id.token.jwt' }).catch((e: unknown) => e);
    expect((error as DfnsAuthError).code).toBe('invalid_response');
  });
});

describe('SSO login', () => {
  it('init posts org, client id and redirect uri and returns where to send the browser', async () => {
    const { client, calls } = clientWith([jsonReply({ ssoRedirectUrl: 'https://idp.test/authorize?state=s' })]);
    const result = await initSsoLogin(client, { clientId: 'cl-1', redirectUri: 'https://app.test/sso' });
    expect(result.ssoRedirectUrl).toBe('https://idp.test/authorize?state=s');
    expect(calls[0]?.body).toBe(`{"orgId":"${TEST_ORG_ID}","clientId":"cl-1","redirectUri":"https://app.test/sso"}`);
  });

  it('init refuses a relative redirect uri before sending anything', async () => {
    const { client, calls } = clientWith([]);
    const error = await initSsoLogin(client, { clientId: 'cl-1', redirectUri: '/sso' }).catch((e: unknown) => e);
    expect((error as DfnsAuthError).code).toBe('invalid_input');
    expect(calls).toHaveLength(0);
  });

  it('complete posts code and state and returns the token', async () => {
    const { client, calls } = clientWith([jsonReply({ token: 'session.jwt' })]);
    expect(await completeSsoLogin(client, { code: 'c', state: 's' })).toEqual({ token: 'session.jwt' });
    expect(calls[0]?.url).toBe(`${TEST_BASE_URL}/auth/login/sso`);
    expect(calls[0]?.body).toBe('{"code":"c","state":"s"}');
  });

  it('complete refuses an answer without a token', async () => {
    const { client } = clientWith([jsonReply({ ssoRedirectUrl: 'x' })]);
    const error = await completeSsoLogin(client, { code: 'c', state: 's' }).catch((e: unknown) => e);
    expect((error as DfnsAuthError).code).toBe('invalid_response');
  });
});
