import type { Locator, Page } from 'playwright-core';
import type { Harness } from './browser';
import type { AppParams, Stack } from './stack';

/** The root of a kit component (`section.dfns-<Name>`). */
export function kitRoot(page: Page, name: string): Locator {
  return page.locator(`section.dfns-${name}`).first();
}

/** Waits until the component's `data-status` is one of `statuses` (no fixed waits anywhere). */
export async function waitForStatus(page: Page, name: string, statuses: string | string[], timeout = 15_000): Promise<void> {
  const list = Array.isArray(statuses) ? statuses : [statuses];
  const selector = list.map((status) => `section.dfns-${name}[data-status="${status}"]`).join(', ');
  await page.locator(selector).first().waitFor({ state: 'visible', timeout });
}

/** The current `data-status` of a component. */
export function statusOf(page: Page, name: string): Promise<string | null> {
  return kitRoot(page, name).getAttribute('data-status');
}

/** The recovery kit shown once: its recovery code and recovery key id. */
export interface ShownKit {
  recoveryCode: string;
  recoveryKeyId: string;
}

/** Reads the recovery kit panel, ticks "I have saved it" and continues. */
export async function saveRecoveryKit(page: Page, root: Locator): Promise<ShownKit> {
  const fields = root.locator('.dfns-kit-fields code');
  const recoveryCode = (await root.locator('[data-field="recovery-code"] code').innerText()).trim();
  const recoveryKeyId = (await fields.nth(1).innerText()).trim();
  await root.getByLabel('I have saved it').check();
  await root.getByRole('button', { name: 'Continue' }).click();
  return { recoveryCode, recoveryKeyId };
}

/** Opens a flow of the example app and waits for its component. */
export async function openFlow(h: Harness, stack: Pick<Stack, 'pageUrl'>, flow: string, name: string, params: Omit<AppParams, 'flow'> = {}): Promise<Locator> {
  await h.page.goto(stack.pageUrl({ flow, ...params }));
  const root = kitRoot(h.page, name);
  await root.waitFor({ state: 'visible' });
  return root;
}

/** Fills the registration form (username and code) and clicks "Create passkey". */
export async function submitRegistration(root: Locator, username: string, registrationCode?: string): Promise<void> {
  await root.getByLabel('Email or username').fill(username);
  if (registrationCode !== undefined) await root.getByLabel('Registration code').fill(registrationCode);
  await root.getByRole('button', { name: 'Create passkey' }).click();
}

/** Registers `username` through `<RegisterPasskey/>` (standard, with the recovery kit) and returns the kit. */
export async function registerStandard(h: Harness, stack: Stack, username: string): Promise<ShownKit & { registrationCode: string }> {
  const registrationCode = await stack.createUser(username);
  const root = await openFlow(h, stack, 'register', 'RegisterPasskey');
  await submitRegistration(root, username, registrationCode);
  await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
  const kit = await saveRecoveryKit(h.page, root);
  await waitForStatus(h.page, 'RegisterPasskey', 'success');
  return { ...kit, registrationCode };
}

/**
 * Logs in through `<LoginWithPasskey/>` with a typed username (autofill off: the virtual
 * authenticator would answer the silent autofill request first) and waits for the account section.
 */
export async function loginWithUsername(
  h: Harness,
  stack: Pick<Stack, 'pageUrl'>,
  username: string,
  params: Omit<AppParams, 'flow' | 'autofill'> = {},
): Promise<void> {
  const root = await openFlow(h, stack, 'login', 'LoginWithPasskey', { ...params, autofill: false });
  await root.getByLabel('Email or username').fill(username);
  await root.getByRole('button', { name: 'Continue', exact: true }).click();
  await waitForStatus(h.page, 'LoginWithPasskey', 'success');
  await h.page.getByTestId('account').waitFor();
}

/** The alert a component shows for an error, with its kit error code. */
export async function alertCode(root: Locator): Promise<string | null> {
  const alert = root.getByRole('alert');
  await alert.waitFor();
  return alert.getAttribute('data-code');
}

/** How many credentials the virtual authenticator holds. */
export async function storedCredentials(h: Harness): Promise<number> {
  const { credentials } = await h.cdp.send('WebAuthn.getCredentials', { authenticatorId: h.authenticatorId });
  return credentials.length;
}

/** One call of `PublicKeyCredential.signalAllAcceptedCredentials` the page made, and whether Chromium accepted it. */
export interface SentSignal {
  options: { rpId: string; userId: string; allAcceptedCredentialIds: string[] };
  accepted: boolean;
}

/**
 * From the next navigation on, records every Signal API call of the page (Chromium still handles
 * each one), so a test can wait for it: the signal changes what the authenticator offers.
 */
export async function recordSignals(h: Harness): Promise<void> {
  await h.page.addInitScript(() => {
    type Options = { rpId: string; userId: string; allAcceptedCredentialIds: string[] };
    const api = PublicKeyCredential as unknown as { signalAllAcceptedCredentials: (o: Options) => Promise<void> };
    const real = api.signalAllAcceptedCredentials.bind(PublicKeyCredential);
    const sent: { options: Options; accepted: boolean }[] = [];
    (globalThis as { __signals?: unknown }).__signals = sent;
    api.signalAllAcceptedCredentials = (options) =>
      real(options).then(
        () => void sent.push({ options, accepted: true }),
        (error: unknown) => {
          sent.push({ options, accepted: false });
          throw error;
        },
      );
  });
}

/** Waits until the page sent `count` signals, and returns them all. */
export async function signalsSent(h: Harness, count = 1): Promise<SentSignal[]> {
  await h.page.waitForFunction((n) => ((globalThis as { __signals?: unknown[] }).__signals ?? []).length >= n, count);
  return h.page.evaluate(() => (globalThis as { __signals?: SentSignal[] }).__signals ?? []);
}
