// Chromium measurements: click → navigator.credentials.get with the emulator answering after a
// set latency, with and without a prefetched challenge, and the longest main-thread task while a
// recovery key is unlocked. The page (scripts/bench/page/) is built with Vite and served on localhost.
import react from '@vitejs/plugin-react';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from './sizes.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** Records the trusted click and every WebAuthn call, in page time, before the page's own code runs. */
const INIT_SCRIPT = `
  window.__marks = { clicks: [], gets: [], creates: [], fetches: [] };
  const pageFetch = window.fetch.bind(window);
  window.fetch = (...args) => { window.__marks.fetches.push(performance.now()); return pageFetch(...args); };
  addEventListener('click', () => window.__marks.clicks.push(performance.now()), true);
  const credentials = navigator.credentials;
  const get = credentials.get.bind(credentials);
  const create = credentials.create.bind(credentials);
  credentials.get = (options) => { window.__marks.gets.push(performance.now()); return get(options); };
  credentials.create = (options) => { window.__marks.creates.push(performance.now()); return create(options); };
`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Builds the bench page into a temporary folder; returns the folder. */
async function buildPage() {
  const outDir = mkdtempSync(join(tmpdir(), 'dfns-bench-page-'));
  await build({
    configFile: false,
    root: join(ROOT, 'scripts/bench/page'),
    base: './',
    logLevel: 'silent',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { outDir, emptyOutDir: true, minify: true, target: 'es2022' },
  });
  return outDir;
}

/** Serves `dir` on http://localhost:<free port>. */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, 'localhost', () => resolve({ url: `http://localhost:${server.address().port}`, server })));
}

/**
 * Measures in Chromium. `latencyMs` is added to every POST the emulator answers; `runs` per mode.
 * @returns {Promise<{ latencyMs: number, runs: number, clickToPrompt: { prefetch: number[], noPrefetch: number[] }, unlock: { longestTaskMs: number, longTasks: number, unlockMs: number }[] }>}
 */
export async function measureChromium({ latencyMs = 200, runs = 7 } = {}) {
  const { createDfnsEmulator } = await import(pathToFileURL(join(ROOT, 'dist/emulator.js')).href);
  const { startEmulatorServer } = await import(pathToFileURL(join(ROOT, 'dist/emulator-node.js')).href);
  const emulator = createDfnsEmulator({ origins: '*' });
  const api = await startEmulatorServer({ port: 0, emulator });
  const pageDir = await buildPage();
  const page$ = await serve(pageDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await page.goto(`${page$.url}/?api=${encodeURIComponent(api.url)}&orgId=${encodeURIComponent(emulator.orgId)}`);
    await page.waitForFunction(() => 'bench' in window);
    const username = 'bench@example.com';
    const { registrationCode } = emulator.createUser({ username });
    await page.evaluate(([name, code]) => window.bench.register(name, code), [username, registrationCode]);

    // Only the API calls wait: CORS preflights stay instant, as a cached preflight would be.
    emulator.faults.set({ method: 'POST', path: '/auth/*', latencyMs });
    const button = page.locator('.dfns-LoginWithPasskey button');
    const clickToPrompt = { prefetch: [], noPrefetch: [] };
    for (let run = 0; run < runs + 1; run += 1) {
      for (const mode of ['prefetch', 'no-prefetch']) {
        await page.evaluate(() => Object.values(window.__marks).forEach((list) => (list.length = 0)));
        await page.evaluate(([m, name]) => window.bench.mount(m, name), [mode, username]);
        await button.waitFor();
        // From outside the button, so each run really enters it (a pointer resting where the new
        // button appears sends no pointerenter, and the kit would then not prefetch).
        await page.mouse.move(0, 0);
        if (mode === 'prefetch') {
          // Intent first (the pointer reaches the button), then time for the challenge to arrive.
          await button.hover();
          await page.waitForTimeout(latencyMs + 150);
        }
        await button.click();
        await page.locator('.dfns-LoginWithPasskey[data-status="success"]').waitFor({ timeout: 10_000 });
        const marks = await page.evaluate(() => window.__marks);
        if (marks.clicks.length !== 1 || marks.gets.length !== 1) throw new Error(`expected one click and one get, saw ${JSON.stringify(marks)}`);
        const fetchedBeforeClick = marks.fetches.filter((at) => at < marks.clicks[0]).length;
        if (fetchedBeforeClick !== (mode === 'prefetch' ? 1 : 0)) throw new Error(`${mode}: ${fetchedBeforeClick} requests before the click`);
        // The first round warms the JIT and the connection; it is not counted.
        if (run > 0) clickToPrompt[mode === 'prefetch' ? 'prefetch' : 'noPrefetch'].push(marks.gets[0] - marks.clicks[0]);
      }
    }
    emulator.faults.clear();
    const unlock = [];
    for (let run = 0; run < 3; run += 1) unlock.push(await page.evaluate(() => window.bench.unlock()));
    return { latencyMs, runs, clickToPrompt, unlock };
  } finally {
    await browser.close();
    page$.server.close();
    await api.close();
    rmSync(pageDir, { recursive: true, force: true });
  }
}

export { median };
