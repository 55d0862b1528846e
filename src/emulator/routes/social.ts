import { asObject, optionalString, requireOneOf, requireString } from '../bodyChecks';
import { safeEqual } from '../bytes';
import { ok, type EmulatorEngine, type Route, type RouteRequest } from '../engine';
import { badRequest, conflict, forbidden, notFound, unauthorized } from '../EmulatorHttpError';
import { randomToken } from '../ids';
import { IDP_PREFIX } from '../oidc/idpPage';
import { socialSetupOf } from '../oidc/socialSetup';
import { verifyIdToken, type IdTokenClaims } from '../oidc/verifyIdToken';

/** Reads and verifies the body both social endpoints take. */
async function socialClaims(engine: EmulatorEngine, req: RouteRequest): Promise<IdTokenClaims> {
  const body = asObject(req.body);
  requireOneOf(body, 'socialLoginProviderKind', ['Oidc'] as const);
  const orgId = optionalString(body, 'orgId');
  if (orgId !== undefined && orgId !== engine.options.orgId) throw notFound('organization not found');
  const idToken = requireString(body, 'idToken');
  return verifyIdToken(idToken, socialSetupOf(engine).providers, engine.now());
}

/** Social login and registration (OIDC id tokens) and SSO login (the org's identity provider). */
export const socialRoutes: Route[] = [
  {
    method: 'POST',
    path: '/auth/login/social',
    async handle(engine, req) {
      const claims = await socialClaims(engine, req);
      const user = engine.findUser(claims.email);
      // Dfns answers 401 for a person it does not know: the app registers them next.
      if (!user || !user.isRegistered) throw unauthorized('user not found');
      if (!user.isActive) throw unauthorized('user account has been deactivated');
      return ok({ token: await engine.issue(user, { kind: 'session' }, engine.options.tokenTtlSeconds) });
    },
  },
  {
    method: 'POST',
    path: '/auth/registration/social',
    async handle(engine, req) {
      const claims = await socialClaims(engine, req);
      const setup = socialSetupOf(engine);
      const existing = engine.findUser(claims.email);
      if (existing?.isRegistered) throw conflict('user is already registered');
      if (!existing && !setup.allowSocialRegistration) throw forbidden('social registration is not enabled for this organisation');
      // A person who started and never finished gets a fresh challenge.
      const user = existing ?? engine.createUser({ username: claims.email, kind: 'EndUser', name: claims.name, sendCode: false });
      return ok(await engine.registrationChallenge(user, (challenge) => ({ kind: 'registration', challenge })));
    },
  },
  {
    method: 'POST',
    path: '/auth/login/sso/init',
    async handle(engine, req) {
      const body = asObject(req.body);
      if (requireString(body, 'orgId') !== engine.options.orgId) throw notFound('organization not found');
      const setup = socialSetupOf(engine);
      if (requireString(body, 'clientId') !== setup.ssoClientId) throw notFound('SSO client not found');
      const redirectUri = requireString(body, 'redirectUri');
      let origin: string;
      try {
        const url = new URL(redirectUri);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('scheme');
        origin = url.origin;
      } catch {
        throw badRequest('redirectUri must be an absolute http(s) URL', { field: 'redirectUri' });
      }
      if (!engine.options.isOriginAllowed(origin)) throw forbidden(`redirectUri origin ${origin} is not an allowed origin of this organisation`);
      const state = randomToken(32);
      setup.sessions.set(state, { state, clientId: setup.ssoClientId, redirectUri, expiresAt: engine.now() + engine.challengeTtl * 1000 });
      const base = req.url ? new URL(req.url).origin : 'http://localhost';
      const page = new URL(`${IDP_PREFIX}/authorize`, base);
      page.searchParams.set('client_id', setup.ssoClientId);
      page.searchParams.set('redirect_uri', redirectUri);
      page.searchParams.set('state', state);
      return ok({ ssoRedirectUrl: page.href });
    },
  },
  {
    method: 'POST',
    path: '/auth/login/sso',
    async handle(engine, req) {
      const body = asObject(req.body);
      const code = requireString(body, 'code');
      const state = requireString(body, 'state');
      const setup = socialSetupOf(engine);
      const record = setup.codes.get(code);
      if (!record || record.used || record.expiresAt <= engine.now()) throw unauthorized('SSO code is invalid, used or expired');
      // The code is spent by any attempt, so a stolen code cannot be tried against guessed states.
      record.used = true;
      if (!safeEqual(record.state, state)) throw unauthorized('SSO state does not match its code');
      const user = engine.userById(record.userId);
      if (!user.isActive) throw unauthorized('user account has been deactivated');
      return ok({ token: await engine.issue(user, { kind: 'session' }, engine.options.tokenTtlSeconds) });
    },
  },
];
