/**
 * The emulator's social sign-in and SSO (issue 17): it verifies OIDC id tokens like Dfns (issuer
 * the org allows, signature against that issuer's key, audience, expiry) and runs an SSO login
 * through its own identity-provider page with a single-use code bound to state.
 */
import { describe, expect, it } from 'vitest';
import type { RegistrationChallenge, SigningChallenge } from '../../src/api/types';
import { createDfnsEmulator, createOidcIssuer, type DfnsEmulator } from '../../src/emulator/index';
import { BASE, ORIGIN, call, expectStatus } from './helpers/client';
import { newCredentials, registerUser, sign } from './helpers/flows';

const social = (emulator: DfnsEmulator, path: 'login' | 'registration', idToken: string) =>
  call(emulator, 'POST', `/auth/${path}/social`, { socialLoginProviderKind: 'Oidc', idToken, orgId: emulator.orgId });
const messageOf = (body: unknown) => (body as { error: { message: string } }).error.message;

/** A new person signs up with an id token: registration challenge, passkey, end-user registration with a wallet. */
async function socialSignUp(emulator: DfnsEmulator, email: string) {
  const idToken = await emulator.oidc.idTokenFor(email);
  const challenge = expectStatus(await social(emulator, 'registration', idToken), 200) as RegistrationChallenge;
  const { body, passkey } = await newCredentials(challenge);
  const done = expectStatus(
    await call(emulator, 'POST', '/auth/registration/enduser', { ...body, wallets: [{ network: 'EthereumSepolia' }] }, { token: challenge.temporaryAuthenticationToken }),
    200,
  );
  return { challenge, done, passkey };
}

describe('social login and registration', () => {
  it('answers 401 for a person it does not know, then registers them with a passkey and a wallet, then logs them in with one request', async () => {
    const emulator = createDfnsEmulator();
    const idToken = await emulator.oidc.idTokenFor('jane@example.com');
    const unknown = await social(emulator, 'login', idToken);
    expect(unknown.status).toBe(401);
    expect(messageOf(unknown.body)).toBe('user not found');

    const { challenge, done } = await socialSignUp(emulator, 'jane@example.com');
    expect(challenge.user.name).toBe('jane@example.com');
    expect(done.authentication.token).toEqual(expect.any(String));
    expect(done.wallets).toHaveLength(1);
    expect(emulator.users()[0]).toMatchObject({ username: 'jane@example.com', kind: 'EndUser', isRegistered: true });

    const again = expectStatus(await social(emulator, 'login', await emulator.oidc.idTokenFor('jane@example.com')), 200);
    expect(again.token).toEqual(expect.any(String));
  });

  it('refuses social registration of someone already registered (409)', async () => {
    const emulator = createDfnsEmulator();
    await socialSignUp(emulator, 'jane@example.com');
    const twice = await social(emulator, 'registration', await emulator.oidc.idTokenFor('jane@example.com'));
    expect(twice.status).toBe(409);
  });

  it('refuses social registration when the organisation does not allow it (403)', async () => {
    const emulator = createDfnsEmulator({ social: { allowRegistration: false } });
    const refused = await social(emulator, 'registration', await emulator.oidc.idTokenFor('jane@example.com'));
    expect(refused.status).toBe(403);
  });

  describe.each(['login', 'registration'] as const)('every bad id token is refused with 401, never a token (%s)', (path) => {
    it('an expired token', async () => {
      const emulator = createDfnsEmulator();
      await socialSignUp(emulator, 'jane@example.com');
      const answer = await social(emulator, path, await emulator.oidc.idTokenFor('jane@example.com', { expiresInSeconds: -120 }));
      expect(answer.status).toBe(401);
      expect(messageOf(answer.body)).toBe('id token refused: expired');
    });

    it('a token for another app (audience)', async () => {
      const emulator = createDfnsEmulator();
      await socialSignUp(emulator, 'jane@example.com');
      const answer = await social(emulator, path, await emulator.oidc.idTokenFor('jane@example.com', { audience: 'someone-elses-app' }));
      expect(answer.status).toBe(401);
      expect(messageOf(answer.body)).toMatch(/^id token refused: audience/);
    });

    it('a token from an issuer the org does not allow', async () => {
      const emulator = createDfnsEmulator();
      await socialSignUp(emulator, 'jane@example.com');
      const foreign = createOidcIssuer({ issuer: 'https://accounts.evil.example', clientId: emulator.oidc.clientId });
      const answer = await social(emulator, path, await foreign.idTokenFor('jane@example.com'));
      expect(answer.status).toBe(401);
      expect(messageOf(answer.body)).toMatch(/^id token refused: issuer "https:\/\/accounts.evil.example"/);
    });

    it('a token naming the right issuer but signed with another key', async () => {
      const emulator = createDfnsEmulator();
      await socialSignUp(emulator, 'jane@example.com');
      const forger = createOidcIssuer({ issuer: emulator.oidc.issuer, clientId: emulator.oidc.clientId });
      const answer = await social(emulator, path, await forger.idTokenFor('jane@example.com'));
      expect(answer.status).toBe(401);
      expect(messageOf(answer.body)).toBe('id token refused: signature does not verify with the issuer keys');
    });

    it('a token whose claims were edited after signing', async () => {
      const emulator = createDfnsEmulator();
      await socialSignUp(emulator, 'jane@example.com');
      const [h, , s] = (await emulator.oidc.idTokenFor('mallory@example.com')).split('.');
      const good = (await emulator.oidc.idTokenFor('jane@example.com')).split('.')[1];
      const answer = await social(emulator, path, `${h}.${good}.${s}`);
      expect(answer.status).toBe(401);
      expect(messageOf(answer.body)).toBe('id token refused: signature does not verify with the issuer keys');
    });

    it('a token that is not a JWT, and one with alg none', async () => {
      const emulator = createDfnsEmulator();
      expect((await social(emulator, path, 'not-a-jwt')).status).toBe(401);
      const [, payload] = (await emulator.oidc.idTokenFor('jane@example.com')).split('.');
      const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
      const answer = await social(emulator, path, none);
      expect(answer.status).toBe(401);
      expect(messageOf(answer.body)).toBe('id token refused: algorithm none is not accepted');
    });
  });

  it('serves its issuer keys as a JWKS the tokens verify with', async () => {
    const emulator = createDfnsEmulator();
    const response = await emulator.handle(new Request(`${BASE}/emulator/idp/jwks`));
    const jwks = (await response.json()) as { keys: JsonWebKey[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    const key = await crypto.subtle.importKey('jwk', jwks.keys[0]!, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const [h, p, s] = (await emulator.oidc.idTokenFor('jane@example.com')).split('.');
    const valid = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, Buffer.from(s!, 'base64url'), Buffer.from(`${h}.${p}`));
    expect(valid).toBe(true);
  });
});

/** Starts an SSO login, submits the identity provider's page as `email`; returns where it redirected. */
async function ssoRoundTrip(emulator: DfnsEmulator, email: string, redirectUri = `${ORIGIN}/sso/callback`) {
  const init = expectStatus(
    await call<{ ssoRedirectUrl: string }>(emulator, 'POST', '/auth/login/sso/init', { orgId: emulator.orgId, clientId: emulator.sso.clientId, redirectUri }),
    200,
  );
  const page = await emulator.handle(new Request(init.ssoRedirectUrl));
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const state = new URL(init.ssoRedirectUrl).searchParams.get('state')!;
  const submitted = await emulator.handle(
    new Request(`${BASE}/emulator/idp/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state, email, action: 'approve' }).toString(),
    }),
  );
  return { init, state, submitted, back: new URL(submitted.headers.get('location') ?? 'about:blank') };
}

describe('SSO', () => {
  async function ssoUser() {
    const emulator = createDfnsEmulator();
    const bob = await registerUser(emulator, 'bob@corp.example');
    emulator.sso.requireFor('bob@corp.example');
    return { emulator, bob };
  }

  it('answers /auth/login with the SSO client instead of a token for a user who must use SSO', async () => {
    const { emulator, bob } = await ssoUser();
    const challenge = expectStatus(await call<SigningChallenge>(emulator, 'POST', '/auth/login/init', { username: bob.username, orgId: emulator.orgId }), 200);
    const firstFactor = await sign({ passkey: bob.passkey }, challenge.challenge);
    const answer = expectStatus(await call(emulator, 'POST', '/auth/login', { challengeIdentifier: challenge.challengeIdentifier, firstFactor }), 200);
    expect(answer).toEqual({ ssoClientId: emulator.sso.clientId });
  });

  it('goes from init through the identity provider page back to redirectUri with code and state, and trades them for a token once', async () => {
    const { emulator } = await ssoUser();
    const { state, submitted, back } = await ssoRoundTrip(emulator, 'bob@corp.example');
    expect(submitted.status).toBe(303);
    expect(`${back.origin}${back.pathname}`).toBe(`${ORIGIN}/sso/callback`);
    expect(back.searchParams.get('state')).toBe(state);
    const code = back.searchParams.get('code')!;
    const token = expectStatus(await call(emulator, 'POST', '/auth/login/sso', { code, state }), 200);
    expect(token.token).toEqual(expect.any(String));

    const replayed = await call(emulator, 'POST', '/auth/login/sso', { code, state });
    expect(replayed.status).toBe(401);
    expect(messageOf(replayed.body)).toBe('SSO code is invalid, used or expired');
  });

  it('refuses a code with a forged state, and the code is spent by the attempt', async () => {
    const { emulator } = await ssoUser();
    const { state, back } = await ssoRoundTrip(emulator, 'bob@corp.example');
    const code = back.searchParams.get('code')!;
    const forged = await call(emulator, 'POST', '/auth/login/sso', { code, state: `${state}x` });
    expect(forged.status).toBe(401);
    expect(messageOf(forged.body)).toBe('SSO state does not match its code');
    expect((await call(emulator, 'POST', '/auth/login/sso', { code, state })).status).toBe(401);
  });

  it('refuses an expired code', async () => {
    const { emulator } = await ssoUser();
    const { state, back } = await ssoRoundTrip(emulator, 'bob@corp.example');
    emulator.advanceClock(301_000);
    const late = await call(emulator, 'POST', '/auth/login/sso', { code: back.searchParams.get('code'), state });
    expect(late.status).toBe(401);
  });

  it('refuses an unknown SSO client, a foreign redirectUri and another org', async () => {
    const { emulator } = await ssoUser();
    const init = (body: object) => call(emulator, 'POST', '/auth/login/sso/init', { orgId: emulator.orgId, clientId: emulator.sso.clientId, redirectUri: `${ORIGIN}/cb`, ...body });
    expect((await init({ clientId: 'other-client' })).status).toBe(404);
    expect((await init({ redirectUri: 'https://evil.example/cb' })).status).toBe(403);
    expect((await init({ redirectUri: 'javascript:alert(1)' })).status).toBe(400);
    expect((await init({ orgId: 'or-other' })).status).toBe(404);
  });

  it('the identity provider page refuses a state it never issued, and a second sign-in with the same state', async () => {
    const { emulator } = await ssoUser();
    const forged = await emulator.handle(new Request(`${BASE}/emulator/idp/authorize?state=nope&client_id=${emulator.sso.clientId}&redirect_uri=x`));
    expect(forged.status).toBe(400);
    const { state } = await ssoRoundTrip(emulator, 'bob@corp.example');
    const again = await emulator.handle(
      new Request(`${BASE}/emulator/idp/authorize`, { method: 'POST', body: new URLSearchParams({ state, email: 'bob@corp.example' }) }),
    );
    expect(again.status).toBe(400);
  });

  it('a person who cancels at the identity provider goes back with error=access_denied and no code', async () => {
    const { emulator } = await ssoUser();
    const init = expectStatus(
      await call<{ ssoRedirectUrl: string }>(emulator, 'POST', '/auth/login/sso/init', { orgId: emulator.orgId, clientId: emulator.sso.clientId, redirectUri: `${ORIGIN}/cb` }),
      200,
    );
    const state = new URL(init.ssoRedirectUrl).searchParams.get('state')!;
    const denied = await emulator.handle(new Request(`${BASE}/emulator/idp/authorize`, { method: 'POST', body: new URLSearchParams({ state, action: 'deny' }) }));
    const back = new URL(denied.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.has('code')).toBe(false);
  });
});

describe('the stand-in "Continue with Google" popup and the admin routes', () => {
  it('asks for an email, then hands a verifiable id token to an allowed opener origin only', async () => {
    const emulator = createDfnsEmulator();
    const page = await emulator.handle(new Request(`${BASE}/emulator/idp/social?origin=${encodeURIComponent(ORIGIN)}`));
    expect(page.status).toBe(200);
    const refused = await emulator.handle(new Request(`${BASE}/emulator/idp/social?origin=${encodeURIComponent('https://evil.example')}`));
    expect(refused.status).toBe(400);
    const answer = await emulator.handle(
      new Request(`${BASE}/emulator/idp/social`, { method: 'POST', body: new URLSearchParams({ origin: ORIGIN, email: 'jane@example.com', action: 'approve' }) }),
    );
    const html = await answer.text();
    const data = JSON.parse(/var d=(\{.*?\});/.exec(html)![1]!.replace(/\\u003c/g, '<')) as { message: { idToken: string }; origin: string };
    expect(data.origin).toBe(ORIGIN);
    const login = await call(emulator, 'POST', '/auth/registration/social', { socialLoginProviderKind: 'Oidc', idToken: data.message.idToken, orgId: emulator.orgId });
    expect(login.status).toBe(200);
    const forged = await emulator.handle(
      new Request(`${BASE}/emulator/idp/social`, { method: 'POST', body: new URLSearchParams({ origin: 'https://evil.example', email: 'jane@example.com' }) }),
    );
    expect(forged.status).toBe(400);
  });

  it('remembers the last account, so coming back is one click ("Continue as …")', async () => {
    const emulator = createDfnsEmulator();
    const answer = await emulator.handle(
      new Request(`${BASE}/emulator/idp/social`, { method: 'POST', body: new URLSearchParams({ origin: ORIGIN, email: 'jane@example.com', action: 'approve' }) }),
    );
    const cookie = answer.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toBe('dfns-emulator-account=jane%40example.com');
    const page = await (await emulator.handle(new Request(`${BASE}/emulator/idp/social?origin=${encodeURIComponent(ORIGIN)}`, { headers: { cookie } }))).text();
    expect(page).toContain('Continue as jane@example.com');
    const hostile = await (
      await emulator.handle(new Request(`${BASE}/emulator/idp/social?origin=${encodeURIComponent(ORIGIN)}`, { headers: { cookie: 'dfns-emulator-account=%3Cscript%3E@x' } }))
    ).text();
    expect(hostile).not.toContain('Continue as');
  });

  it('admin: marks a user as SSO-required and mints id tokens', async () => {
    const emulator = createDfnsEmulator();
    await registerUser(emulator, 'bob@corp.example');
    const admin = (path: string, body: object) =>
      emulator.handle(new Request(`${BASE}/emulator/admin${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    expect(await (await admin('/sso-required', { username: 'bob@corp.example' })).json()).toEqual({ ssoClientId: emulator.sso.clientId });
    const { idToken } = (await (await admin('/id-token', { email: 'bob@corp.example', expiresInSeconds: -100 })).json()) as { idToken: string };
    const expired = await call(emulator, 'POST', '/auth/login/social', { socialLoginProviderKind: 'Oidc', idToken, orgId: emulator.orgId });
    expect(messageOf(expired.body)).toBe('id token refused: expired');
  });
});
