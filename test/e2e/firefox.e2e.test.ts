/**
 * The example app in Firefox ESR with its real WebAuthn (the soft-token virtual authenticator over
 * Marionette, pages over WebDriver BiDi): the flows of flows.e2e.test.ts, and the fault cases whose
 * handling depends on the browser, since Firefox names and words its errors its own way.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertOf, check, clickButton, fill, statusOf, textOf, waitForStatus } from './support/firefox';
import type { FirefoxHarness } from './support/firefox';
import type { AppParams, Stack } from './support/stack';
import { useFirefoxE2E } from './support/useFirefoxE2E';
import { FIREFOX_153_ERRORS } from '../webauthn/firefoxErrors';

const e2e = useFirefoxE2E();

const REGISTER = 'section.dfns-RegisterPasskey';
const LOGIN = 'section.dfns-LoginWithPasskey';
const RECOVER = 'section.dfns-RecoverAccount';

/** Opens a flow of the example app and waits for its component. */
async function openFlow(h: FirefoxHarness, stack: Stack, flow: string, name: string, params: Omit<AppParams, 'flow'> = {}): Promise<void> {
  await h.page.goto(stack.pageUrl({ flow, ...params }));
  await h.page.waitForSelector(`section.dfns-${name}`);
}

/** Reads the recovery kit shown once, ticks "I have saved it" and continues. */
async function saveRecoveryKit(h: FirefoxHarness, root: string): Promise<{ recoveryCode: string; recoveryKeyId: string }> {
  const [recoveryCode, recoveryKeyId] = await h.page.$$eval(`${root} .dfns-kit-fields code`, (codes) => codes.map((code) => (code as HTMLElement).innerText.trim()));
  await check(h.page, root, 'I have saved it');
  await clickButton(h.page, root, 'Continue');
  return { recoveryCode: recoveryCode!, recoveryKeyId: recoveryKeyId! };
}

/** Fills the registration form and clicks "Create passkey". */
async function submitRegistration(h: FirefoxHarness, username: string, code: string): Promise<void> {
  await fill(h.page, REGISTER, 'Email or username', username);
  await fill(h.page, REGISTER, 'Registration code', code);
  await clickButton(h.page, REGISTER, 'Create passkey');
}

/** Registers `username` with a passkey and the recovery kit, and returns the kit. */
async function registerStandard(h: FirefoxHarness, stack: Stack, username: string): Promise<{ recoveryCode: string; recoveryKeyId: string }> {
  const code = await stack.createUser(username);
  await openFlow(h, stack, 'register', 'RegisterPasskey');
  await submitRegistration(h, username, code);
  await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
  const kit = await saveRecoveryKit(h, REGISTER);
  await waitForStatus(h.page, 'RegisterPasskey', 'success');
  return kit;
}

/** Logs in with a typed username (autofill off) and waits for the account section. */
async function loginWithUsername(h: FirefoxHarness, stack: Stack, username: string): Promise<void> {
  await openFlow(h, stack, 'login', 'LoginWithPasskey', { autofill: false });
  await fill(h.page, LOGIN, 'Email or username', username);
  await clickButton(h.page, LOGIN, 'Continue');
  await waitForStatus(h.page, 'LoginWithPasskey', 'success');
  await h.page.waitForSelector('[data-testid="account"]');
}

describe('Firefox: the flows', () => {
  it('registers with a passkey and the recovery kit, then logs in with a username and without one', async () => {
    const { h, stack } = e2e;
    const kit = await registerStandard(h, stack, 'fox@example.com');
    expect(kit.recoveryCode).toMatch(/^D1-/);
    expect(await h.credentials()).toHaveLength(1);
    expect(await h.page.content()).not.toContain(kit.recoveryCode);

    await loginWithUsername(h, stack, 'fox@example.com');
    expect(await h.requestsTo('/auth/login/init', 'POST').at(-1)?.body()).toMatchObject({ username: 'fox@example.com' });

    await openFlow(h, stack, 'login', 'LoginWithPasskey', { autofill: false });
    await clickButton(h.page, LOGIN, 'Choose a saved passkey');
    await waitForStatus(h.page, 'LoginWithPasskey', 'success');
    expect(await h.requestsTo('/auth/login/init', 'POST').at(-1)?.body()).not.toHaveProperty('username');
  });
});

describe('Firefox: passkey autofill, the account, recovery', () => {
  it('logs in through passkey autofill: the user picks the passkey from the username field', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'auto@example.com');
    await openFlow(h, stack, 'login', 'LoginWithPasskey');
    // Firefox lists the passkey under the focused field once the kit's conditional request runs.
    const input = await h.page.waitForSelector(`${LOGIN} input[autocomplete="username webauthn"]`);
    // The kit fetched the usernameless challenge for its silent request.
    await expect.poll(() => h.requestsTo('/auth/login/init', 'POST').length).toBe(1);
    // The list opens asynchronously under the focused field; on a busy machine a key pressed
    // before it opened is lost, so the user looks again (at most three times).
    for (let attempt = 1; ; attempt += 1) {
      await input!.click();
      await h.page.keyboard.press('ArrowDown');
      await h.page.keyboard.press('Enter');
      try {
        await waitForStatus(h.page, 'LoginWithPasskey', 'success', 4000);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await h.page.waitForSelector('[data-testid="account"]');
    const init = h.requestsTo('/auth/login/init', 'POST');
    expect(init).toHaveLength(1);
    expect(await init[0]!.body()).not.toHaveProperty('username');
  });

  it('refuses to add a passkey on the device that holds one, adds it from another, then creates a wallet with a signed user action', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'add@example.com');
    await loginWithUsername(h, stack, 'add@example.com');
    const [first] = await h.credentials();
    // This authenticator already holds the user's passkey: Firefox refuses it as excluded
    // (InvalidStateError), and the kit says so, with Back to the form rather than a retry.
    await clickButton(h.page, 'section.dfns-AddPasskey', 'Add passkey');
    await waitForStatus(h.page, 'AddPasskey', 'error');
    expect((await alertOf(h.page, 'AddPasskey')).code).toBe('passkey_already_registered');
    await clickButton(h.page, 'section.dfns-AddPasskey [role="alert"]', 'Back');
    await waitForStatus(h.page, 'AddPasskey', 'idle');
    // A second device: a fresh authenticator (the first would refuse, as it is excluded). Once the
    // new passkey exists, the kit asks for the user action that an EXISTING passkey signs: the
    // first passkey joins this device then (its challenge is held back a moment to let it).
    await h.replaceAuthenticator();
    await stack.admin('POST', '/faults', { method: 'POST', path: '/auth/action/init', latencyMs: 1500, times: 1 });
    await clickButton(h.page, 'section.dfns-AddPasskey', 'Add passkey');
    await expect.poll(async () => (await h.credentials()).length, { timeout: 10_000, interval: 50 }).toBe(1);
    await h.firefoxAddCredential({ ...first!, isResidentCredential: false });
    await waitForStatus(h.page, 'AddPasskey', 'success');
    expect(h.requestsTo('/auth/credentials', 'POST')).toHaveLength(1);

    await clickButton(h.page, 'section.dfns-ConfirmUserAction', 'Confirm with passkey');
    await waitForStatus(h.page, 'ConfirmUserAction', 'success');
    expect(await textOf(h.page, '[data-testid="wallet-result"]')).toMatch(/^created wa-/);
  });

  it('recovers with the kit and the emailed code; the new passkey logs in and the old one is refused', async () => {
    const { h, stack } = e2e;
    const kit = await registerStandard(h, stack, 'rec@example.com');
    const [oldPasskey] = await h.credentials();
    await h.replaceAuthenticator();

    await openFlow(h, stack, 'recover', 'RecoverAccount');
    await fill(h.page, RECOVER, 'Email or username', 'rec@example.com');
    await clickButton(h.page, RECOVER, 'Send verification code');
    await waitForStatus(h.page, 'RecoverAccount', 'code-sent');
    await fill(h.page, RECOVER, 'Verification code', await stack.lastCode('rec@example.com', 'recovery'));
    await fill(h.page, RECOVER, 'Recovery code', kit.recoveryCode);
    await fill(h.page, RECOVER, 'Recovery key ID', kit.recoveryKeyId);
    await clickButton(h.page, RECOVER, 'Recover account');
    await waitForStatus(h.page, 'RecoverAccount', 'awaiting-authenticator');
    await clickButton(h.page, RECOVER, 'Create new passkey');
    await waitForStatus(h.page, 'RecoverAccount', 'showing-recovery-kit');
    await saveRecoveryKit(h, RECOVER);
    await waitForStatus(h.page, 'RecoverAccount', 'success');
    await loginWithUsername(h, stack, 'rec@example.com');

    await h.replaceAuthenticator();
    await h.firefoxAddCredential(oldPasskey!);
    await openFlow(h, stack, 'login', 'LoginWithPasskey', { autofill: false });
    await clickButton(h.page, LOGIN, 'Choose a saved passkey');
    await waitForStatus(h.page, 'LoginWithPasskey', 'error');
    expect((await alertOf(h.page, 'LoginWithPasskey')).code).toMatch(/^(unauthorized|forbidden|credential_not_allowed)$/);
  });
});

/** Starts a registration of a new user and waits for the alert; returns its code and the user's registration code. */
async function registrationFails(h: FirefoxHarness, stack: Stack, username: string, params: Omit<AppParams, 'flow'> = {}): Promise<{ code: string | null; text: string }> {
  const registrationCode = await stack.createUser(username);
  await openFlow(h, stack, 'register', 'RegisterPasskey', params);
  await submitRegistration(h, username, registrationCode);
  await waitForStatus(h.page, 'RegisterPasskey', 'error');
  return alertOf(h.page, 'RegisterPasskey');
}

/** Clicks the alert's retry and finishes the registration. */
async function retryRegistration(h: FirefoxHarness, action = 'Try again'): Promise<void> {
  await clickButton(h.page, `${REGISTER} [role="alert"]`, action);
  await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
  await saveRecoveryKit(h, REGISTER);
  await waitForStatus(h.page, 'RegisterPasskey', 'success');
}

describe('Firefox: faults whose handling depends on the browser end in a typed alert and a retry that works', () => {
  it('the user dismisses the prompt → passkey_cancelled; Try again works', async () => {
    const { h, stack } = e2e;
    await h.replaceAuthenticator({ isUserConsenting: false });
    expect((await registrationFails(h, stack, 'dismiss@example.com')).code).toBe('passkey_cancelled');
    await h.replaceAuthenticator();
    await retryRegistration(h);
  });

  it('user verification fails → passkey_cancelled; Try again works', async () => {
    const { h, stack } = e2e;
    await e2e.firefox.marionette.setUserVerified(h.authenticatorId, false);
    expect((await registrationFails(h, stack, 'uv@example.com')).code).toBe('passkey_cancelled');
    await e2e.firefox.marionette.setUserVerified(h.authenticatorId, true);
    await retryRegistration(h);
  });

  it('no authenticator at all → passkey_cancelled at once (Firefox does not wait out the timeout); Try again works', async () => {
    const { h, stack } = e2e;
    await h.removeAuthenticator();
    const started = Date.now();
    expect((await registrationFails(h, stack, 'none@example.com')).code).toBe('passkey_cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
    await h.replaceAuthenticator();
    await retryRegistration(h);
  });

  it('an rp id that is not the page host → passkey_invalid_domain, and no retry that cannot help', async () => {
    const { h, stack } = e2e;
    const alert = await registrationFails(h, stack, 'rp@example.com', { rp: 'example.com' });
    expect(alert.code).toBe('passkey_invalid_domain');
    expect(alert.text).not.toMatch(/undefined|\[object/);
    expect(await h.page.$$eval(`${REGISTER} [role="alert"] button`, (buttons) => buttons.map((b) => b.textContent?.trim()))).not.toContain('Try again');
    expect(await h.credentials()).toHaveLength(0);
  });

  it('the page loses focus while the challenge loads (another tab in front) → passkey_no_user_gesture, not a cancel; Continue works', async () => {
    const { h, stack } = e2e;
    const registrationCode = await stack.createUser('focus@example.com');
    await openFlow(h, stack, 'register', 'RegisterPasskey');
    // Long enough for the other tab to open on a busy machine before the challenge arrives.
    await stack.admin('POST', '/faults', { path: '/auth/registration/init', latencyMs: 2500, times: 1 });
    await submitRegistration(h, 'focus@example.com', registrationCode);
    const other = await e2e.firefox.browser.newPage();
    try {
      expect(await h.page.evaluate(() => document.hasFocus())).toBe(false);
      await waitForStatus(h.page, 'RegisterPasskey', 'error');
      expect((await alertOf(h.page, 'RegisterPasskey')).code).toBe('passkey_no_user_gesture');
    } finally {
      await other.close();
    }
    await h.page.bringToFront();
    // The challenge is still good: Continue reopens the prompt without fetching another.
    await retryRegistration(h, 'Continue');
    expect(h.requestsTo('/auth/registration/init')).toHaveLength(1);
  });

  it('the user leaves while passkey autofill waits (an aborted request) → no error; a click then signs in', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'abort@example.com');
    await openFlow(h, stack, 'login', 'LoginWithPasskey');
    await h.page.waitForSelector(`${LOGIN} input[autocomplete="username webauthn"]`);
    // Closing the flow aborts the pending conditional request (AbortError inside the kit).
    await clickButton(h.page, 'body', 'Close this flow');
    await h.page.waitForSelector(LOGIN, { hidden: true });
    await clickButton(h.page, 'body', 'Open this flow');
    await waitForStatus(h.page, 'LoginWithPasskey', 'idle');
    // The modal request aborts the autofill one of the new mount, and signs in.
    await h.page.waitForSelector(`${LOGIN} input[autocomplete="username webauthn"]`);
    await clickButton(h.page, LOGIN, 'Choose a saved passkey');
    await waitForStatus(h.page, 'LoginWithPasskey', 'success');
    expect(await statusOf(h.page, 'LoginWithPasskey')).toBe('success');
  });
});

/** A partner's page on another origin (127.0.0.1 is another origin than localhost) framing the app. */
let partner: { server: Server; origin: string } | undefined;

beforeAll(async () => {
  const server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    const escape = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const allow = query.get('allow');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><title>Partner</title><iframe title="Wallet" src="${escape(query.get('src') ?? '')}"${allow === null ? '' : ` allow="${escape(allow)}"`} width="900" height="900"></iframe>`,
    );
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  partner = { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});

afterAll(async () => {
  await new Promise((closed) => partner?.server.close(closed));
});

/** Opens the partner page with the app's login in an iframe with the given `allow`, and clicks the usernameless sign-in there. */
async function signInFramed(allow: string | undefined): Promise<{ frame: Frame; status: string | null; code: string | null }> {
  const { h, stack } = e2e;
  const url = new URL('/partner', partner!.origin);
  url.searchParams.set('src', stack.pageUrl({ flow: 'login', autofill: false }));
  if (allow !== undefined) url.searchParams.set('allow', allow);
  await h.page.goto(url.href);
  await h.page.waitForSelector('iframe[title="Wallet"]');
  let frame: Frame | undefined;
  await expect.poll(() => (frame = h.page.frames().find((candidate) => candidate.url().startsWith(stack.appUrl)))).toBeDefined();
  await frame!.waitForSelector(LOGIN);
  await clickButton(frame!, LOGIN, 'Choose a saved passkey');
  await waitForStatus(frame!, 'LoginWithPasskey', ['success', 'error']);
  const status = await statusOf(frame!, 'LoginWithPasskey');
  const code = status === 'error' ? (await alertOf(frame!, 'LoginWithPasskey')).code : null;
  return { frame: frame!, status, code };
}

describe('Firefox: the kit in a cross-origin iframe', () => {
  it('reports passkey_blocked_in_frame, not a cancel, when the iframe does not delegate WebAuthn', async () => {
    const { frame, ...result } = await signInFramed(undefined);
    expect(result).toEqual({ status: 'error', code: 'passkey_blocked_in_frame' });
    expect((await alertOf(frame, 'LoginWithPasskey')).text).toContain('embedded page');
    // A setup error: a retry in the same frame cannot help, so none is offered.
    expect(await frame.$$eval(`${LOGIN} [role="alert"] button`, (buttons) => buttons.map((b) => b.textContent?.trim()))).not.toContain('Try again');
  });

  it('runs the ceremony in the same iframe once it delegates publickey-credentials-get (the control)', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'framed@example.com');
    const { frame: _frame, ...result } = await signInFramed('publickey-credentials-get *');
    // Firefox signed and the kit sent the assertion; the emulator, like SimpleWebAuthn's server,
    // refuses a cross-origin assertion whose top origin it does not expect.
    expect(h.requestsTo('/auth/login', 'POST')).toHaveLength(1);
    expect(result).toEqual({ status: 'error', code: 'forbidden' });
  });
});

/**
 * Issue 20: an organisation whose Passkey Settings ask for a platform passkey. Measured in Firefox
 * 153 on Linux: with no authenticator its `isUserVerifyingPlatformAuthenticatorAvailable()` answers
 * false; with an internal virtual one it answers true, yet every `platform` request is refused in
 * 0–1 ms. Either way the user reads that the device has no built-in passkey, never a cancel.
 */
describe('Firefox: an organisation that asks for a platform passkey', () => {
  /** Runs `test` on an org that asks for platform passkeys, then puts the stack's 'any' back. */
  async function onPlatformOrg(test: () => Promise<void>): Promise<void> {
    await e2e.stack.admin('PUT', '/passkey-settings', { authenticatorAttachment: 'platform' });
    try {
      await test();
    } finally {
      await e2e.stack.admin('PUT', '/passkey-settings', { authenticatorAttachment: null });
    }
  }

  async function expectPlatformUnavailable(alert: { code: string | null; text: string }, username: string): Promise<void> {
    expect(alert.code).toBe('passkey_platform_unavailable');
    expect(alert.text).toContain('This device has no built-in passkey');
    expect(alert.text).not.toContain('Passkey prompt closed');
    expect(alert.text).not.toContain('Try again');
    const { users } = await e2e.stack.admin<{ users: { username: string; isRegistered: boolean }[] }>('GET', '/snapshot');
    expect(users.find((user) => user.username === username)?.isRegistered).toBe(false);
  }

  it('with no authenticator, opens no prompt and says the device has no built-in passkey', async () => {
    const { stack, h } = e2e;
    await onPlatformOrg(async () => {
      await h.removeAuthenticator();
      await expectPlatformUnavailable(await registrationFails(h, stack, 'ff-platform-none@example.com'), 'ff-platform-none@example.com');
    });
  });

  it('with an internal authenticator, Firefox refuses at once, which reads the same, never as a cancel', async () => {
    const { stack, h } = e2e;
    await onPlatformOrg(async () => {
      await openFlow(h, stack, 'register', 'RegisterPasskey');
      expect(await h.page.evaluate(() => PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable())).toBe(true);
      const alert = await registrationFails(h, stack, 'ff-platform-internal@example.com');
      await expectPlatformUnavailable(alert, 'ff-platform-internal@example.com');
      expect(await h.credentials()).toEqual([]);
    });
  });

  it('on an organisation that accepts any authenticator, the same Firefox registers', async () => {
    const { stack, h } = e2e;
    expect((await stack.admin<{ authenticatorAttachment: unknown }>('GET', '/passkey-settings')).authenticatorAttachment).toBeNull();
    await registerStandard(h, stack, 'ff-platform-any@example.com');
    expect(await h.credentials()).toHaveLength(1);
  });
});

/** Calls WebAuthn directly in the page and returns what it rejected with (or 'ok'). */
function rawCeremony(page: FirefoxHarness['page'], kind: 'create' | 'get', options: { rpId?: string; exclude?: string; aborted?: boolean } = {}): Promise<{ name: string; message: string } | 'ok'> {
  return page.evaluate(
    async (kind, { rpId = 'localhost', exclude, aborted }) => {
      const bytes = (text: string) => new TextEncoder().encode(text);
      const signal = aborted ? AbortSignal.abort() : undefined;
      try {
        if (kind === 'create') {
          const excludeCredentials = exclude
            ? [{ type: 'public-key' as const, id: Uint8Array.from(atob(exclude.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)) }]
            : [];
          await navigator.credentials.create({
            signal,
            publicKey: {
              rp: { id: rpId, name: 'Raw' },
              user: { id: bytes(`raw-${Math.random()}`), name: 'raw', displayName: 'raw' },
              challenge: bytes('raw-challenge'),
              pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
              excludeCredentials,
            },
          });
        } else {
          await navigator.credentials.get({ signal, publicKey: { rpId, challenge: bytes('raw-challenge') } });
        }
        return 'ok' as const;
      } catch (error) {
        return { name: (error as DOMException).name, message: (error as DOMException).message };
      }
    },
    kind,
    options,
  );
}

describe('Firefox: what it says is what the unit tests were recorded from', () => {
  it('rejects each case with the recorded name and message (test/webauthn/firefoxErrors.ts)', async () => {
    const { h, stack, firefox } = e2e;
    const context = `Firefox ${firefox.version}: re-record test/webauthn/firefoxErrors.ts if its words changed`;
    await openFlow(h, stack, 'login', 'LoginWithPasskey', { autofill: false });
    expect(await rawCeremony(h.page, 'create'), context).toBe('ok');
    const [held] = await h.credentials();
    expect(await rawCeremony(h.page, 'create', { rpId: 'example.com' }), context).toEqual(FIREFOX_153_ERRORS.wrongRpId);
    expect(await rawCeremony(h.page, 'get', { rpId: 'example.com' }), context).toEqual(FIREFOX_153_ERRORS.wrongRpId);
    expect(await rawCeremony(h.page, 'create', { exclude: held!.credentialId }), context).toEqual(FIREFOX_153_ERRORS.excluded);
    expect(await rawCeremony(h.page, 'create', { aborted: true }), context).toEqual(FIREFOX_153_ERRORS.aborted);
    expect(await rawCeremony(h.page, 'get', { aborted: true }), context).toEqual(FIREFOX_153_ERRORS.aborted);
    await h.replaceAuthenticator({ isUserConsenting: false });
    expect(await rawCeremony(h.page, 'create'), context).toEqual(FIREFOX_153_ERRORS.notAllowed);
    expect(await rawCeremony(h.page, 'get'), context).toEqual(FIREFOX_153_ERRORS.notAllowed);
    await h.removeAuthenticator();
    expect(await rawCeremony(h.page, 'get'), context).toEqual(FIREFOX_153_ERRORS.notAllowed);
    await h.replaceAuthenticator();
    const other = await firefox.browser.newPage();
    try {
      expect(await rawCeremony(h.page, 'create'), context).toEqual(FIREFOX_153_ERRORS.containerRefused);
      expect(await rawCeremony(h.page, 'get'), context).toEqual(FIREFOX_153_ERRORS.containerRefused);
    } finally {
      await other.close();
      await h.page.bringToFront();
    }
  });
});
