import { asObject, optionalString, requireOneOf, requireString } from '../bodyChecks';
import { ok, type EmulatorEngine, type Route, type RouteRequest, type RouteResult } from '../engine';
import { badRequest, conflict, unauthorized } from '../EmulatorHttpError';
import { safeEqual } from '../bytes';
import type { UserRecord } from '../state';

/** Verifies and stores the credentials of a registration; shared by standard and end-user completion. */
async function completeRegistration(
  engine: EmulatorEngine,
  req: RouteRequest,
  withWallets: boolean,
): Promise<{ user: UserRecord; result: Record<string, unknown> }> {
  const token = await engine.readToken(engine.bearerToken(req), ['registration'], 'temporary authentication token');
  const user = engine.userById(token.userId);
  if (user.isRegistered) throw conflict('user is already registered');
  const body = asObject(req.body);
  const wallets = withWallets ? requireWalletSpecs(body) : [];
  const records = await engine.verifyRegistrationCredentials(body, token.grant.challenge, user, req);
  engine.storeCredentials(records);
  token.used = true;
  user.isRegistered = true;
  user.registrationCode = undefined;
  const result: Record<string, unknown> = {
    credential: engine.credentialSummary(records[0]!),
    user: engine.registeredUser(user),
  };
  if (wallets.length > 0) {
    result['wallets'] = wallets.map((spec) => engine.walletView(engine.createWallet(user, spec)));
  }
  return { user, result };
}

/** `wallets` of an end-user registration: a non-empty array of `{ network, name? }`. */
function requireWalletSpecs(body: Record<string, unknown>): { network: string; name?: string | undefined }[] {
  const wallets = body['wallets'];
  if (wallets === undefined || wallets === null) throw badRequest('wallets is required', { field: 'wallets' });
  if (!Array.isArray(wallets)) throw badRequest('wallets must be an array', { field: 'wallets' });
  if (wallets.length === 0) throw badRequest('wallets must contain at least one wallet', { field: 'wallets' });
  return wallets.map((value: unknown, i) => {
    const spec = asObject(value, `wallets[${i}]`);
    return { network: requireString(spec, 'network', `wallets[${i}].`), name: optionalString(spec, 'name', `wallets[${i}].`) };
  });
}

/** Registration endpoints: init, complete, end-user complete, delegated, resend code. */
export const registrationRoutes: Route[] = [
  {
    method: 'POST',
    path: '/auth/registration/init',
    async handle(engine, req) {
      const body = asObject(req.body);
      const orgId = requireString(body, 'orgId');
      const username = requireString(body, 'username');
      const registrationCode = requireString(body, 'registrationCode');
      const user = engine.userInOrg(orgId, username);
      if (user.isRegistered) throw conflict('user is already registered');
      const right = user.registrationCode !== undefined && safeEqual(user.registrationCode, registrationCode);
      engine.checkCode(`registration:${user.id}`, right, unauthorized('registration code is invalid'), 'registration code');
      return ok(await engine.registrationChallenge(user, (challenge) => ({ kind: 'registration', challenge })));
    },
  },
  {
    method: 'POST',
    path: '/auth/registration',
    async handle(engine, req) {
      return ok((await completeRegistration(engine, req, false)).result);
    },
  },
  {
    method: 'POST',
    path: '/auth/registration/enduser',
    async handle(engine, req): Promise<RouteResult> {
      const { user, result } = await completeRegistration(engine, req, true);
      const token = await engine.issue(user, { kind: 'session' }, engine.options.tokenTtlSeconds);
      return ok({ ...result, authentication: { token } });
    },
  },
  {
    method: 'POST',
    path: '/auth/registration/delegated',
    handle: (engine, req) =>
      engine.protectedCall(
        req,
        async () => {
          const body = asObject(req.body);
          const email = requireString(body, 'email');
          requireOneOf(body, 'kind', ['EndUser'] as const);
          const externalId = optionalString(body, 'externalId');
          const existing = engine.findUser(email);
          if (existing?.isRegistered) throw conflict('user is already registered');
          // A user who never finished gets a fresh challenge, as Dfns's "restart" did.
          const user = existing ?? engine.createUser({ username: email, kind: 'EndUser', externalId, sendCode: false });
          return ok(await engine.registrationChallenge(user, (challenge) => ({ kind: 'registration', challenge })));
        },
        { serviceAccountOnly: true },
      ),
  },
  {
    method: 'PUT',
    path: '/auth/registration/code',
    async handle(engine, req) {
      const body = asObject(req.body);
      const user = engine.userInOrg(requireString(body, 'orgId'), requireString(body, 'username'));
      if (user.isRegistered) throw conflict('user is already registered');
      engine.sendRegistrationCode(user);
      return ok({ message: 'a new registration code was sent' });
    },
  },
];
