/**
 * The README's Quick start, done as a new user does it: create-vite's React template with the
 * README's first tsx block as `src/App.tsx`, the kit installed as a package (its `exports`, its
 * `dfns-emulator` bin), `npx dfns-emulator` with the README's flags, Vite's dev server, and a
 * person's browser (Chromium with a platform authenticator) who registers the printed user, saves
 * the kit, is signed in, reloads, and signs in again with the passkey.
 *
 * One departure from the README, for a shared machine: the emulator and Vite listen on free ports,
 * so the snippet's `http://localhost:8787` and the `--origin` become those ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishMessages as en } from '../../src/messages/en';
import { kitDist, ROOT } from './support/stack';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const QUICK_START = README.slice(README.indexOf('## Quick start'), README.indexOf('\n## ', README.indexOf('## Quick start') + 1));
/** The fenced blocks of a language in the Quick start section. */
const blocks = (language: string) => [...QUICK_START.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);

/** What `npx dfns-emulator` prints first: one JSON line. */
interface EmulatorBanner {
  url: string;
  orgId: string;
  username: string;
  registrationCode: string;
}

describe('the README Quick start in a fresh Vite React app', () => {
  let dir: string;
  let vite: ViteDevServer;
  let emulator: ChildProcess;
  let banner: EmulatorBanner;
  let browser: Browser;
  let page: Page;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dfns-quickstart-app-'));
    // The package as npm installs it: package.json (exports, bin) beside dist/.
    const kit = join(dir, 'node_modules/dfns-react-kit');
    mkdirSync(kit, { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(kit, 'package.json'));
    // Copied, not linked: inside node_modules Vite pre-bundles the kit as it does an installed package,
    // its later steps' chunks included. A link out of node_modules makes it source, whose imports Vite
    // discovers as chunks load, re-bundling mid-visit (504 Outdated Optimize Dep in the console).
    cpSync(kitDist(), join(kit, 'dist'), { recursive: true });
    mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
    mkdirSync(join(dir, 'node_modules/@tanstack'), { recursive: true });
    mkdirSync(join(dir, 'node_modules/@vitejs'), { recursive: true });
    symlinkSync('../dfns-react-kit/dist/cli.js', join(dir, 'node_modules/.bin/dfns-emulator'));
    chmodSync(join(kit, 'dist/cli.js'), 0o755);
    // The kit's own dependencies, which npm would install beside it (@simplewebauthn/server for the emulator).
    symlinkSync(join(ROOT, 'node_modules/@simplewebauthn'), join(dir, 'node_modules/@simplewebauthn'));
    for (const name of ['react', 'react-dom', '@tanstack/react-query', '@tanstack/query-core', 'vite', '@vitejs/plugin-react']) {
      symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
    }
    // create-vite's react-ts template, as generated (its CSS and logos left out).
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'my-app', private: true, type: 'module' }));
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Vite + React + TS</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`,
    );
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src/main.tsx'),
      `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import App from './App.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
`,
    );
    writeFileSync(
      join(dir, 'vite.config.ts'),
      `import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
})
`,
    );

    vite = await createServer({ root: dir, configFile: join(dir, 'vite.config.ts'), logLevel: 'error', server: { host: 'localhost', port: 0 } });
    await vite.listen();
    const appUrl = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');

    // `npx dfns-emulator …` from the README, on a free port and this app's port.
    const line = blocks('sh')[0]!.split('\n').find((command) => command.startsWith('npx dfns-emulator'))!;
    const args = line.replace(/#.*$/, '').trim().split(/\s+/).slice(2).map((arg) => arg.replace('http://localhost:5173', appUrl));
    emulator = spawn(process.execPath, [join(dir, 'node_modules/.bin/dfns-emulator'), ...args, '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    banner = await new Promise<EmulatorBanner>((resolve, reject) => {
      emulator.once('exit', (code) => reject(new Error(`dfns-emulator exited with ${String(code)}`)));
      createInterface({ input: emulator.stdout! }).once('line', (first) => resolve(JSON.parse(first) as EmulatorBanner));
    });
    emulator.stdout!.resume();

    const snippet = blocks('tsx')[0]!;
    expect(snippet).toContain('baseUrl="http://localhost:8787"');
    writeFileSync(join(dir, 'src/App.tsx'), snippet.replace('http://localhost:8787', banner.url));

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    page.on('console', (message) => {
      // The template's index.html names no icon; the browser's own /favicon.ico request is not the kit's.
      if (message.location().url.endsWith('/favicon.ico')) return;
      consoleLines.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
    // The person's laptop: a platform authenticator that verifies the user.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await page.goto(appUrl);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    emulator?.kill('SIGTERM');
    await vite?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers the user the emulator printed, signs them in, and signs in again with the passkey after a reload', async () => {
    expect(banner.orgId).toBe('or-quickstart');
    const register = page.locator('.dfns-RegisterPasskey');
    await register.getByLabel(en.labels.username).fill(banner.username);
    await register.getByLabel(en.labels.registrationCode).fill(banner.registrationCode);
    await register.getByRole('button', { name: en.buttons.register }).click();
    // The recovery kit, saved; then autoLogin's passkey prompt and the signed-in view.
    await register.getByLabel(en.buttons.savedKit).check({ timeout: 20_000 });
    await register.getByRole('button', { name: en.buttons.continue }).click();
    const list = page.locator('.dfns-CredentialList');
    await list.locator('.dfns-credential-list li').first().waitFor({ timeout: 20_000 });
    await expect(list.locator('.dfns-credential-list li').count()).resolves.toBe(2);

    // The token lived in React state only: a reload signs out; the passkey signs back in.
    const logins: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/auth/login') logins.push(request.url());
    });
    await page.reload();
    const signIn = page.locator('.dfns-LoginWithPasskey').getByRole('button', { name: en.buttons.signInUsernameless });
    const signedIn = list.locator('.dfns-credential-list li').first();
    // Chromium's virtual authenticator answers the passkey autofill request at once, which can sign
    // in before the button is clicked, or even shown: either way the passkey signed the user in.
    await Promise.race([signIn.click({ timeout: 20_000 }).catch(() => undefined), signedIn.waitFor({ timeout: 20_000 })]);
    await signedIn.waitFor({ timeout: 20_000 });
    expect(logins).toHaveLength(1);

    // A person saw no error and no developer warning on the way.
    expect(consoleLines.filter((line) => /^(error|warning|pageerror)/.test(line) && !line.includes('React DevTools'))).toEqual([]);
  }, 90_000);

  it('with the wrong rp id, the console of the dev build names the rp id and the page origin, once', async () => {
    const snippet = blocks('tsx')[0]!.replace('http://localhost:8787', banner.url);
    expect(snippet).toContain("rp={{ id: 'localhost'");
    writeFileSync(join(dir, 'src/App.tsx'), snippet.replace("rp={{ id: 'localhost'", "rp={{ id: 'app.example.com'"));
    // Vite's watcher sees the edit; the reload then serves the new App.
    await new Promise((resolve) => setTimeout(resolve, 500));
    consoleLines.length = 0;
    await page.reload();
    const login = page.locator('.dfns-LoginWithPasskey');
    await login.getByRole('button', { name: en.buttons.signInUsernameless }).click();
    await login.getByRole('alert').waitFor({ timeout: 20_000 });
    const warnings = consoleLines.filter((line) => line.startsWith('warning:') && line.includes('passkey_invalid_domain'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"app.example.com"');
    expect(warnings[0]).toContain(`"${new URL(page.url()).origin}"`);
  }, 60_000);
});
