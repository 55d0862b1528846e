/**
 * Smoke test of the static Storybook (`npm run build-storybook`): serves `storybook-static/` with
 * a plain static server on localhost and opens every story (and docs page) in Chromium. Any
 * console error, page error or story that fails to render or play fails the test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './staticServer';

const STATIC_DIR = 'storybook-static';
const built = existsSync(join(STATIC_DIR, 'index.json'));
if (!built && !process.env['CI']) {
  console.warn('Skipping the static Storybook smoke test: storybook-static/ is absent (run `npm run build-storybook`; with CI set, its absence fails).');
}
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

/** Phases in which Storybook is done with a story (rendered, and its play function finished). */
const DONE = ['completed', 'finished'];
const FAILED = ['errored', 'aborted'];

/**
 * The phase of the story the preview rendered last, read from Storybook's preview global; undefined
 * while the page reloads (MSW reloads a page that loaded while its worker was registered but not yet
 * in control), so the caller polls again. A page that never settles still ends as "phase none".
 */
function renderPhase(page: Page): Promise<string | undefined> {
  return page
    .evaluate(() => {
      const preview = (globalThis as { __STORYBOOK_PREVIEW__?: { storyRenders?: { phase?: string }[] } }).__STORYBOOK_PREVIEW__;
      return preview?.storyRenders?.at(-1)?.phase;
    })
    .catch((error: unknown) => {
      if (error instanceof Error && error.message.includes('Execution context was destroyed')) return undefined;
      throw error;
    });
}

/** Where the stories' Dfns requests go (answered by the in-page emulator). */
const EMULATOR_ORIGIN = 'https://api.dfns.emulator/';

/**
 * True when the story injects failures on purpose (`parameters.dfns.faults`, a rate limit, or a
 * gallery of such stories): Chromium then logs "Failed to load resource" for those responses.
 */
function expectsFailedRequests(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    type Dfns = { faults?: unknown[]; rateLimitPerMinute?: number; expectFailedRequests?: boolean };
    const preview = (globalThis as { __STORYBOOK_PREVIEW__?: { storyRenders?: { story?: { parameters?: { dfns?: Dfns } } }[] } })
      .__STORYBOOK_PREVIEW__;
    const dfns = preview?.storyRenders?.at(-1)?.story?.parameters?.dfns;
    return Boolean(dfns && ((dfns.faults?.length ?? 0) > 0 || dfns.rateLimitPerMinute !== undefined || dfns.expectFailedRequests));
  });
}

/** A passkey authenticator for the page, so live stories' real ceremonies complete as in a browser with one. */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

/** How many stories are open at once. */
const CONCURRENCY = Number(process.env['STORYBOOK_SMOKE_CONCURRENCY'] ?? 4);

/** Opens one index entry in its own page and returns what went wrong there. */
async function visit(context: BrowserContext, origin: string, entry: IndexEntry): Promise<string[]> {
  const problems: string[] = [];
  const page = await context.newPage();
  const label = `${entry.title} › ${entry.name} (${entry.type})`;
  const failedEmulatorRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const text = `${label}: console error: ${message.text()} (${url})`;
    if (message.text().startsWith('Failed to load resource') && url.startsWith(EMULATOR_ORIGIN)) failedEmulatorRequests.push(text);
    else problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(`${label}: page error: ${error.message}`));
  try {
    await addVirtualAuthenticator(page);
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`);
    if (entry.type === 'story') {
      let phase: string | undefined;
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        phase = await renderPhase(page);
        if (phase && (DONE.includes(phase) || FAILED.includes(phase))) break;
        await page.waitForTimeout(100);
      }
      if (!phase || !DONE.includes(phase)) problems.push(`${label}: ended in phase ${phase ?? 'none'}`);
      // An HTTP error from the emulator is fine only in a story that injects it.
      if (failedEmulatorRequests.length > 0 && !(await expectsFailedRequests(page))) problems.push(...failedEmulatorRequests);
      const shown = await page.locator('#storybook-root').innerHTML();
      if (shown.trim() === '') problems.push(`${label}: rendered nothing`);
    } else {
      await page.locator('#storybook-docs .sbdocs-content, #storybook-docs .sbdocs').first().waitFor({ timeout: 20_000 });
    }
  } catch (error) {
    problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await page.close();
  }
  return problems;
}

describe('the static Storybook build', () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    if (!built) return;
    server = await serveStatic(STATIC_DIR);
    browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('exists (run `npm run build-storybook` first; required when CI is set)', () => {
    if (!built && !process.env['CI']) return;
    expect(existsSync(join(STATIC_DIR, 'index.json'))).toBe(true);
    expect(existsSync(join(STATIC_DIR, 'mockServiceWorker.js'))).toBe(true);
  });

  it.skipIf(!built && !process.env['CI'])(
    'opens every story and docs page of storybook-static/ without a console error or page error',
    async () => {
      if (!server || !context) throw new Error('storybook-static/ is missing: run `npm run build-storybook` before the tests');
      const ctx = context;
      const { origin } = server;
      const index = JSON.parse(readFileSync(join(STATIC_DIR, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
      const entries = Object.values(index.entries);
      expect(entries.filter((entry) => entry.type === 'story').length).toBeGreaterThan(0);
      const problems: string[] = [];

      // One page first, alone: it registers MSW's worker, and a page that loads while the worker is
      // registered but not yet in control is reloaded by MSW, which would race the checks below.
      const queue = [...entries];
      const first = queue.shift();
      if (first) problems.push(...(await visit(ctx, origin, first)));
      // Then a few pages at a time: most of a visit is waiting (worker start, loaders, play functions).
      const worker = async (): Promise<void> => {
        for (let entry = queue.shift(); entry; entry = queue.shift()) problems.push(...(await visit(ctx, origin, entry)));
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      expect(problems).toEqual([]);
    },
    600_000,
  );
});
