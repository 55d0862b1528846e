import type { CredentialChallenge } from '../../api/types';
import { asObject, requireOneOf, requireString } from '../bodyChecks';
import { safeEqual } from '../bytes';
import { ok, type EmulatorEngine, type Route, type RouteRequest, type RouteResult } from '../engine';
import { badRequest, notFound, unauthorized } from '../EmulatorHttpError';
import { humanCode } from '../ids';
import type { UserRecord } from '../state';

const KINDS = ['Fido2', 'Key', 'PasswordProtectedKey', 'RecoveryKey'] as const;

/** A create-credential challenge of `kind` for `user`. */
async function credentialChallenge(
  engine: EmulatorEngine,
  user: UserRecord,
  kind: (typeof KINDS)[number],
  viaCode: boolean,
): Promise<CredentialChallenge> {
  const challenge = engine.newChallenge();
  const challengeIdentifier = await engine.issue(
    user,
    { kind: 'credential', challenge, credentialKind: kind, viaCode },
    engine.challengeTtl,
  );
  const { user: challengeUser, rp, attestation, pubKeyCredParams, authenticatorSelection, excludeCredentials } =
    engine.creationOptions(user);
  const base = { user: challengeUser, challengeIdentifier, temporaryAuthenticationToken: challengeIdentifier, challenge, rp, attestation, pubKeyCredParams };
  return kind === 'Fido2' ? { ...base, kind, authenticatorSelection, excludeCredentials } : { ...base, kind };
}

/** Verifies and stores the credential of a `CreateCredentialBody` for the challenge it names. */
async function createCredential(engine: EmulatorEngine, req: RouteRequest, viaCode: boolean, sessionUserId?: string): Promise<RouteResult> {
  const body = asObject(req.body);
  requireString(body, 'credentialName');
  const kind = requireOneOf(body, 'credentialKind', KINDS);
  const record = await engine.readToken(requireString(body, 'challengeIdentifier'), ['credential'], 'challengeIdentifier');
  if (record.grant.viaCode !== viaCode || (sessionUserId !== undefined && record.userId !== sessionUserId)) {
    throw unauthorized('challengeIdentifier is invalid: it belongs to another flow');
  }
  if (record.grant.credentialKind !== kind) {
    throw badRequest(`credentialKind must be ${record.grant.credentialKind}, the kind the challenge was made for`, {
      field: 'credentialKind',
    });
  }
  const user = engine.userById(record.userId);
  const credential = await engine.verifyAttestation(body, '', record.grant.challenge, user, [kind], req);
  engine.storeCredentials([credential]);
  record.used = true;
  return ok(engine.credentialView(credential));
}

/** Activates or deactivates one of the user's credentials. */
function setActive(isActive: boolean): Route['handle'] {
  return (engine, req) =>
    engine.protectedCall(req, async (user) => {
      const credentialUuid = requireString(asObject(req.body), 'credentialUuid');
      const credential = engine.state.credentials.get(credentialUuid);
      if (!credential || credential.userId !== user.id) throw notFound('credential not found');
      credential.isActive = isActive;
      return ok({ message: isActive ? 'credential activated' : 'credential deactivated' });
    });
}

/** `expiration` as epoch ms: an ISO string or a unix time (seconds, or ms when that large). */
function parseExpiration(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value > 1e12 ? value : value * 1000;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  if (value === undefined || value === null) throw badRequest('expiration is required', { field: 'expiration' });
  throw badRequest('expiration must be an ISO date string or a unix time', { field: 'expiration' });
}

/** Credential endpoints: list, init, create, activate, deactivate, and the cross-app code flow. */
export const credentialRoutes: Route[] = [
  {
    method: 'GET',
    path: '/auth/credentials',
    async handle(engine, req) {
      const { user } = await engine.sessionUser(req);
      return ok({ items: engine.userCredentials(user.id).map((c) => engine.credentialView(c)) });
    },
  },
  {
    method: 'POST',
    path: '/auth/credentials/init',
    async handle(engine, req) {
      const { user } = await engine.sessionUser(req);
      const kind = requireOneOf(asObject(req.body), 'kind', KINDS);
      return ok(await credentialChallenge(engine, user, kind, false));
    },
  },
  {
    method: 'POST',
    path: '/auth/credentials',
    handle: (engine, req) => engine.protectedCall(req, (user) => createCredential(engine, req, false, user.id)),
  },
  { method: 'PUT', path: '/auth/credentials/activate', handle: setActive(true) },
  { method: 'PUT', path: '/auth/credentials/deactivate', handle: setActive(false) },
  {
    method: 'POST',
    path: '/auth/credentials/code',
    handle: (engine, req) =>
      engine.protectedCall(req, async (user) => {
        const expiresAt = parseExpiration(asObject(req.body)['expiration']);
        // Dfns allows at most one minute; a little slack absorbs client clock skew.
        if (expiresAt <= engine.now() || expiresAt > engine.now() + 65_000) {
          throw badRequest('expiration must be in the future and at most one minute ahead', { field: 'expiration' });
        }
        const code = humanCode();
        engine.state.credentialCodes.set(code, { code, userId: user.id, expiresAt, used: false });
        return ok({ code, expiration: engine.iso(expiresAt) });
      }),
  },
  {
    method: 'POST',
    path: '/auth/credentials/code/init',
    async handle(engine, req) {
      const body = asObject(req.body);
      const code = requireString(body, 'code');
      const kind = requireOneOf(body, 'credentialKind', KINDS);
      const found = [...engine.state.credentialCodes.values()].find((c) => safeEqual(c.code, code));
      const record = found && !found.used && found.expiresAt > engine.now() ? found : undefined;
      // Dfns words a spent code apart from one it never made, so the person is told to get a new
      // one rather than to check their typing; either still counts as a wrong try.
      const refusal = !found
        ? unauthorized('credential code is invalid')
        : found.used
          ? unauthorized('credential code was already used')
          : unauthorized('credential code has expired');
      // The code alone names its user, so wrong tries are counted for the whole organisation.
      engine.checkCode('credential', record !== undefined, refusal, 'credential code');
      // checkCode threw unless the record is usable.
      record!.used = true;
      return ok(await credentialChallenge(engine, engine.userById(record!.userId), kind, true));
    },
  },
  {
    method: 'POST',
    path: '/auth/credentials/code/verify',
    handle: (engine, req) => createCredential(engine, req, true),
  },
];

