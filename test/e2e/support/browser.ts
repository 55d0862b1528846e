import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Request } from 'playwright-core';
import { ROOT } from './stack';

/** Debian's Chromium (Playwright's downloads are not available on our machines). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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

/** Where a failing test leaves its screenshot and console log. */
export const ARTIFACTS = join(ROOT, 'test-results/e2e');

/** One headless Chromium per test file. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** What a test sees of one page: the page, its virtual authenticator and everything it logged. */
export interface Harness {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  authenticatorId: string;
  /** `type: text` of every console message. */
  consoleLines: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** `securitypolicyviolation` events and CSP console reports. */
  cspViolations: string[];
  /** Every request the page made to the emulator or the backend, in order. */
  apiRequests: Request[];
  /** Secrets the page received (tokens in response bodies), to look for where they must not be. */
  receivedSecrets: Set<string>;
  /** Parsed JSON bodies of API responses, in order of arrival. */
  responses: { method: string; path: string; status: number; body: unknown }[];
  /** Requests to `path` (exact path, any method unless given). */
  requestsTo(path: string, method?: string): Request[];
  /** A fresh virtual authenticator (the old one removed), e.g. after a "timeout" removed it. */
  replaceAuthenticator(): Promise<void>;
}

/** The response fields that carry a secret the page must keep in memory only. */
const SECRET_FIELDS = new Set(['token', 'temporaryAuthenticationToken', 'userAction']);

function collectSecrets(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => collectSecrets(item, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      if (SECRET_FIELDS.has(key) && typeof field === 'string' && field.length > 8) into.add(field);
      else collectSecrets(field, into);
    }
  }
}

/** Adds a CTAP2 platform authenticator with user verification, as toolchain.md section 5. */
async function addAuthenticator(cdp: CDPSession): Promise<string> {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

/**
 * A new context and page with its own CDP virtual authenticator, listening to console, page
 * errors, CSP violations and API traffic (`apiOrigins`).
 */
export async function openHarness(browser: Browser, apiOrigins: string[], init?: (page: Page) => Promise<void>): Promise<Harness> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Every wait is on a data-status; a step that takes longer than this is a failure, not slowness.
  page.setDefaultTimeout(10_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const harness: Harness = {
    context,
    page,
    cdp,
    authenticatorId: await addAuthenticator(cdp),
    consoleLines: [],
    pageErrors: [],
    cspViolations: [],
    apiRequests: [],
    receivedSecrets: new Set(),
    responses: [],
    requestsTo(path, method) {
      return harness.apiRequests.filter((request) => new URL(request.url()).pathname === path && (!method || request.method() === method));
    },
    async replaceAuthenticator() {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: harness.authenticatorId }).catch(() => undefined);
      harness.authenticatorId = await addAuthenticator(cdp);
    },
  };
  page.on('console', (message) => {
    const line = `[${message.type()}] ${message.text()}`;
    harness.consoleLines.push(line);
    if (/Content.Security.Policy|Refused to (load|execute|apply|connect)/i.test(message.text())) harness.cspViolations.push(line);
  });
  page.on('pageerror', (error) => harness.pageErrors.push(`${error.name}: ${error.message}`));
  // By origin, not prefix: http://localhost:4279 must not match http://localhost:42795.
  const isApi = (url: string): boolean => apiOrigins.includes(new URL(url).origin);
  page.on('request', (request) => {
    if (isApi(request.url()) && request.method() !== 'OPTIONS') harness.apiRequests.push(request);
  });
  page.on('response', (response) => {
    if (!isApi(response.url())) return;
    const request = response.request();
    if (request.method() === 'OPTIONS') return;
    void response
      .json()
      .then((body: unknown) => {
        collectSecrets(body, harness.receivedSecrets);
        harness.responses.push({ method: request.method(), path: new URL(response.url()).pathname, status: response.status(), body });
      })
      .catch(() => undefined);
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => harness.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  if (init) await init(page);
  return harness;
}

/** A file-system-safe name for a test. */
function slug(name: string): string {
  return name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 120);
}

/** Removes what an earlier failed run of this test left, so `test-results/e2e/` only shows current failures. */
export function clearArtifacts(testName: string): void {
  const base = join(ARTIFACTS, slug(testName));
  rmSync(`${base}.png`, { force: true });
  rmSync(`${base}.log`, { force: true });
}

/** Leaves a screenshot and the console log of a failed test in `test-results/e2e/`. */
export async function saveArtifacts(harness: Harness, testName: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const base = join(ARTIFACTS, slug(testName));
  await harness.page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
  const requests = harness.apiRequests.map((request) => `${request.method()} ${new URL(request.url()).pathname}`);
  writeFileSync(
    `${base}.log`,
    [
      `# ${testName}`,
      `url: ${harness.page.url()}`,
      '## console',
      ...harness.consoleLines,
      '## page errors',
      ...harness.pageErrors,
      '## CSP violations',
      ...harness.cspViolations,
      '## API requests',
      ...requests,
    ].join('\n'),
  );
}
