/// <reference types="@vitest/browser-playwright" />
/**
 * Timing budgets of issue 8 in real Chromium: the passkey prompt opens within 50 ms of the click
 * once the challenge was prefetched, within L + 50 ms without (the emulator, behind MSW, answers
 * after L ms), and unlocking a recovery key (PBKDF2, 100,000 iterations) never blocks the main
 * thread for more than 50 ms. Medians of a few runs; `npm run bench` reports the full series.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { cdp, page } from 'vitest/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completeRegistration, createDfnsClient, createPasskey, createRecoveryKey, initRegistration, unlockRecoveryKey } from '../../src/core';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { createDfnsEmulator } from '../../src/emulator/index';
import { dfnsEmulatorHandlers } from '../../src/emulator/msw';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';

const BASE_URL = 'https://api.dfns.test';
const rp = { id: 'localhost', name: 'Budgets' };
const USERNAME = 'budget@example.com';
const LATENCY_MS = 200;
const RUNS = 5;
const emulator = createDfnsEmulator({ origins: '*' });
let worker: SetupWorker;
let authenticatorId = '';

/** Page-time marks of the trusted click, each `navigator.credentials.get` and each fetch. */
const marks = { clicks: [] as number[], gets: [] as number[], fetches: [] as number[] };
const realGet = navigator.credentials.get.bind(navigator.credentials);
const realFetch = window.fetch.bind(window);
const onClick = (): void => void marks.clicks.push(performance.now());

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

beforeAll(async () => {
  // Real clicks in a real browser, timed: React's act() test mode would only add warnings here.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  worker = setupWorker(...dfnsEmulatorHandlers(emulator, { baseUrl: BASE_URL }));
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  await cdp().send('WebAuthn.enable', { enableUI: false });
  const added = await cdp().send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  authenticatorId = added.authenticatorId;
  const client = createDfnsClient({ baseUrl: BASE_URL, orgId: emulator.orgId });
  const { registrationCode } = emulator.createUser({ username: USERNAME });
  const challenge = await initRegistration(client, { username: USERNAME, registrationCode });
  const passkey = await createPasskey(challenge, { rp });
  await completeRegistration(client, { temporaryAuthenticationToken: challenge.temporaryAuthenticationToken, credentials: { firstFactorCredential: passkey } });
  navigator.credentials.get = (options) => {
    marks.gets.push(performance.now());
    return realGet(options);
  };
  window.fetch = (...args) => {
    marks.fetches.push(performance.now());
    return realFetch(...args);
  };
  addEventListener('click', onClick, true);
  // Only the API answers wait; the worker adds nothing else.
  emulator.faults.set({ method: 'POST', path: '/auth/*', latencyMs: LATENCY_MS });
});

afterEach(() => cleanup());

afterAll(async () => {
  removeEventListener('click', onClick, true);
  navigator.credentials.get = realGet;
  window.fetch = realFetch;
  await cdp().send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  await cdp().send('WebAuthn.disable');
  worker.stop();
});

/** Renders the login, clicks it (after hovering and waiting for the challenge when `prefetch`), and returns click → get in ms. */
async function clickToPrompt(prefetch: boolean): Promise<number> {
  marks.clicks.length = 0;
  marks.gets.length = 0;
  marks.fetches.length = 0;
  const view = render(
    <QueryClientProvider client={new QueryClient()}>
      <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulator.orgId} rp={rp}>
        {prefetch ? (
          <LoginWithPasskey username={USERNAME} />
        ) : (
          // The same hook and frame with a plain button: nothing is fetched before the click.
          <LoginWithPasskey username={USERNAME}>
            {(login) => (
              <button type="button" onClick={() => login.start({ username: USERNAME })}>
                Sign in
              </button>
            )}
          </LoginWithPasskey>
        )}
      </DfnsAuthProvider>
    </QueryClientProvider>,
  );
  const button = view.container.querySelector('button');
  const root = view.container.querySelector('.dfns-LoginWithPasskey');
  if (!button || !root) throw new Error('LoginWithPasskey rendered no button');
  const locator = page.elementLocator(button);
  if (prefetch) {
    await locator.hover();
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS + 150));
  }
  await locator.click();
  await expect.poll(() => root.getAttribute('data-status'), { timeout: 5000 }).toBe('success');
  const click = marks.clicks[0];
  const get = marks.gets[0];
  if (marks.clicks.length !== 1 || marks.gets.length !== 1 || click === undefined || get === undefined) {
    throw new Error(`expected one click and one prompt, saw ${marks.clicks.length} and ${marks.gets.length}`);
  }
  // The measure only means something if the prefetch really happened (or really did not).
  expect(marks.fetches.filter((at) => at < click)).toHaveLength(prefetch ? 1 : 0);
  // Move the pointer off first, so the next run's hover really enters the new button.
  await locator.unhover();
  view.unmount();
  return get - click;
}

describe('click to passkey prompt', () => {
  it(`opens the prompt within 50 ms of the click when the challenge was prefetched on hover`, async () => {
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await clickToPrompt(true));
    console.log(`prefetched: ${runs.map((ms) => ms.toFixed(1)).join(', ')} ms`);
    expect(median(runs)).toBeLessThanOrEqual(50);
  }, 30_000);

  it(`opens the prompt within L + 50 ms of the click without a prefetched challenge (L = ${LATENCY_MS} ms)`, async () => {
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await clickToPrompt(false));
    console.log(`not prefetched: ${runs.map((ms) => ms.toFixed(1)).join(', ')} ms`);
    expect(median(runs)).toBeGreaterThanOrEqual(LATENCY_MS);
    expect(median(runs)).toBeLessThanOrEqual(LATENCY_MS + 50);
  }, 30_000);
});

describe('recovery key unlock', () => {
  /** The longest task (ms) a longtask observer reports while `work` runs, flushed after a frame. */
  async function longestTaskDuring(work: () => Promise<unknown>): Promise<number> {
    const durations: number[] = [];
    const observer = new PerformanceObserver((list) => durations.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    await work();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    durations.push(...observer.takeRecords().map((entry) => entry.duration));
    observer.disconnect();
    return Math.max(0, ...durations);
  }

  it('sees a deliberate 80 ms busy task, so the observer below can fail', async () => {
    const longest = await longestTaskDuring(
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            const until = performance.now() + 80;
            while (performance.now() < until) {
              // Busy on purpose.
            }
            resolve();
          }, 0),
        ),
    );
    expect(longest).toBeGreaterThanOrEqual(80);
  });

  it('never blocks the main thread for more than 50 ms while unlocking a recovery key', async () => {
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const created = await createRecoveryKey({ challenge: { challenge: 'budget', user: { name: USERNAME } } });
      await new Promise((resolve) => setTimeout(resolve, 100));
      runs.push(
        await longestTaskDuring(() =>
          unlockRecoveryKey({ encryptedRecoveryKey: created.credential.encryptedPrivateKey, recoveryCode: created.recoveryCode, username: USERNAME }),
        ),
      );
    }
    console.log(`longest task while unlocking: ${runs.map((ms) => ms.toFixed(1)).join(', ')} ms`);
    expect(median(runs)).toBeLessThanOrEqual(50);
  }, 30_000);
});
