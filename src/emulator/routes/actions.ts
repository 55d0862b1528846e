import { asObject, optionalObject, optionalString, requireObject, requireOneOf, requireString } from '../bodyChecks';
import { ok, type Route } from '../engine';
import { badRequest, forbidden, unauthorized } from '../EmulatorHttpError';

/** User action endpoints: init records the request to sign; complete issues a single-use token bound to it. */
export const actionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/auth/action/init',
    async handle(engine, req) {
      const { user } = await engine.sessionUser(req);
      const body = asObject(req.body);
      const method = requireOneOf(body, 'userActionHttpMethod', ['POST', 'PUT', 'DELETE', 'GET'] as const);
      const path = requireString(body, 'userActionHttpPath');
      if (!path.startsWith('/')) throw badRequest('userActionHttpPath must be a path starting with /', { field: 'userActionHttpPath' });
      // The payload may be the empty string (a body-less request), so it is checked by type only.
      const payload = body['userActionPayload'];
      if (typeof payload !== 'string') {
        throw badRequest(payload === undefined ? 'userActionPayload is required' : 'userActionPayload must be a string', {
          field: 'userActionPayload',
        });
      }
      const serverKind = optionalString(body, 'userActionServerKind');
      if (serverKind !== undefined && serverKind !== 'Api') {
        throw badRequest('userActionServerKind must be Api', { field: 'userActionServerKind' });
      }
      return ok(
        await engine.signingChallenge(user, (challenge) => ({ kind: 'action', challenge, request: { method, path, payload } }), true),
      );
    },
  },
  {
    method: 'POST',
    path: '/auth/action',
    async handle(engine, req) {
      const { user } = await engine.sessionUser(req);
      const body = asObject(req.body);
      const record = await engine.readToken(requireString(body, 'challengeIdentifier'), ['action'], 'challengeIdentifier');
      if (record.userId !== user.id) throw unauthorized('challengeIdentifier belongs to another user');
      const first = await engine.verifyAssertion(requireObject(body, 'firstFactor'), 'firstFactor', record.grant.challenge, user.id);
      const second = optionalObject(body, 'secondFactor');
      if (second) {
        const credential = await engine.verifyAssertion(second, 'secondFactor', record.grant.challenge, user.id);
        if (credential.uuid === first.uuid) throw forbidden('secondFactor must be another credential');
      }
      record.used = true;
      const userAction = await engine.issue(user, { kind: 'user-action', request: record.grant.request }, engine.challengeTtl);
      return ok({ userAction });
    },
  },
];
