import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createDfnsEmulator } from '../../src/emulator/index';
import { BASE } from './helpers/client';

/** Node's `gc()`, exposed at run time (the same as `node --expose-gc`) so vitest needs no flag. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap in use after two full collections, in bytes. */
function settledHeap(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('the emulator under a long run', () => {
  it('prunes expired challenges: 20,000 login inits leave the heap within a few MB of where it started', async () => {
    const gc = exposeGc();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const emulator = createDfnsEmulator({ now: () => clock, challengeTtlSeconds: 300 });
    const init = () =>
      emulator.handle(
        new Request(`${BASE}/auth/login/init`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ orgId: emulator.orgId }),
        }),
      );
    // Warm up (JIT, lazily built structures) before the baseline.
    for (let i = 0; i < 500; i += 1) expect((await init()).status).toBe(200);
    clock += 3_600_000;
    await init();
    const before = settledHeap(gc);
    for (let i = 0; i < 20_000; i += 1) {
      const response = await init();
      if (response.status !== 200) throw new Error(`init ${i} answered ${response.status}`);
      // 100 ms a request: every challenge expires 3,000 requests after it was made.
      clock += 100;
    }
    // One more request after the last challenges expired, which is when pruning may run.
    clock += 301_000;
    expect((await init()).status).toBe(200);
    const grownMb = (settledHeap(gc) - before) / 1024 / 1024;
    console.log(`heap after 20,000 login inits: ${grownMb.toFixed(2)} MB above the baseline`);
    expect(grownMb).toBeLessThan(3);
  }, 60_000);

  it('still says an expired token has expired after pruning forgot it', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const emulator = createDfnsEmulator({ now: () => clock, tokenTtlSeconds: 60 });
    emulator.createUser({ username: 'ann@example.com' });
    const token = await emulator.loginAs('ann@example.com');
    clock += 3_600_000;
    // Any request runs the pruning; then the token's record is gone.
    await emulator.handle(new Request(`${BASE}/auth/login/init`, { method: 'POST', body: JSON.stringify({ orgId: emulator.orgId }) }));
    const answer = await emulator.handle(new Request(`${BASE}/auth/credentials`, { headers: { authorization: `Bearer ${token}` } }));
    expect(answer.status).toBe(401);
    expect((await answer.json()).error.message).toBe('authorization token has expired');
  });
});
