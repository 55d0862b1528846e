import { asObject, optionalString, requireOneOf, requireString } from '../bodyChecks';
import { ok, type Route } from '../engine';

/** Admin: create a user over HTTP (user-action signed); the registration code goes to the outbox. */
export const userRoutes: Route[] = [
  {
    method: 'POST',
    path: '/auth/users',
    handle: (engine, req) =>
      engine.protectedCall(req, async () => {
        const body = asObject(req.body);
        const user = engine.createUser({
          username: requireString(body, 'email'),
          kind: requireOneOf(body, 'kind', ['CustomerEmployee', 'EndUser'] as const),
          externalId: optionalString(body, 'externalId'),
        });
        return ok(engine.userView(user));
      }),
  },
];
