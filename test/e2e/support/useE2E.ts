import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clearArtifacts, launchBrowser, openHarness, saveArtifacts, type Harness } from './browser';
import { startStack, type Stack } from './stack';

/** The per-file fixture: one stack and one browser for the file, one context per test. */
export interface E2E {
  readonly stack: Stack;
  readonly browser: Browser;
  /** The current test's page harness (made in `beforeEach`). */
  readonly h: Harness;
  /** Replaces the current test's harness with one whose page runs `init` first (e.g. an init script). */
  reopen(init: (page: Page) => Promise<void>): Promise<Harness>;
}

/**
 * Registers the hooks of an e2e file: starts the stack and Chromium once (building the kit and the
 * app only when stale), gives each test a fresh context with its own virtual authenticator, checks
 * that no test left an uncaught page error, and saves a screenshot and console log when one fails.
 */
export function useE2E(options: { csp?: boolean } = {}): E2E {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let harness: Harness | undefined;
  const fixture: E2E = {
    get stack() {
      if (!stack) throw new Error('the e2e stack is not started');
      return stack;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched');
      return browser;
    },
    get h() {
      if (!harness) throw new Error('no page for this test');
      return harness;
    },
    async reopen(init) {
      await harness?.context.close();
      harness = await openHarness(fixture.browser, [fixture.stack.emulatorUrl, fixture.stack.backendUrl], init);
      return harness;
    },
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(options), launchBrowser()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 30_000);

  beforeEach(async (context) => {
    clearArtifacts(context.task.name);
    harness = await openHarness(fixture.browser, [fixture.stack.emulatorUrl, fixture.stack.backendUrl]);
  });

  afterEach(async (context) => {
    const pageErrors = harness?.pageErrors ?? [];
    // The runner marks the test failed before afterEach runs; the page is still open here.
    // An `it.fails` (a known kit bug) fails by design: no artifacts for it.
    const failed = context.task.result?.state === 'fail' && !context.task.fails;
    if (harness && (failed || pageErrors.length > 0)) await saveArtifacts(harness, context.task.name);
    await harness?.context.close();
    harness = undefined;
    // Every fault, every cancel: the kit reports it in its UI, never as an uncaught page error.
    await fixture.stack.admin('DELETE', '/faults');
    await fixture.stack.admin('DELETE', '/policies');
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  return fixture;
}
