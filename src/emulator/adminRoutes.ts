import type { DfnsEmulator } from './createDfnsEmulator';
import { EmulatorHttpError } from './EmulatorHttpError';
import type { FaultSpec } from './faults';

/**
 * Path prefix of the emulator-only admin API. Dfns has no such routes: they exist so that a test or
 * the Storybook panel in another process (the CLI, `startEmulatorServer`) can seed and inspect state.
 */
export const ADMIN_PREFIX = '/emulator/admin';

/** What an admin route answers: a status and a JSON body. */
export interface AdminResult {
  status: number;
  body: unknown;
}

/** The JSON object of a request body; `{}` when empty, 400 when not an object. */
async function objectBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EmulatorHttpError(400, 'request body is not valid JSON', {}, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new EmulatorHttpError(400, 'request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** An optional field that must be a string when present. */
function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new EmulatorHttpError(400, `${field} must be a string`);
  return value;
}

/** An optional field that must be a non-negative integer when present. */
function optionalCount(body: Record<string, unknown>, field: string): number | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new EmulatorHttpError(400, `${field} must be a non-negative integer`);
  return value;
}

/** A `FaultSpec` read from an admin body, with every field checked (a typo must not inject nothing). */
function faultSpec(body: Record<string, unknown>): FaultSpec {
  const status = optionalCount(body, 'status');
  if (status !== undefined && (status < 100 || status > 599)) throw new EmulatorHttpError(400, 'status must be an HTTP status (100-599)');
  const drop = body['drop'];
  if (drop !== undefined && drop !== true) throw new EmulatorHttpError(400, 'drop must be true when present');
  const times = optionalCount(body, 'times');
  if (times === 0) throw new EmulatorHttpError(400, 'times must be at least 1');
  return {
    method: optionalString(body, 'method'),
    path: requireString(body, 'path'),
    status,
    body: optionalString(body, 'body'),
    headers: optionalHeaders(body),
    drop,
    latencyMs: optionalCount(body, 'latencyMs'),
    times,
  };
}

/** A fault's `headers`: an object of string values with header-safe names, or absent. */
function optionalHeaders(body: Record<string, unknown>): Record<string, string> | undefined {
  const value = body['headers'];
  if (value === undefined) return undefined;
  const valid =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(([name, text]) => /^[A-Za-z0-9-]+$/.test(name) && typeof text === 'string');
  if (!valid) throw new EmulatorHttpError(400, 'headers must be an object of header names to string values');
  return { ...(value as Record<string, string>) };
}

function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw new EmulatorHttpError(400, `${field} is required`);
  return value;
}

/**
 * Answers one emulator-only admin request (never part of the Dfns API):
 * - `POST /emulator/admin/users` `{ username, kind? }` → 201 `{ user, registrationCode }`
 * - `POST /emulator/admin/service-accounts` `{ name? }` → 201 `{ userId, token, credId, privateKeyPem, publicKeyPem }`
 * - `POST /emulator/admin/login` `{ username }` → `{ token }` (a session without a ceremony)
 * - `GET /emulator/admin/outbox` → `{ items: OutboxEmail[] }` (registration and recovery codes)
 * - `GET /emulator/admin/snapshot` → the emulator's `snapshot()`
 * - `POST /emulator/admin/faults` `{ method?, path, status?, body?, headers?, drop?, latencyMs?, times? }` → 201 `{ faults }` (`faults.set`)
 * - `DELETE /emulator/admin/faults` → `{ faults: [] }` (`faults.clear`)
 * - `POST /emulator/admin/policies` `{ method?, path }` → 201 `{ approvalRules }` (`policies.requireApproval`)
 * - `DELETE /emulator/admin/policies` → `{ approvalRules: [] }` (`policies.clear`)
 * - `POST /emulator/admin/clock` `{ advanceMs }` → `{ now }` (`advanceClock`: codes and tokens expire)
 * - `GET /emulator/admin/passkey-settings` → the organisation's passkey settings
 * - `PUT /emulator/admin/passkey-settings` `{ authenticatorAttachment?, residentKey?, requireResidentKey?, userVerification? }`
 *   → the settings after the change (`setPasskeySettings`)
 * - `POST /emulator/admin/sso-required` `{ username }` → `{ ssoClientId }` (`sso.requireFor`: `/auth/login` answers it)
 * - `POST /emulator/admin/id-token` `{ email, expiresInSeconds?, audience? }` → `{ idToken }` (`oidc.idTokenFor`)
 * Throws `EmulatorHttpError` for a bad body or an unknown route. The answers carry local test
 * secrets (codes, a service account's private key) by design: the emulator holds nothing real.
 */
export async function handleAdminRequest(emulator: DfnsEmulator, method: string, path: string, request: Request): Promise<AdminResult> {
  const route = `${method} ${path.slice(ADMIN_PREFIX.length)}`;
  switch (route) {
    case 'POST /users': {
      const body = await objectBody(request);
      const kind = body['kind'] ?? 'CustomerEmployee';
      if (kind !== 'CustomerEmployee' && kind !== 'EndUser') throw new EmulatorHttpError(400, 'kind must be CustomerEmployee or EndUser');
      return { status: 201, body: emulator.createUser({ username: requireString(body, 'username'), kind }) };
    }
    case 'POST /service-accounts': {
      const body = await objectBody(request);
      const name = typeof body['name'] === 'string' ? body['name'] : undefined;
      const { userId, token, credId, privateKeyPem, publicKeyPem } = await emulator.createServiceAccount({ name });
      return { status: 201, body: { userId, token, credId, privateKeyPem, publicKeyPem } };
    }
    case 'POST /login': {
      const body = await objectBody(request);
      return { status: 200, body: { token: await emulator.loginAs(requireString(body, 'username')) } };
    }
    case 'GET /outbox':
      return { status: 200, body: { items: emulator.readOutbox() } };
    case 'GET /snapshot':
      return { status: 200, body: emulator.snapshot() };
    case 'POST /faults': {
      emulator.faults.set(faultSpec(await objectBody(request)));
      return { status: 201, body: { faults: emulator.faults.list() } };
    }
    case 'DELETE /faults':
      emulator.faults.clear();
      return { status: 200, body: { faults: [] } };
    case 'POST /policies': {
      const body = await objectBody(request);
      emulator.policies.requireApproval({ method: optionalString(body, 'method'), path: requireString(body, 'path') });
      return { status: 201, body: { approvalRules: emulator.snapshot().approvalRules } };
    }
    case 'DELETE /policies':
      emulator.policies.clear();
      return { status: 200, body: { approvalRules: [] } };
    case 'POST /clock': {
      const advanceMs = (await objectBody(request))['advanceMs'];
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
        throw new EmulatorHttpError(400, 'advanceMs must be a number of milliseconds >= 0');
      }
      return { status: 200, body: { now: new Date(emulator.advanceClock(advanceMs)).toISOString() } };
    }
    case 'GET /passkey-settings':
      return { status: 200, body: emulator.passkeySettings };
    case 'PUT /passkey-settings': {
      const body = await objectBody(request);
      try {
        emulator.setPasskeySettings(body);
      } catch (error) {
        throw new EmulatorHttpError(400, error instanceof Error ? error.message : String(error), {}, { cause: error });
      }
      return { status: 200, body: emulator.passkeySettings };
    }
    case 'POST /sso-required': {
      const body = await objectBody(request);
      emulator.sso.requireFor(requireString(body, 'username'));
      return { status: 200, body: { ssoClientId: emulator.sso.clientId } };
    }
    case 'POST /id-token': {
      const body = await objectBody(request);
      const expiresInSeconds = typeof body['expiresInSeconds'] === 'number' ? body['expiresInSeconds'] : undefined;
      const audience = typeof body['audience'] === 'string' ? body['audience'] : undefined;
      return { status: 200, body: { idToken: await emulator.oidc.idTokenFor(requireString(body, 'email'), { expiresInSeconds, audience }) } };
    }
    default:
      throw new EmulatorHttpError(404, `no emulator admin endpoint ${method} ${path}`);
  }
}
