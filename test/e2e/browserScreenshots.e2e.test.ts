/**
 * The example app's components in Chromium and in Firefox, light and dark, side by side, for a
 * person to look at (form controls and fonts differ between engines). Not an assertion suite: it
 * drives the states and fails only if one is not reached.
 *
 * Runs only when asked: `SCREENSHOTS=1 npx vitest run --project e2e test/e2e/browserScreenshots.e2e.test.ts`.
 * Writes /tmp/shots/browsers/<state>-<scheme>-<engine>.png and <state>-<scheme>.png (the pair).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as ChromiumPage } from 'playwright-core';
import { describe, it } from 'vitest';
import { launchBrowser, openHarness } from './support/browser';
import { check, clickButton, fill, launchFirefox, openFirefoxHarness, waitForStatus } from './support/firefox';
import { startStack, type Stack } from './support/stack';

const OUT = '/tmp/shots/browsers';
const enabled = process.env['SCREENSHOTS'] === '1';

/** What the shot script needs of a page, in either engine. */
interface Driver {
  engine: 'chromium' | 'firefox';
  goto(url: string): Promise<void>;
  fill(within: string, label: string, value: string): Promise<void>;
  check(within: string, label: string): Promise<void>;
  click(within: string, name: string): Promise<void>;
  status(name: string, status: string): Promise<void>;
  /** Sets the host page's color-scheme and the kit's theme. */
  scheme(scheme: 'light' | 'dark'): Promise<void>;
  shot(selector: string, path: string): Promise<void>;
}

/** The host in that scheme, and the kit as `theme="light"` / `"dark"` renders it (the provider is fixed at build time). */
const setScheme = (scheme: string): void => {
  document.documentElement.style.colorScheme = scheme;
  document.querySelectorAll('.dfns-kit').forEach((root) => root.setAttribute('data-theme', scheme));
  document.body.style.background = scheme === 'dark' ? '#0d1017' : '#ffffff';
  document.body.style.color = scheme === 'dark' ? '#e6e6e6' : '#111111';
};

function chromiumDriver(page: ChromiumPage): Driver {
  const label = (within: string, text: string) => page.locator(within).getByLabel(text, { exact: false }).first();
  return {
    engine: 'chromium',
    goto: async (url) => void (await page.goto(url)),
    fill: (within, text, value) => label(within, text).fill(value),
    check: (within, text) => label(within, text).check(),
    click: (within, name) => page.locator(within).getByRole('button', { name, exact: true }).first().click(),
    status: (name, status) => page.locator(`section.dfns-${name}[data-status="${status}"]`).first().waitFor(),
    scheme: (scheme) => page.evaluate(setScheme, scheme),
    shot: async (selector, path) => void (await page.locator(selector).first().screenshot({ path, animations: 'disabled', caret: 'hide' })),
  };
}

/** Drives one engine through the states and shoots each in light and dark. */
async function shootStates(driver: Driver, stack: Stack, prefix: string): Promise<string[]> {
  const shots: string[] = [];
  const shoot = async (state: string, selector: string): Promise<void> => {
    for (const scheme of ['light', 'dark'] as const) {
      await driver.scheme(scheme);
      // Let transitions and the theme settle.
      await new Promise((settled) => setTimeout(settled, 250));
      await driver.shot(selector, join(OUT, `${state}-${scheme}-${driver.engine}.png`));
      shots.push(`${state}-${scheme}`);
    }
  };
  const username = `${prefix}-${driver.engine}@example.com`;
  const code = await stack.createUser(username);
  await driver.goto(stack.pageUrl({ flow: 'register' }));
  await driver.status('RegisterPasskey', 'idle');
  await driver.fill('section.dfns-RegisterPasskey', 'Email or username', username);
  await shoot('register-form', 'section.dfns-RegisterPasskey');
  await driver.fill('section.dfns-RegisterPasskey', 'Registration code', code);
  await driver.click('section.dfns-RegisterPasskey', 'Create passkey');
  await driver.status('RegisterPasskey', 'showing-recovery-kit');
  await shoot('recovery-kit', 'section.dfns-RegisterPasskey');
  await driver.check('section.dfns-RegisterPasskey', 'I have saved it');
  await driver.click('section.dfns-RegisterPasskey', 'Continue');
  await driver.status('RegisterPasskey', 'success');

  await driver.goto(stack.pageUrl({ flow: 'login', autofill: false }));
  await driver.status('LoginWithPasskey', 'idle');
  await shoot('login-form', 'section.dfns-LoginWithPasskey');
  await driver.fill('section.dfns-LoginWithPasskey', 'Email or username', username);
  await driver.click('section.dfns-LoginWithPasskey', 'Continue');
  await driver.status('LoginWithPasskey', 'success');
  await driver.status('CredentialList', 'ready');
  await shoot('account', '[data-testid="account"]');

  await driver.goto(stack.pageUrl({ flow: 'recover' }));
  await driver.status('RecoverAccount', 'idle');
  await shoot('recover-form', 'section.dfns-RecoverAccount');
  // The code step: the recovery fields and the kit file picker (file inputs differ most between engines).
  await driver.fill('section.dfns-RecoverAccount', 'Email or username', username);
  await driver.click('section.dfns-RecoverAccount', 'I already have a code');
  await shoot('recover-code-form', 'section.dfns-RecoverAccount');

  const other = `${prefix}-rp-${driver.engine}@example.com`;
  const otherCode = await stack.createUser(other);
  await driver.goto(stack.pageUrl({ flow: 'register', rp: 'example.com' }));
  await driver.fill('section.dfns-RegisterPasskey', 'Email or username', other);
  await driver.fill('section.dfns-RegisterPasskey', 'Registration code', otherCode);
  await driver.click('section.dfns-RegisterPasskey', 'Create passkey');
  await driver.status('RegisterPasskey', 'error');
  await shoot('error-alert', 'section.dfns-RegisterPasskey');
  return shots;
}

describe.skipIf(!enabled)('screenshots in Chromium and Firefox', () => {
  it('shoots every state in light and dark in both engines, and pairs them', async () => {
    mkdirSync(OUT, { recursive: true });
    const stack = await startStack();
    const [chromium, firefox] = await Promise.all([launchBrowser(), launchFirefox()]);
    try {
      const apis = [stack.emulatorUrl, stack.backendUrl];
      const ch = await openHarness(chromium, apis);
      await ch.page.setViewportSize({ width: 900, height: 1000 });
      const shots = await shootStates(chromiumDriver(ch.page), stack, 'shot');

      const ff = await openFirefoxHarness(firefox, apis);
      await ff.page.setViewport({ width: 900, height: 1000 });
      const page = ff.page;
      await shootStates(
        {
          engine: 'firefox',
          goto: async (url) => void (await page.goto(url)),
          fill: (within, text, value) => fill(page, within, text, value),
          check: (within, text) => check(page, within, text),
          click: (within, name) => clickButton(page, within, name),
          status: (name, status) => waitForStatus(page, name, status),
          scheme: (scheme) => page.evaluate(setScheme, scheme),
          shot: async (selector, path) => {
            const element = await page.waitForSelector(selector);
            await element!.screenshot({ path: path as `${string}.png` });
          },
        },
        stack,
        'shot',
      );

      // Each pair side by side on one page, shot by Chromium.
      const pairs = await chromium.newPage({ viewport: { width: 1000, height: 800 } });
      for (const shot of shots) {
        const image = (engine: string) => `data:image/png;base64,${readFileSync(join(OUT, `${shot}-${engine}.png`)).toString('base64')}`;
        const dark = shot.endsWith('-dark');
        await pairs.setContent(
          `<body style="margin:0;padding:12px;display:flex;gap:16px;align-items:flex-start;font:14px sans-serif;background:${dark ? '#0d1017' : '#fff'};color:${dark ? '#eee' : '#111'}">` +
            `<figure style="margin:0"><figcaption>Chromium</figcaption><img src="${image('chromium')}"></figure>` +
            `<figure style="margin:0"><figcaption>Firefox</figcaption><img src="${image('firefox')}"></figure></body>`,
        );
        writeFileSync(join(OUT, `${shot}.png`), await pairs.screenshot({ fullPage: true }));
      }
    } finally {
      await chromium.close();
      await firefox.close();
      await stack.stop();
    }
  }, 240_000);
});
