/**
 * The static Storybook as a product page (issue 14): no onboarding checklist, props tables that
 * name their types, docs pages that do not fill the shared in-page emulator with users, and live
 * stories that work when opened on their own. Reads `storybook-static/` (or `STORYBOOK_STATIC_DIR`),
 * like the smoke test beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './staticServer';

const STATIC_DIR = process.env['STORYBOOK_STATIC_DIR'] ?? 'storybook-static';
const built = existsSync(join(STATIC_DIR, 'index.json'));
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

/** Usernames the page's in-browser emulator knows (see `stories/support/emulator.ts`). */
const emulatorUsers = (page: Page): Promise<string[]> =>
  page.evaluate(() => (globalThis as { __dfnsStoryEmulatorUsers?: () => string[] }).__dfnsStoryEmulatorUsers?.() ?? []);

/** Waits until the docs page is shown and every story render in it is finished or aborted. */
async function docsSettled(page: Page): Promise<void> {
  await page.locator('#storybook-docs .sbdocs-content, #storybook-docs .sbdocs').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => {
      type Render = { phase?: string };
      const renders = (globalThis as { __STORYBOOK_PREVIEW__?: { storyRenders?: Render[] } }).__STORYBOOK_PREVIEW__?.storyRenders ?? [];
      return renders.length > 0 && renders.every((render) => render.phase === 'finished' || render.phase === 'aborted');
    },
    undefined,
    { timeout: 30_000 },
  );
}

describe.skipIf(!built)('the static Storybook as a product page', { timeout: 120_000 }, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let clearPasskeys: () => Promise<void>;

  beforeAll(async () => {
    server = await serveStatic(STATIC_DIR);
    browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    // A passkey authenticator, as a reader's browser has one.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    clearPasskeys = async () => {
      await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
    };
    // MSW's worker must control the page before the emulator answers; its first start reloads the page.
    await page.goto(`${server.origin}/iframe.html?id=components-loginwithpasskey--idle&viewMode=story`);
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows no onboarding checklist: both of Storybook 10’s onboarding features are off in the manager', () => {
    const manager = readFileSync(join(STATIC_DIR, 'index.html'), 'utf8');
    expect(manager).toMatch(/"sidebarOnboardingChecklist":\s*false/);
    expect(manager).toMatch(/"menuOnboardingChecklist":\s*false/);
  });

  it('writes the members of union props in the props table, never a bare "union"', async () => {
    await page.goto(`${server.origin}/iframe.html?id=components-loginwithpasskey--docs&viewMode=docs`);
    await docsSettled(page);
    const table = page.locator('.docblock-argstable').first();
    await table.waitFor({ timeout: 30_000 });
    // Each row: the prop's name, then its description with the type summary on the last line.
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())),
    );
    const typeOf = (name: string): string => rows.find((cells) => cells[0] === name)?.[1]?.split('\n').at(-1) ?? `no row ${name}`;
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((cells) => cells[1]?.split('\n').at(-1) === 'union').map((cells) => cells[0])).toEqual([]);
    expect(typeOf('username')).toBe('string');
    expect(typeOf('className')).toBe('string');
    expect(typeOf('onSuccess')).toBe('(result: LoginWithPasskeyResult) => void');
  });

  it('renders a whole docs page with one shared user per kind, not one per story', async () => {
    for (const [docs, prefix] of [
      ['components-registerpasskey--docs', 'new-user'],
      ['components-credentiallist--docs', 'list'],
      ['components-recoveraccount--docs', 'recover'],
    ] as const) {
      await page.goto(`${server.origin}/iframe.html?id=${docs}&viewMode=docs`);
      await docsSettled(page);
      const made = (await emulatorUsers(page)).filter((username) => username.startsWith(`${prefix}-`));
      expect({ docs, made: made.length }).toEqual({ docs, made: 1 });
    }
  });

  it('a live story opened on its own signs the demo user in with one click', async () => {
    await page.goto(`${server.origin}/iframe.html?id=components-addpasskey--live&viewMode=story`);
    const signIn = page.getByRole('button', { name: 'Sign in as demo@example.com' });
    await signIn.click({ timeout: 30_000 });
    await page.locator('.dfns-AddPasskey').waitFor({ timeout: 30_000 });
    await expect(signIn.count()).resolves.toBe(0);
    expect(await emulatorUsers(page)).toContain('demo@example.com');
  });

  it('the live login opened on its own creates the demo user’s passkey with one click, then signs in with it', async () => {
    // A first visit: no passkey of an earlier page's demo user for the browser to offer.
    await clearPasskeys();
    await page.goto(`${server.origin}/iframe.html?id=components-loginwithpasskey--live&viewMode=story`);
    const create = page.getByRole('button', { name: 'Create demo@example.com’s passkey' });
    await create.click({ timeout: 30_000 });
    await create.waitFor({ state: 'detached', timeout: 30_000 });
    const login = page.locator('.dfns-LoginWithPasskey');
    await login.getByRole('button', { name: 'Choose a saved passkey' }).click();
    await page.waitForSelector('.dfns-LoginWithPasskey[data-status="success"]', { timeout: 30_000 });
  });
});
