/**
 * Failures injected into the emulator reach the kit's `./core` callers as its typed errors:
 * one code per kind of failure, `retryable` where a retry can help, the status kept.
 */
import { describe, expect, it } from 'vitest';
import { completeRegistration, createPasskey, DfnsApiError, initLogin, initRegistration, listCredentials } from '../../src/core';
import { createHarness, newDevice, RP } from './harness';
import { loginWithPasskey, registerWithPasskey } from './kitFlows';

/** The error `promise` rejects with (the test fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<DfnsApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DfnsApiError);
  return error as DfnsApiError;
}

describe('injected faults through the kit', () => {
  it('turns a forced 500 into a retryable server_error with Dfns\'s message', async () => {
    const h = createHarness();
    h.emulator.faults.set({ method: 'POST', path: '/auth/login/init', status: 500, times: 1 });

    const error = await rejection(initLogin(h.client(), { username: 'jane@example.com' }));

    expect(error).toMatchObject({ code: 'server_error', status: 500, retryable: true, apiMessage: 'injected fault', path: '/auth/login/init' });
  });

  it('turns an HTML error page into a typed error that names the HTML, not its markup', async () => {
    const h = createHarness();
    h.emulator.faults.set({ path: '/auth/login/init', status: 502, body: '<html><body>Bad gateway</body></html>' });
    const gateway = await rejection(initLogin(h.client(), {}));
    expect(gateway).toMatchObject({ code: 'server_error', status: 502 });
    expect(gateway.message).toMatch(/HTML/);
    expect(gateway.message).not.toContain('<html>');

    h.emulator.faults.set({ path: '/auth/login/init', status: 400, body: '<html>nope</html>' });
    expect(await rejection(initLogin(h.client(), {}))).toMatchObject({ code: 'http_error', status: 400 });
  });

  it('turns malformed JSON with HTTP 200 into invalid_response', async () => {
    const h = createHarness();
    h.emulator.faults.set({ path: '/auth/login/init', status: 200, body: '{"challenge": "abc", ' });

    expect(await rejection(initLogin(h.client(), {}))).toMatchObject({ code: 'invalid_response', status: 200 });
  });

  it('turns a well-formed 200 of the wrong shape into invalid_response', async () => {
    const h = createHarness();
    h.emulator.faults.set({ path: '/auth/login/init', status: 200, body: '{"hello":"world"}' });

    expect(await rejection(initLogin(h.client(), {}))).toMatchObject({ code: 'invalid_response' });
  });

  it('turns a dropped connection into a retryable network_error', async () => {
    const h = createHarness();
    h.emulator.faults.set({ path: '/auth/login/init', drop: true, times: 1 });

    expect(await rejection(initLogin(h.client(), {}))).toMatchObject({ code: 'network_error', status: 0, retryable: true });
    // The fault was single use: the next call goes through.
    await expect(initLogin(h.client(), {})).resolves.toHaveProperty('challengeIdentifier');
  });

  it('turns the rate limit into a retryable rate_limited error', async () => {
    const h = createHarness();
    h.emulator.setRateLimit(2);
    const client = h.client();
    await initLogin(client, {});
    await initLogin(client, {});

    expect(await rejection(initLogin(client, {}))).toMatchObject({ code: 'rate_limited', status: 429, retryable: true });
  });

  it('refuses an expired temporary registration token as unauthorized', async () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    const h = createHarness({ now: () => now, challengeTtlSeconds: 300 });
    const { registrationCode } = h.emulator.createUser({ username: 'late@example.com' });
    const client = h.client();
    const challenge = await initRegistration(client, { username: 'late@example.com', registrationCode });
    const passkey = await createPasskey(challenge, { rp: RP, authenticator: newDevice() });
    now += 301_000;

    const error = await rejection(
      completeRegistration(client, {
        temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
        credentials: { firstFactorCredential: passkey },
      }),
    );

    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(error.message).not.toContain(challenge.temporaryAuthenticationToken);
  });

  it('refuses an expired login token as unauthorized', async () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    const h = createHarness({ now: () => now, tokenTtlSeconds: 600 });
    const device = newDevice();
    await registerWithPasskey(h, 'jane@example.com', device);
    const token = await loginWithPasskey(h, 'jane@example.com', device);
    await expect(listCredentials(h.client(token))).resolves.toHaveProperty('items');
    now += 601_000;

    expect(await rejection(listCredentials(h.client(token)))).toMatchObject({ code: 'unauthorized', status: 401 });
  });
});
