import { describe, expect, it } from 'vitest';
import { createDfnsEmulator } from '../../src/emulator/index';
import { call, expectStatus } from './helpers/client';

describe('the emulator-only admin routes', () => {
  it('creates a user and shows its registration code in the outbox', async () => {
    const emulator = createDfnsEmulator();
    const created = expectStatus(
      await call<{ user: { username: string; kind: string }; registrationCode: string }>(emulator, 'POST', '/emulator/admin/users', {
        username: 'ann@example.com',
        kind: 'EndUser',
      }),
      201,
    );
    expect(created.user).toMatchObject({ username: 'ann@example.com', kind: 'EndUser' });

    const outbox = expectStatus(await call<{ items: unknown[] }>(emulator, 'GET', '/emulator/admin/outbox'), 200);
    expect(outbox.items).toEqual([expect.objectContaining({ to: 'ann@example.com', kind: 'registration', code: created.registrationCode })]);
  });

  it('creates a service account whose token and PEM key work with the real API', async () => {
    const emulator = createDfnsEmulator();
    const sa = expectStatus(
      await call<{ token: string; credId: string; privateKeyPem: string; userId: string }>(emulator, 'POST', '/emulator/admin/service-accounts', {}),
      201,
    );
    expect(sa.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(emulator.credentials(sa.userId).map((c) => c.credentialId)).toEqual([sa.credId]);
    // The token authenticates against Dfns's routes (credentials of the service account).
    const listed = expectStatus(await call<{ items: { credentialId: string }[] }>(emulator, 'GET', '/auth/credentials', undefined, { token: sa.token }), 200);
    expect(listed.items.map((c) => c.credentialId)).toEqual([sa.credId]);
  });

  it('logs a registered user in without a ceremony and snapshots the state', async () => {
    const emulator = createDfnsEmulator();
    emulator.createUser({ username: 'bo@example.com' });
    const missing = await call(emulator, 'POST', '/emulator/admin/login', { username: 'nobody@example.com' });
    expect(missing.status).toBe(404);
    const snapshot = expectStatus(await call<{ orgId: string; users: unknown[] }>(emulator, 'GET', '/emulator/admin/snapshot'), 200);
    expect(snapshot.orgId).toBe(emulator.orgId);
    expect(snapshot.users).toHaveLength(1);
  });

  it('answers a bad body with 400 and an unknown route with 404, in Dfns\'s error shape', async () => {
    const emulator = createDfnsEmulator();
    const bad = await call(emulator, 'POST', '/emulator/admin/users', undefined, { raw: '{nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('request body is not valid JSON');
    expect((await call(emulator, 'POST', '/emulator/admin/users', { kind: 'EndUser' })).body.error.message).toBe('username is required');
    expect((await call(emulator, 'DELETE', '/emulator/admin/users')).status).toBe(404);
  });

  it('is not subject to injected faults or the rate limit, and sends CORS headers to allowed origins', async () => {
    const emulator = createDfnsEmulator();
    emulator.faults.set({ path: '/*', status: 500 });
    emulator.setRateLimit(0);
    const answer = await call(emulator, 'GET', '/emulator/admin/outbox');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
    expect((await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId })).status).not.toBe(200);
  });
  it('injects a fault over HTTP that answers the next matching request, then clears every fault', async () => {
    const emulator = createDfnsEmulator();
    const set = expectStatus(
      await call<{ faults: { path: string; status: number; times: number }[] }>(emulator, 'POST', '/emulator/admin/faults', {
        method: 'post',
        path: '/auth/login/init',
        status: 429,
        times: 1,
      }),
      201,
    );
    expect(set.faults).toEqual([expect.objectContaining({ method: 'POST', path: '/auth/login/init', status: 429, times: 1 })]);
    expect((await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId })).status).toBe(429);
    // times: 1 used up, so the endpoint runs for real again.
    expect((await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId })).status).toBe(200);

    expectStatus(await call(emulator, 'POST', '/emulator/admin/faults', { path: '/auth/*', body: '<html>oops</html>', status: 502 }), 201);
    const html = await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId });
    expect(html).toMatchObject({ status: 502, body: '<html>oops</html>' });
    expect(expectStatus(await call(emulator, 'DELETE', '/emulator/admin/faults'), 200)).toEqual({ faults: [] });
    expect(emulator.faults.list()).toEqual([]);
    expect((await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId })).status).toBe(200);
  });

  it('injects a fault with response headers (a 429 with a short Retry-After), readable across origins', async () => {
    const emulator = createDfnsEmulator();
    const headers = { 'retry-after': '1' };
    expectStatus(await call(emulator, 'POST', '/emulator/admin/faults', { path: '/auth/login/init', status: 429, headers, times: 1 }), 201);
    const limited = await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('injects a dropped connection over HTTP, which handle reports as a failed fetch', async () => {
    const emulator = createDfnsEmulator();
    expectStatus(await call(emulator, 'POST', '/emulator/admin/faults', { path: '/auth/login/init', drop: true }), 201);
    await expect(call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId })).rejects.toThrow(TypeError);
  });

  it('refuses a fault without a path or with a field of the wrong type', async () => {
    const emulator = createDfnsEmulator();
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 500 }, 'path is required'],
      [{ path: '/auth/login', status: 'x' }, 'status must be a non-negative integer'],
      [{ path: '/auth/login', status: 42 }, 'status must be an HTTP status (100-599)'],
      [{ path: '/auth/login', drop: 'yes' }, 'drop must be true when present'],
      [{ path: '/auth/login', latencyMs: -1 }, 'latencyMs must be a non-negative integer'],
      [{ path: '/auth/login', times: 0 }, 'times must be at least 1'],
      [{ path: '/auth/login', body: 7 }, 'body must be a string'],
      [{ path: '/auth/login', headers: { 'retry-after': 1 } }, 'headers must be an object of header names to string values'],
      [{ path: '/auth/login', headers: ['retry-after'] }, 'headers must be an object of header names to string values'],
    ];
    for (const [body, message] of cases) {
      const answer = await call(emulator, 'POST', '/emulator/admin/faults', body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toBe(message);
    }
    expect(emulator.faults.list()).toEqual([]);
  });

  it('adds an approval policy over HTTP and clears it again', async () => {
    const emulator = createDfnsEmulator();
    const added = expectStatus(
      await call<{ approvalRules: unknown[] }>(emulator, 'POST', '/emulator/admin/policies', { method: 'post', path: '/wallets' }),
      201,
    );
    expect(added.approvalRules).toEqual([{ method: 'POST', path: '/wallets' }]);
    expect(emulator.snapshot().approvalRules).toEqual([{ method: 'POST', path: '/wallets' }]);
    expect((await call(emulator, 'POST', '/emulator/admin/policies', { method: 'POST' })).status).toBe(400);
    expect(expectStatus(await call(emulator, 'DELETE', '/emulator/admin/policies'), 200)).toEqual({ approvalRules: [] });
    expect(emulator.snapshot().approvalRules).toEqual([]);
  });
});
