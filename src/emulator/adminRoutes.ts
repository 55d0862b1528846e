import type { DfnsEmulator } from './createDfnsEmulator';
import { EmulatorHttpError } from './EmulatorHttpError';

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
    default:
      throw new EmulatorHttpError(404, `no emulator admin endpoint ${method} ${path}`);
  }
}
