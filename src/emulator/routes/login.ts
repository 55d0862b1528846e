import { asObject, optionalBoolean, optionalObject, optionalString, requireObject, requireString } from '../bodyChecks';
import { safeEqual } from '../bytes';
import { ok, type Route } from '../engine';
import { badRequest, forbidden, notFound, unauthorized } from '../EmulatorHttpError';
import { ssoClientIdFor } from '../oidc/socialSetup';

/** Login endpoints: init (with and without username), complete, login code, delegated, logout. */
export const loginRoutes: Route[] = [
  {
    method: 'POST',
    path: '/auth/login/init',
    async handle(engine, req) {
      const body = asObject(req.body);
      const orgId = requireString(body, 'orgId');
      const username = optionalString(body, 'username');
      const loginCode = optionalString(body, 'loginCode');
      if (!username) {
        if (loginCode) throw badRequest('username is required with loginCode', { field: 'username' });
        if (orgId !== engine.options.orgId) throw notFound('organization not found');
        // Usernameless: empty allow lists, so the browser offers its discoverable passkeys.
        return ok(await engine.signingChallenge(undefined, (challenge) => ({ kind: 'login', challenge, withLoginCode: false }), false));
      }
      const user = engine.userInOrg(orgId, username);
      if (!user.isActive) throw unauthorized('user account has been deactivated');
      if (!user.isRegistered) throw unauthorized('user is not registered');
      if (loginCode !== undefined) {
        const pending = user.loginCode;
        const right = pending !== undefined && pending.expiresAt > engine.now() && safeEqual(pending.code, loginCode);
        engine.checkCode(`login:${user.id}`, right, unauthorized('login code is invalid or expired'), 'login code');
        user.loginCode = undefined;
      }
      const withLoginCode = loginCode !== undefined;
      return ok(await engine.signingChallenge(user, (challenge) => ({ kind: 'login', challenge, withLoginCode }), withLoginCode));
    },
  },
  {
    method: 'POST',
    path: '/auth/login',
    async handle(engine, req) {
      const body = asObject(req.body);
      const record = await engine.readToken(requireString(body, 'challengeIdentifier'), ['login'], 'challengeIdentifier');
      const first = await engine.verifyAssertion(requireObject(body, 'firstFactor'), 'firstFactor', record.grant.challenge, record.userId);
      const second = optionalObject(body, 'secondFactor');
      if (second) {
        const credential = await engine.verifyAssertion(second, 'secondFactor', record.grant.challenge, first.userId);
        if (credential.uuid === first.uuid) throw forbidden('secondFactor must be another credential');
      }
      record.used = true;
      const user = engine.userById(first.userId);
      const ssoClientId = ssoClientIdFor(engine, user.id);
      if (ssoClientId) return ok({ ssoClientId });
      return ok({ token: await engine.issue(user, { kind: 'session' }, engine.options.tokenTtlSeconds) });
    },
  },
  {
    method: 'POST',
    path: '/auth/login/code',
    async handle(engine, req) {
      const body = asObject(req.body);
      const user = engine.userInOrg(requireString(body, 'orgId'), requireString(body, 'username'));
      user.loginCode = engine.pendingCode();
      engine.sendEmail(user.username, 'login', user.loginCode.code);
      return ok({ message: 'a login code was sent' });
    },
  },
  {
    method: 'POST',
    path: '/auth/login/delegated',
    handle: (engine, req) =>
      engine.protectedCall(
        req,
        async () => {
          const body = asObject(req.body);
          const user = engine.userInOrg(engine.options.orgId, requireString(body, 'username'));
          if (user.kind !== 'EndUser') throw forbidden('delegated login is only for end users');
          if (!user.isActive) throw unauthorized('user account has been deactivated');
          if (!user.isRegistered) throw unauthorized('user is not registered');
          return ok({ token: await engine.issue(user, { kind: 'session' }, engine.options.tokenTtlSeconds) });
        },
        { serviceAccountOnly: true },
      ),
  },
  {
    method: 'PUT',
    path: '/auth/logout',
    async handle(engine, req) {
      const { user, token } = await engine.sessionUser(req);
      const allSessions = req.body === undefined ? false : optionalBoolean(asObject(req.body), 'allSessions');
      if (allSessions) {
        for (const other of engine.state.tokens.values()) {
          if (other.userId === user.id && other.grant.kind === 'session') other.revoked = true;
        }
      } else {
        token.revoked = true;
      }
      return ok({ message: 'logged out' });
    },
  },
];
