import { describe, expect, it } from 'vitest';
import { createDfnsEmulator } from '../../src/emulator/index';
import { derToRaw } from '../../src/emulator/derToRaw';
import { rawToDer } from './helpers/bytes';
import { BASE, call, expectStatus } from './helpers/client';
import { login, registerUser, signedCall } from './helpers/flows';

describe('emulator infrastructure', () => {
  it('answers a preflight from an allowed origin with the Dfns headers allowed', async () => {
    const emulator = createDfnsEmulator();
    const response = await emulator.handle(
      new Request(`${BASE}/auth/action`, { method: 'OPTIONS', headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'POST' } }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-dfns-useraction');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('gives no CORS headers to an origin it does not allow', async () => {
    const emulator = createDfnsEmulator();
    const preflight = await emulator.handle(new Request(`${BASE}/auth/login`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } }));
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId }, { origin: 'https://evil.example' });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers chosen calls with 202 pending approval when a policy requires it', async () => {
    const emulator = createDfnsEmulator();
    const jane = await registerUser(emulator, 'jane@example.com');
    const token = await login(emulator, 'jane@example.com', { passkey: jane.passkey });
    const wallet = expectStatus(await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', '/wallets', { network: 'EthereumSepolia' }), 200);
    emulator.policies.requireApproval({ method: 'POST', path: '/wallets/:walletId/signatures' });
    const pending = await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', `/wallets/${wallet.id}/signatures`, { kind: 'Message', message: '0x00' });
    expect(pending.status).toBe(202);
    expect(pending.body).toMatchObject({ status: 'Pending', id: expect.stringMatching(/^ap-/) });
    expect((await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', '/wallets', { network: 'EthereumSepolia' })).status).toBe(200);
    emulator.policies.clear();
    expect((await signedCall(emulator, token, { passkey: jane.passkey }, 'POST', `/wallets/${wallet.id}/signatures`, { kind: 'Message', message: '0x00' })).status).toBe(200);
  });

  it('injects a status, a raw body and a limited number of times', async () => {
    const emulator = createDfnsEmulator();
    emulator.faults.set({ method: 'POST', path: '/auth/login/init', status: 502, body: '<html>Bad gateway</html>', times: 1 });
    const broken = await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId });
    expect(broken.status).toBe(502);
    expect(broken.body).toBe('<html>Bad gateway</html>');
    expect((await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId })).status).toBe(200);

    emulator.faults.set({ path: '/auth/login/init', status: 500 });
    const dfnsShaped = await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId });
    expect(dfnsShaped.body.error).toMatchObject({ status: 500, message: 'injected fault' });
    emulator.faults.clear();
    expect((await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId })).status).toBe(200);
  });

  it('drops a request so fetch rejects like a network failure', async () => {
    const emulator = createDfnsEmulator();
    emulator.faults.set({ path: '/auth/*', drop: true });
    await expect(call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId })).rejects.toThrow(new TypeError('Failed to fetch'));
  });

  it('delays a response by the injected latency', async () => {
    const emulator = createDfnsEmulator();
    emulator.faults.set({ path: '/auth/login/init', latencyMs: 80 });
    const started = performance.now();
    expect((await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('answers 429 past the per-minute rate limit and recovers a minute later', async () => {
    let now = Date.UTC(2025, 0, 1);
    const emulator = createDfnsEmulator({ now: () => now });
    emulator.setRateLimit(2);
    const init = () => call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId });
    expect((await init()).status).toBe(200);
    expect((await init()).status).toBe(200);
    const limited = await init();
    expect(limited.status).toBe(429);
    expect(limited.body.error.status).toBe(429);
    now += 60_001;
    expect((await init()).status).toBe(200);
  });

  it('sends a login code and lists password-protected keys only with it', async () => {
    const emulator = createDfnsEmulator();
    await registerUser(emulator, 'jane@example.com');
    expectStatus(await call(emulator, 'POST', '/auth/login/code', { username: 'jane@example.com', orgId: emulator.orgId }), 200);
    const loginCode = emulator.lastCode('jane@example.com', 'login')!;
    const without = expectStatus(await call(emulator, 'POST', '/auth/login/init', { username: 'jane@example.com', orgId: emulator.orgId }), 200);
    expect(without.allowCredentials.passwordProtectedKey).toBeUndefined();
    const wrong = await call(emulator, 'POST', '/auth/login/init', { username: 'jane@example.com', orgId: emulator.orgId, loginCode: 'AAA-AAA-AAA' });
    expect(wrong.status).toBe(401);
    const withCode = expectStatus(await call(emulator, 'POST', '/auth/login/init', { username: 'jane@example.com', orgId: emulator.orgId, loginCode }), 200);
    expect(withCode.allowCredentials.passwordProtectedKey).toEqual([]);
  });

  it('snapshots serialisable state and resets it', async () => {
    const emulator = createDfnsEmulator();
    await registerUser(emulator, 'jane@example.com');
    const snapshot = emulator.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.users).toHaveLength(1);
    expect(snapshot.credentials).toHaveLength(2);
    emulator.reset();
    expect(emulator.users()).toEqual([]);
    expect(emulator.readOutbox()).toEqual([]);
  });

  it('converts DER signatures to raw r||s, including high-bit and short integers', () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80;
    raw[31] = 1;
    raw[63] = 7; // s = 7: DER shortens it to one byte
    expect([...derToRaw(rawToDer(raw))]).toEqual([...raw]);
    expect(() => derToRaw(Uint8Array.from([0x30, 0x02, 0x02, 0x00]))).toThrow(TypeError);
  });
});
