import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { Marionette, type FirefoxCredential, type VirtualAuthenticatorOptions } from './marionette';

/** Debian's Firefox ESR (`apt-get install firefox-esr`); no driver binary is needed. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Profile prefs: the soft token is Firefox's virtual authenticator (without it every `create`
 * fails with NotAllowedError); `marionette.port` 0 writes the port to `MarionetteActivePort`;
 * automation turns saved logins off, and without them the passkey autofill list never opens.
 */
const PREFS = {
  'security.webauth.webauthn_enable_softtoken': true,
  'security.webauth.webauthn_enable_usbtoken': false,
  'marionette.port': 0,
  'signon.rememberSignons': true,
  'signon.autofillForms': true,
};

/** One headless Firefox: pages over WebDriver BiDi (puppeteer-core), authenticators over Marionette. */
export interface Firefox {
  browser: Browser;
  marionette: Marionette;
  version: string;
  close(): Promise<void>;
}

/** Launches Firefox ESR headless with a fresh profile and connects Marionette to it. */
export async function launchFirefox(): Promise<Firefox> {
  if (!existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}: apt-get install firefox-esr (as .ci/run does), or set FIREFOX_PATH`);
  const profile = mkdtempSync(join(tmpdir(), 'kit-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: ['--marionette'],
    extraPrefsFirefox: PREFS,
  });
  try {
    const portFile = join(profile, 'MarionetteActivePort');
    for (let waited = 0; !existsSync(portFile) && waited < 10_000; waited += 100) await new Promise((tick) => setTimeout(tick, 100));
    const marionette = await Marionette.connect(Number(readFileSync(portFile, 'utf8').trim()));
    return {
      browser,
      marionette,
      version: await browser.version(),
      async close() {
        marionette.close();
        await browser.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** A request the page made to the emulator or the backend; `body` is read over BiDi when asked for. */
export interface ApiRequest {
  method: string;
  path: string;
  body(): Promise<unknown>;
}

/** One test's page in Firefox, its virtual authenticator, and the API requests it made. */
export interface FirefoxHarness {
  page: Page;
  authenticatorId: string;
  /** `METHOD /path` of every request to the emulator or the backend (no preflights). */
  apiRequests: ApiRequest[];
  pageErrors: string[];
  consoleLines: string[];
  /** Requests to `path` (any method unless given). */
  requestsTo(path: string, method?: string): ApiRequest[];
  /** Removes the authenticator and adds a fresh one (`options` override the defaults). */
  replaceAuthenticator(options?: VirtualAuthenticatorOptions): Promise<void>;
  /** Removes the authenticator and adds none: the page has no authenticator at all. */
  removeAuthenticator(): Promise<void>;
  credentials(): Promise<FirefoxCredential[]>;
  /** Puts an exported credential on the current authenticator. */
  firefoxAddCredential(credential: FirefoxCredential): Promise<void>;
  close(): Promise<void>;
}

/**
 * A new tab (the launch tab has no focus, and Firefox refuses WebAuthn in an unfocused
 * document) with a fresh virtual authenticator; the authenticator is browser-wide in Firefox.
 */
export async function openFirefoxHarness(firefox: Firefox, apiOrigins: string[]): Promise<FirefoxHarness> {
  const page = await firefox.browser.newPage();
  page.setDefaultTimeout(10_000);
  let authenticatorId: string | undefined = await firefox.marionette.addAuthenticator();
  const harness: FirefoxHarness = {
    page,
    get authenticatorId() {
      if (!authenticatorId) throw new Error('the page has no authenticator');
      return authenticatorId;
    },
    apiRequests: [],
    pageErrors: [],
    consoleLines: [],
    requestsTo(path, method) {
      return harness.apiRequests.filter((request) => request.path === path && (!method || request.method === method));
    },
    async replaceAuthenticator(options) {
      await harness.removeAuthenticator();
      authenticatorId = await firefox.marionette.addAuthenticator(options);
    },
    async removeAuthenticator() {
      if (authenticatorId) await firefox.marionette.removeAuthenticator(authenticatorId);
      authenticatorId = undefined;
    },
    credentials: () => firefox.marionette.credentials(harness.authenticatorId),
    firefoxAddCredential: (credential) => firefox.marionette.addCredential(harness.authenticatorId, credential),
    async close() {
      await harness.removeAuthenticator().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
  const isApi = (url: string): boolean => apiOrigins.includes(new URL(url).origin);
  page.on('request', (request: HTTPRequest) => {
    if (!isApi(request.url()) || request.method() === 'OPTIONS') return;
    const body = request.hasPostData() ? request.fetchPostData() : Promise.resolve(undefined);
    body.catch(() => undefined);
    harness.apiRequests.push({
      method: request.method(),
      path: new URL(request.url()).pathname,
      body: async () => {
        const text = await body;
        return text === undefined ? undefined : (JSON.parse(text) as unknown);
      },
    });
  });
  page.on('pageerror', (error) => harness.pageErrors.push(String(error)));
  page.on('console', (message) => harness.consoleLines.push(`[${message.type()}] ${message.text()}`));
  return harness;
}

type Scope = Page | Frame;

/** The kit component root's selector. */
const rootOf = (name: string): string => `section.dfns-${name}`;

/** Waits until the component's `data-status` is one of `statuses`. */
export async function waitForStatus(scope: Scope, name: string, statuses: string | string[], timeout = 15_000): Promise<void> {
  const list = Array.isArray(statuses) ? statuses : [statuses];
  await scope.waitForSelector(list.map((status) => `${rootOf(name)}[data-status="${status}"]`).join(', '), { timeout });
}

/** The current `data-status` of a component. */
export function statusOf(scope: Scope, name: string): Promise<string | null> {
  return scope.$eval(rootOf(name), (root) => root.getAttribute('data-status'));
}

/** The visible button inside `within` whose text (or aria-label) is exactly `name`. */
export async function button(scope: Scope, within: string, name: string): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await scope.waitForFunction(
    (selector, label) =>
      [...document.querySelectorAll<HTMLButtonElement>(`${selector} button`)].find(
        (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim() === label && candidate.offsetParent !== null,
      ),
    {},
    within,
    name,
  );
  return handle as ElementHandle<HTMLButtonElement>;
}

/** Clicks a button by its name, with a real pointer click (user activation). */
export async function clickButton(scope: Scope, within: string, name: string): Promise<void> {
  await (await button(scope, within, name)).click();
}

/** The field inside `within` whose label starts with `label`. */
async function field(scope: Scope, within: string, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await scope.waitForFunction(
    (selector, text) =>
      [...document.querySelectorAll<HTMLLabelElement>(`${selector} label`)]
        .find((candidate) => (candidate.textContent ?? '').trim().startsWith(text))
        ?.control ?? undefined,
    {},
    within,
    label,
  );
  return handle as ElementHandle<HTMLInputElement>;
}

/** Types `value` into the labelled field (real key events, as a user would). */
export async function fill(scope: Scope, within: string, label: string, value: string): Promise<void> {
  const input = await field(scope, within, label);
  await input.click({ count: 3 });
  await input.type(value);
}

/** Ticks the labelled checkbox. */
export async function check(scope: Scope, within: string, label: string): Promise<void> {
  await (await field(scope, within, label)).click();
}

/** The role="alert" of a component: its kit error code and its text. */
export async function alertOf(scope: Scope, name: string): Promise<{ code: string | null; text: string }> {
  const alert = await scope.waitForSelector(`${rootOf(name)} [role="alert"]`);
  return alert!.evaluate((element) => ({ code: element.getAttribute('data-code'), text: (element as HTMLElement).innerText }));
}

/** The text of the first element matching `selector`, once it exists. */
export async function textOf(scope: Scope, selector: string): Promise<string> {
  const element = await scope.waitForSelector(selector);
  return element!.evaluate((node) => (node as HTMLElement).innerText.trim());
}
