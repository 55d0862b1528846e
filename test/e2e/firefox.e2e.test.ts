/**
 * The example app in Firefox ESR with its real WebAuthn (the soft-token virtual authenticator over
 * Marionette, pages over WebDriver BiDi): the flows of flows.e2e.test.ts, and the fault cases whose
 * handling depends on the browser, since Firefox names and words its errors its own way.
 */
import { describe, expect, it } from 'vitest';
import { alertOf, check, clickButton, fill, statusOf, textOf, waitForStatus } from './support/firefox';
import type { FirefoxHarness } from './support/firefox';
import type { AppParams, Stack } from './support/stack';
import { useFirefoxE2E } from './support/useFirefoxE2E';

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
    await input!.click();
    await h.page.keyboard.press('ArrowDown');
    await h.page.keyboard.press('Enter');
    await waitForStatus(h.page, 'LoginWithPasskey', 'success');
    await h.page.waitForSelector('[data-testid="account"]');
    const init = h.requestsTo('/auth/login/init', 'POST');
    expect(init).toHaveLength(1);
    expect(await init[0]!.body()).not.toHaveProperty('username');
  });

  it('adds a second passkey from another authenticator, then creates a wallet with a signed user action', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'add@example.com');
    await loginWithUsername(h, stack, 'add@example.com');
    const [first] = await h.credentials();
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
