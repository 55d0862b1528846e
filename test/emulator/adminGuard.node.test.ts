import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SECRET_HEADER, createDfnsEmulator } from '../../src/emulator/index';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node';
import { BASE } from './helpers/client';
import { rawHttp } from './helpers/rawHttp';

/** A raw admin login request: the kind of request a hostile page or a rebound host would send. */
function adminLogin(port: number, headers: Record<string, string>, body = '{"username":"ann@example.com"}'): ReturnType<typeof rawHttp> {
  const lines = [`POST /emulator/admin/login HTTP/1.1`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  lines.push(`content-length: ${Buffer.byteLength(body)}`, 'connection: close');
  return rawHttp(port, `${lines.join('\r\n')}\r\n\r\n${body}`);
}

describe('the admin routes over HTTP (Node server)', () => {
  let server: EmulatorServer;
  let port = 0;
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    const emulator = createDfnsEmulator();
    emulator.createUser({ username: 'ann@example.com' });
    server = await startEmulatorServer({ port: 0, emulator });
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.close());

  it('makes a fresh admin secret per server and hands out a token only with it', async () => {
    expect(server.adminSecret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const other = await startEmulatorServer({ port: 0, emulator: createDfnsEmulator() });
    await other.close();
    expect(other.adminSecret).not.toBe(server.adminSecret);

    const ok = await adminLogin(port, { host: `localhost:${port}`, ...json, [ADMIN_SECRET_HEADER]: server.adminSecret });
    expect(ok.status).toBe(200);
    expect(ok.json.token).toEqual(expect.any(String));
  });

  it('refuses an admin request without the secret, or with a wrong one, in the Dfns error shape', async () => {
    const missing = await adminLogin(port, { host: `localhost:${port}`, ...json });
    expect(missing.status).toBe(401);
    expect(missing.json.error).toMatchObject({ status: 401, message: expect.stringContaining(ADMIN_SECRET_HEADER) });
    expect(missing.body).not.toContain('token"');
    const wrong = await adminLogin(port, { host: `localhost:${port}`, ...json, [ADMIN_SECRET_HEADER]: `${server.adminSecret.slice(1)}x` });
    expect(wrong.status).toBe(401);
  });

  it('refuses a no-preflight text/plain POST even with the secret', async () => {
    const answer = await adminLogin(port, { host: `localhost:${port}`, 'content-type': 'text/plain', [ADMIN_SECRET_HEADER]: server.adminSecret });
    expect(answer.status).toBe(415);
    expect(answer.json.error.message).toContain('application/json');
    const none = await adminLogin(port, { host: `localhost:${port}`, [ADMIN_SECRET_HEADER]: server.adminSecret });
    expect(none.status).toBe(415);
  });

  it('refuses cross-site admin requests: a foreign Origin or Sec-Fetch-Site cross-site', async () => {
    const secret = { [ADMIN_SECRET_HEADER]: server.adminSecret, ...json, host: `localhost:${port}` };
    expect((await adminLogin(port, { ...secret, origin: 'https://evil.example' })).status).toBe(403);
    expect((await adminLogin(port, { ...secret, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await adminLogin(port, { ...secret, origin: 'null' })).status).toBe(403);
    // A page of an allowed origin (Storybook on another localhost port) is same-site and may call.
    expect((await adminLogin(port, { ...secret, origin: 'http://localhost:6006', 'sec-fetch-site': 'same-site' })).status).toBe(200);
  });

  it('answers only loopback Host names, on any port (DNS rebinding)', async () => {
    const secret = { [ADMIN_SECRET_HEADER]: server.adminSecret, ...json };
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST:1']) {
      expect((await adminLogin(port, { ...secret, host })).status, host).toBe(200);
    }
    for (const host of ['evil.example', `evil.example:${port}`, 'localhost.evil.example', '127.0.0.2', '0.0.0.0']) {
      const answer = await adminLogin(port, { ...secret, host });
      expect(answer.status, host).toBe(403);
      expect(answer.json.error.message, host).toContain('not a loopback name');
    }
    // The Dfns routes are behind the same check: a rebound page must not read them either.
    const dfns = await rawHttp(port, `GET /auth/credentials HTTP/1.1\r\nhost: evil.example\r\nconnection: close\r\n\r\n`);
    expect(dfns.status).toBe(403);
  });

  it('adds the names of allowedHosts (the CLI --host / --allowed-host) to the loopback ones', async () => {
    const extra = await startEmulatorServer({ port: 0, emulator: createDfnsEmulator(), allowedHosts: ['emulator.internal'] });
    try {
      const extraPort = Number(new URL(extra.url).port);
      const answer = await rawHttp(
        extraPort,
        `GET /emulator/admin/outbox HTTP/1.1\r\nhost: emulator.internal:${extraPort}\r\n${ADMIN_SECRET_HEADER}: ${extra.adminSecret}\r\nconnection: close\r\n\r\n`,
      );
      expect(answer.status).toBe(200);
      const other = await rawHttp(extraPort, `GET /emulator/admin/outbox HTTP/1.1\r\nhost: other.internal\r\n${ADMIN_SECRET_HEADER}: ${extra.adminSecret}\r\nconnection: close\r\n\r\n`);
      expect(other.status).toBe(403);
    } finally {
      await extra.close();
    }
  });

  it('lets the preflight of an allowed origin send the secret header', async () => {
    const response = await fetch(`${server.url}/emulator/admin/login`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-headers')).toContain(ADMIN_SECRET_HEADER);
  });
});

describe('the admin routes in the page (core handle, as MSW calls it)', () => {
  it('need no secret unless handle is given one, but still refuse non-JSON and cross-site requests', async () => {
    const emulator = createDfnsEmulator();
    emulator.createUser({ username: 'ann@example.com' });
    const login = (headers: Record<string, string>, options?: { adminSecret?: string }) =>
      emulator.handle(new Request(`${BASE}/emulator/admin/login`, { method: 'POST', headers, body: '{"username":"ann@example.com"}' }), options);
    expect((await login({ 'content-type': 'application/json' })).status).toBe(200);
    expect((await login({ 'content-type': 'text/plain;charset=UTF-8' })).status).toBe(415);
    expect((await login({ 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    expect((await login({ 'content-type': 'application/json' }, { adminSecret: 's3cret-s3cret' })).status).toBe(401);
    expect((await login({ 'content-type': 'application/json', [ADMIN_SECRET_HEADER]: 's3cret-s3cret' }, { adminSecret: 's3cret-s3cret' })).status).toBe(200);
  });
});
