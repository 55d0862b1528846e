import { describe, expect, it } from 'vitest';
import { createDfnsEmulator, type DfnsEmulator } from '../../src/emulator/index';
import { call, expectStatus, type Answer } from './helpers/client';
import { login, registerUser, signedCall } from './helpers/flows';

/** A movable clock for an emulator, so a test can wait out a lockout without waiting. */
function clocked(): { emulator: DfnsEmulator; advance(ms: number): void; now(): number } {
  let clock = Date.now();
  return { emulator: createDfnsEmulator({ now: () => clock }), advance: (ms) => (clock += ms), now: () => clock };
}

/** Dfns's error shape for 429, with a Retry-After header in whole seconds. */
function expectRateLimited(answer: Answer): number {
  expect(answer.status).toBe(429);
  expect(answer.body).toEqual({ error: { id: expect.any(String), status: 429, message: expect.stringContaining('too many'), details: expect.any(Object) } });
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(answer.body.error.details.retryAfterSeconds).toBe(retryAfter);
  return retryAfter;
}

/** Five wrong tries answer 401; the sixth, even with the right code, 429 until Retry-After has passed. */
async function expectLockout(attempt: (code: string) => Promise<Answer>, rightCode: () => string, advance: (ms: number) => void): Promise<Answer> {
  for (let i = 0; i < 5; i += 1) expect((await attempt('AAA-AAA-AAA')).status, `wrong try ${i + 1}`).toBe(401);
  const retryAfter = expectRateLimited(await attempt(rightCode()));
  expectRateLimited(await attempt('AAA-AAA-AAA'));
  advance(retryAfter * 1000 - 1_000);
  expectRateLimited(await attempt(rightCode()));
  advance(1_000);
  return attempt(rightCode());
}

describe('wrong codes are rate limited (429 with Retry-After, in the Dfns error shape)', () => {
  it('registration codes', async () => {
    const { emulator, advance } = clocked();
    const { registrationCode } = emulator.createUser({ username: 'ann@example.com' });
    const attempt = (code: string) =>
      call(emulator, 'POST', '/auth/registration/init', { orgId: emulator.orgId, username: 'ann@example.com', registrationCode: code });
    expectStatus(await expectLockout(attempt, () => registrationCode, advance), 200);
    // The limit is per user: another user's tries are not affected.
    const other = emulator.createUser({ username: 'bob@example.com' });
    expectStatus(await call(emulator, 'POST', '/auth/registration/init', { orgId: emulator.orgId, username: 'bob@example.com', registrationCode: other.registrationCode }), 200);
  });

  it('login codes', async () => {
    const { emulator, advance } = clocked();
    await registerUser(emulator, 'ann@example.com');
    const send = () => call(emulator, 'POST', '/auth/login/code', { orgId: emulator.orgId, username: 'ann@example.com' });
    expectStatus(await send(), 200);
    const attempt = (loginCode: string) => call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId, username: 'ann@example.com', loginCode });
    const final = await expectLockout(
      attempt,
      () => emulator.lastCode('ann@example.com', 'login')!,
      (ms) => {
        advance(ms);
      },
    );
    expectStatus(final, 200);
  });

  it('recovery codes', async () => {
    const { emulator, advance } = clocked();
    const ann = await registerUser(emulator, 'ann@example.com');
    expectStatus(await call(emulator, 'POST', '/auth/recover/user/code', { orgId: emulator.orgId, username: 'ann@example.com' }), 200);
    const attempt = (verificationCode: string) =>
      call(emulator, 'POST', '/auth/recover/user/init', {
        orgId: emulator.orgId,
        username: 'ann@example.com',
        verificationCode,
        credentialId: ann.recoveryKey.credId,
      });
    expectStatus(await expectLockout(attempt, () => emulator.lastCode('ann@example.com', 'recovery')!, advance), 200);
  });

  it('credential codes (from another app)', async () => {
    const { emulator, advance, now } = clocked();
    const ann = await registerUser(emulator, 'ann@example.com');
    const token = await login(emulator, 'ann@example.com', { passkey: ann.passkey });
    const attempt = (code: string) => call(emulator, 'POST', '/auth/credentials/code/init', { code, credentialKind: 'Fido2' });
    let code = '';
    // The right code is made when it is tried, as it lives one minute at most.
    const fresh = async (): Promise<void> => {
      const made = await signedCall(emulator, token, { passkey: ann.passkey }, 'POST', '/auth/credentials/code', {
        expiration: new Date(now() + 30_000).toISOString(),
      });
      code = expectStatus(made, 200).code;
    };
    await fresh();
    for (let i = 0; i < 5; i += 1) expect((await attempt('AAA-AAA-AAA')).status).toBe(401);
    const retryAfter = expectRateLimited(await attempt(code));
    advance(retryAfter * 1000);
    await fresh();
    expectStatus(await attempt(code), 200);
  });

  it('lets the org-wide request limit answer 429 with Retry-After too', async () => {
    const { emulator } = clocked();
    emulator.setRateLimit(2);
    await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId });
    await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId });
    const limited = await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('exposes Retry-After to a page on an allowed origin (CORS)', async () => {
    const { emulator } = clocked();
    const answer = await call(emulator, 'POST', '/auth/login/init', { orgId: emulator.orgId });
    expect(answer.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');
  });
});
