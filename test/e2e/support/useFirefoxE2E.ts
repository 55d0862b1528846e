import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { ARTIFACTS } from './browser';
import { launchFirefox, openFirefoxHarness, type Firefox, type FirefoxHarness } from './firefox';
import { startStack, type Stack } from './stack';

/** The per-file fixture in Firefox: one stack and one Firefox for the file, one tab per test. */
export interface FirefoxE2E {
  readonly stack: Stack;
  readonly firefox: Firefox;
  /** The current test's tab and authenticator (made in `beforeEach`). */
  readonly h: FirefoxHarness;
}

/**
 * Registers the hooks of a Firefox e2e file: one Firefox launch for the file (about 2 s on an idle
 * machine), a new tab and a fresh virtual authenticator per test, no uncaught page error allowed,
 * and a screenshot and log of a failed test in `test-results/e2e/firefox-*`.
 */
export function useFirefoxE2E(): FirefoxE2E {
  let stack: Stack | undefined;
  let firefox: Firefox | undefined;
  let harness: FirefoxHarness | undefined;
  const fixture: FirefoxE2E = {
    get stack() {
      if (!stack) throw new Error('the e2e stack is not started');
      return stack;
    },
    get firefox() {
      if (!firefox) throw new Error('Firefox is not launched');
      return firefox;
    },
    get h() {
      if (!harness) throw new Error('no page for this test');
      return harness;
    },
  };

  beforeAll(async () => {
    [stack, firefox] = await Promise.all([startStack(), launchFirefox()]);
  }, 120_000);

  afterAll(async () => {
    await firefox?.close();
    await stack?.stop();
  }, 30_000);

  beforeEach(async () => {
    harness = await openFirefoxHarness(fixture.firefox, [fixture.stack.emulatorUrl, fixture.stack.backendUrl]);
  });

  afterEach(async (context) => {
    const pageErrors = harness?.pageErrors ?? [];
    if (harness && context.task.result?.state === 'fail') {
      mkdirSync(ARTIFACTS, { recursive: true });
      const base = join(ARTIFACTS, `firefox-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 100)}`);
      await harness.page.screenshot({ path: `${base}.png` as `${string}.png`, fullPage: true }).catch(() => undefined);
      const requests = harness.apiRequests.map((request) => `${request.method} ${request.path}`);
      writeFileSync(`${base}.log`, [`# ${context.task.name}`, '## console', ...harness.consoleLines, '## page errors', ...pageErrors, '## API requests', ...requests].join('\n'));
    }
    await harness?.close();
    harness = undefined;
    await fixture.stack.admin('DELETE', '/faults');
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  return fixture;
}
