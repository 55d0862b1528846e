/**
 * Smoke test of the static Storybook (`npm run build-storybook`): serves `storybook-static/` with
 * a plain static server on localhost and shows every story (and docs page) in Chromium, two pages
 * each touring part of the index the way a reader clicks through it. Any console error, page error,
 * Storybook error event, story whose play function or axe check fails, or story that renders
 * nothing fails the test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchPath } from '../../src/emulator/matchPath';
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

/** What the page records from Storybook's channel, from its first script on (see `recordStorybookEvents`). */
interface Recorded {
  /** Stories Storybook is done with (play function and `afterEach`, i.e. axe, included), with their verdict. */
  finished: { storyId: string; status: string; reports: string[] }[];
  /** Docs entries rendered. */
  docs: string[];
  /** Storybook's own error events (render errors, exceptions, a missing story, play function throws). */
  trouble: string[];
}

/**
 * Runs in the page before any of its scripts (on every load, MSW's reload included): catches the
 * assignment of Storybook's channel global and records the channel events that say how an entry
 * ended, so the first entry of a page is judged like every later one.
 */
function recordStorybookEvents(): void {
  type Channel = { on(event: string, listener: (payload: unknown) => void): void };
  const recorded: Recorded = { finished: [], docs: [], trouble: [] };
  let channel: Channel | undefined;
  const listen = (target: Channel): void => {
    target.on('storyFinished', (payload) => {
      const { storyId, status, reporters } = payload as { storyId: string; status: string; reporters?: { type: string; status: string }[] };
      recorded.finished.push({ storyId, status, reports: (reporters ?? []).map((report) => `${report.type}: ${report.status}`) });
    });
    target.on('docsRendered', (id) => recorded.docs.push(String(id)));
    for (const event of ['storyErrored', 'storyThrewException', 'storyMissing', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying']) {
      target.on(event, (payload) => recorded.trouble.push(`${event}: ${JSON.stringify(payload).slice(0, 300)}`));
    }
  };
  Object.defineProperty(globalThis, '__smokeRecorded', { value: recorded });
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value: Channel) => {
      channel = value;
      listen(value);
    },
  });
}

/** The records of the page so far, and the phase of the story Storybook shows (if it is `storyId`). */
interface PageState extends Recorded {
  /** `currentRender.phase` of the preview while it shows `storyId` in story mode; its last one is `finished`. */
  phase: string | undefined;
  /** Every story render on the page (a docs entry's stories included) is finished or aborted. */
  settled: boolean;
}

/** Reads the page's state; empty while the page reloads (MSW), so the caller polls again. */
function pageState(page: Page, storyId: string): Promise<PageState> {
  const empty: PageState = { finished: [], docs: [], trouble: [], phase: undefined, settled: false };
  return page
    .evaluate((id) => {
      type Render = { id?: string; phase?: string };
      const g = globalThis as { __smokeRecorded?: Recorded; __STORYBOOK_PREVIEW__?: { currentRender?: Render; storyRenders?: Render[] } };
      const current = g.__STORYBOOK_PREVIEW__?.currentRender;
      const records = g.__smokeRecorded ?? { finished: [], docs: [], trouble: [] };
      const renders = g.__STORYBOOK_PREVIEW__?.storyRenders ?? [];
      const settled = renders.every((render) => render.phase === 'finished' || render.phase === 'aborted');
      return { ...records, phase: current?.id === id ? current.phase : undefined, settled };
    }, storyId)
    .catch((error: unknown) => {
      if (error instanceof Error && error.message.includes('Execution context was destroyed')) return empty;
      throw error;
    });
}

/** Empties the page's records, so what is read next belongs to the entry about to be shown. */
async function clearRecorded(page: Page): Promise<void> {
  await page.evaluate(() => {
    const records = (globalThis as { __smokeRecorded?: Recorded }).__smokeRecorded;
    if (!records) return;
    records.finished.length = 0;
    records.docs.length = 0;
    records.trouble.length = 0;
  });
}

/** Where the stories' Dfns requests go (answered by the in-page emulator). */
const EMULATOR_ORIGIN = 'https://api.dfns.emulator/';

/** The failures a shown entry injects on purpose, read from its stories' `parameters.dfns`. */
interface InjectedFailures {
  /** The shown story injects faults, a rate limit, or is a gallery of such stories: Chromium then logs "Failed to load resource". */
  expected: boolean;
  /** The paths of the entry's delayed faults (a docs entry: of all its stories): requests that may outlive the entry. */
  delayedPaths: string[];
}

/** What the entry on show injects: the current story's parameters, or those of every story a docs entry rendered. */
function injectedFailures(page: Page): Promise<InjectedFailures> {
  return page.evaluate(() => {
    type Dfns = { faults?: { path: string; latencyMs?: number }[]; rateLimitPerMinute?: number; expectFailedRequests?: boolean };
    type Render = { story?: { parameters?: { dfns?: Dfns } } };
    const preview = (globalThis as { __STORYBOOK_PREVIEW__?: { currentRender?: Render; storyRenders?: Render[] } }).__STORYBOOK_PREVIEW__;
    const dfns = preview?.currentRender?.story?.parameters?.dfns;
    const renders = [preview?.currentRender, ...(preview?.storyRenders ?? [])];
    return {
      expected: Boolean(dfns && ((dfns.faults?.length ?? 0) > 0 || dfns.rateLimitPerMinute !== undefined || dfns.expectFailedRequests)),
      delayedPaths: renders.flatMap((render) =>
        (render?.story?.parameters?.dfns?.faults ?? []).filter((fault) => (fault.latencyMs ?? 0) > 0).map((fault) => fault.path),
      ),
    };
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

/** How many pages tour the stories at once (two cores: more pages only contend for them). */
const CONCURRENCY = Number(process.env['STORYBOOK_SMOKE_CONCURRENCY'] ?? 2);

/** How long an entry may take to be done. */
const ENTRY_TIMEOUT_MS = 20_000;

/**
 * One Chromium page that shows index entries one after another. The first entry is loaded with
 * `iframe.html`; each next one is selected on Storybook's channel, as the manager does when someone
 * clicks through the sidebar of the static build. Loading the whole preview again for every entry
 * cost about 2.2 s of this machine's two cores per entry; selecting one costs about 0.3 s.
 * Console and page errors are charged to the entry on show at the time.
 */
interface TourPage {
  show(entry: IndexEntry): Promise<string[]>;
  /** Resolves once MSW's service worker controls the page. */
  whenWorkerControls(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a page for a tour of entries, with a virtual authenticator and error listeners. */
async function openTourPage(context: BrowserContext, origin: string): Promise<TourPage> {
  const page = await context.newPage();
  let problems: string[] = [];
  let failedEmulatorRequests: { text: string; path: string }[] = [];
  // Paths that entries shown earlier in this page delayed (a "stuck" request): such a request
  // outlives its story and may fail while a later entry is on show (seen once in a CI run, charged
  // to the story after the one that left it). Failures there are not charged to the later entry.
  const delayedPaths = new Set<string>();
  let label = '(page start)';
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const text = `${label}: console error: ${message.text()} (${url})`;
    if (message.text().startsWith('Failed to load resource') && url.startsWith(EMULATOR_ORIGIN)) failedEmulatorRequests.push({ text, path: new URL(url).pathname });
    else problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(`${label}: page error: ${error.message}`));
  page.on('crash', () => problems.push(`${label}: Chromium's renderer crashed`));
  await page.addInitScript(recordStorybookEvents);
  await addVirtualAuthenticator(page);
  let loaded = false;

  /** Polls the page's state until `done` says the entry ended, or the time is up. */
  const waitFor = async (storyId: string, done: (state: PageState) => boolean): Promise<PageState> => {
    const deadline = Date.now() + ENTRY_TIMEOUT_MS;
    let state = await pageState(page, storyId);
    while (!done(state) && Date.now() < deadline) {
      await page.waitForTimeout(50);
      state = await pageState(page, storyId);
    }
    return state;
  };

  return {
    async show(entry) {
      problems = [];
      failedEmulatorRequests = [];
      label = `${entry.title} › ${entry.name} (${entry.type})`;
      const viewMode = entry.type === 'docs' ? 'docs' : 'story';
      try {
        if (!loaded) {
          await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`);
          loaded = true;
        } else {
          // A page MSW is reloading has no channel for a moment: wait for the new one.
          await page.waitForFunction(() => Boolean((globalThis as { __STORYBOOK_ADDONS_CHANNEL__?: unknown }).__STORYBOOK_ADDONS_CHANNEL__), undefined, {
            timeout: ENTRY_TIMEOUT_MS,
          });
          await clearRecorded(page);
          await page.evaluate(
            ({ storyId, mode }) => {
              const channel = (globalThis as { __STORYBOOK_ADDONS_CHANNEL__?: { emit(event: string, payload: unknown): void } })
                .__STORYBOOK_ADDONS_CHANNEL__;
              if (!channel) throw new Error('the Storybook preview has no channel');
              channel.emit('setCurrentStory', { storyId, viewMode: mode });
            },
            { storyId: entry.id, mode: viewMode },
          );
        }
        if (entry.type === 'story') {
          // Done when the shown render is: a story of the same id in the docs shown before may
          // still report its own end after the switch.
          const state = await waitFor(entry.id, (st) => st.phase === 'finished' || st.phase === 'aborted');
          const verdict = state.phase === 'finished' ? state.finished.findLast((f) => f.storyId === entry.id) : undefined;
          if (!verdict) problems.push(`${label}: not finished after ${ENTRY_TIMEOUT_MS} ms (phase ${state.phase ?? 'none'})`);
          else if (verdict.status !== 'success') problems.push(`${label}: finished with ${verdict.status} (${verdict.reports.join(', ') || 'no reports'})`);
          problems.push(...state.trouble.map((trouble) => `${label}: ${trouble}`));
          // An HTTP error from the emulator is fine only in a story that injects it.
          const injected = await injectedFailures(page);
          const leftOver = (path: string): boolean => [...delayedPaths].some((faultPath) => matchPath(faultPath, path) !== undefined);
          if (!injected.expected) problems.push(...failedEmulatorRequests.filter((failed) => !leftOver(failed.path)).map((failed) => failed.text));
          for (const path of injected.delayedPaths) delayedPaths.add(path);
          const shown = await page.locator('#storybook-root').innerHTML();
          if (shown.trim() === '') problems.push(`${label}: rendered nothing`);
        } else {
          // Done when its stories are too: leaving a docs page while the stories in it still run
          // their loaders and passkey ceremonies crashed Chromium's renderer in 2 tours out of 3.
          const done = (st: PageState): boolean => (st.docs.includes(entry.id) && st.settled) || st.trouble.length > 0;
          const state = await waitFor(entry.id, done);
          if (!done(state)) problems.push(`${label}: docs and their stories not done after ${ENTRY_TIMEOUT_MS} ms`);
          problems.push(...state.trouble.map((trouble) => `${label}: ${trouble}`));
          await page.locator('#storybook-docs .sbdocs-content, #storybook-docs .sbdocs').first().waitFor({ timeout: ENTRY_TIMEOUT_MS });
          for (const path of (await injectedFailures(page)).delayedPaths) delayedPaths.add(path);
        }
      } catch (error) {
        problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return problems;
    },
    async whenWorkerControls() {
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: ENTRY_TIMEOUT_MS });
    },
    close: () => page.close(),
  };
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

      // One page first, alone, with a story: its loader starts MSW, which registers its worker. A
      // page that starts MSW while the worker is registered but not in control of it is reloaded by
      // MSW, so the other pages open only once the worker controls this one.
      const queue = [...entries];
      let shown = 0;
      const tour = async (page: TourPage): Promise<void> => {
        for (let entry = queue.shift(); entry; entry = queue.shift()) {
          problems.push(...(await page.show(entry)));
          shown += 1;
        }
      };
      const firstStory = queue.findIndex((entry) => entry.type === 'story');
      const [first] = queue.splice(firstStory, 1);
      const pages = [await openTourPage(ctx, origin)];
      problems.push(...(await pages[0]!.show(first!)));
      shown += 1;
      await pages[0]!.whenWorkerControls();
      for (let i = 1; i < CONCURRENCY; i += 1) pages.push(await openTourPage(ctx, origin));
      await Promise.all(pages.map(tour));
      await Promise.all(pages.map((page) => page.close()));
      expect(shown).toBe(entries.length);
      expect(problems).toEqual([]);
    },
    600_000,
  );
});
