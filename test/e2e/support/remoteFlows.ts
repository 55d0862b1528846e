import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { launchBrowser, openHarness, saveArtifacts, type Harness } from './browser';
import { alertCode, kitRoot, loginWithUsername, openFlow, recordSignals, saveRecoveryKit, signalsSent, submitRegistration, waitForStatus } from './kitPage';
import { startRemoteStack, type RemoteStack, type RemoteTarget } from './remoteTarget';

/** One Chromium for the whole file, whichever targets it runs. */
let browser: Browser | undefined;
let users = 0;
/** Usernames unique to this run: a real organisation keeps every user a run makes. */
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
function username(what: string): string {
  users += 1;
  return `kit-e2e-${RUN}-${users}-${what}@example.com`;
}

async function sharedBrowser(): Promise<Browser> {
  browser ??= await launchBrowser();
  return browser;
}

afterAll(async () => {
  await browser?.close();
  browser = undefined;
});

type Credential = { credentialId: string; privateKey: string; rpId?: string; userHandle?: string; signCount: number; isResidentCredential: boolean };

async function exportCredentials(h: Harness): Promise<Credential[]> {
  return (await h.cdp.send('WebAuthn.getCredentials', { authenticatorId: h.authenticatorId })).credentials as Credential[];
}

/** Registers a new end user by delegation (the backend's service account asks Dfns), returns the kit. */
async function registerDelegated(h: Harness, stack: RemoteStack, name: string, wallets: boolean) {
  const root = await openFlow(h, stack, 'register-delegated', 'RegisterPasskey', { wallets, recoveryKey: true });
  await expect(root.getByLabel('Registration code').count()).resolves.toBe(0);
  await submitRegistration(root, name);
  await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
  const kit = await saveRecoveryKit(h.page, root);
  await waitForStatus(h.page, 'RegisterPasskey', 'success');
  return kit;
}

/**
 * The flows that need no inbox, against a Dfns API at `target()` through the example app and the
 * example backend (Dfns's own `@dfns/sdk` with the target's service account): delegated
 * registration with a wallet, login with and without a username, a signed user action, a second
 * passkey and a recovery key, delegated recovery with the kit, and the old passkey refused.
 */
export function defineRemoteFlows(target: () => Promise<RemoteTarget>): void {
  let stack: RemoteStack | undefined;
  let h: Harness | undefined;

  beforeAll(async () => {
    const [resolved] = await Promise.all([target(), sharedBrowser()]);
    stack = await startRemoteStack(resolved);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);
  beforeEach(async () => {
    h = await openHarness(await sharedBrowser(), [stack!.apiUrl, stack!.backendUrl]);
  });
  afterEach(async (context) => {
    const pageErrors = h?.pageErrors ?? [];
    if (h && (context.task.result?.state === 'fail' || pageErrors.length > 0)) await saveArtifacts(h, context.task.name);
    await h?.context.close();
    h = undefined;
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  it('registers an end user by delegation with a wallet, signs a user action, logs in with and without a username, adds a passkey and a recovery key', async () => {
    const page = h!;
    const name = username('reg');
    await registerDelegated(page, stack!, name, true);
    expect(page.requestsTo('/api/register/delegated', 'POST')).toHaveLength(1);
    expect(page.requestsTo('/auth/registration/enduser', 'POST')).toHaveLength(1);
    await expect(page.page.getByTestId('registered-wallets').innerText()).resolves.toMatch(/^wa-/);

    // A user action signed with the new passkey (a wallet creation, with the X-DFNS-USERACTION header).
    await kitRoot(page.page, 'ConfirmUserAction').getByRole('button', { name: 'Confirm with passkey' }).click();
    await waitForStatus(page.page, 'ConfirmUserAction', 'success');
    await expect(page.page.getByTestId('wallet-result').innerText()).resolves.toMatch(/^created wa-/);
    expect(page.requestsTo('/wallets', 'POST')[0]?.headers()['x-dfns-useraction']).toBeTruthy();

    // Login with a username, then without one (the discoverable passkey).
    await loginWithUsername(page, stack!, name, { recoveryKey: true });
    expect(page.requestsTo('/auth/login/init', 'POST').at(-1)?.postDataJSON()).toMatchObject({ username: name });
    const login = await openFlow(page, stack!, 'login', 'LoginWithPasskey', { autofill: false, recoveryKey: true });
    await login.getByRole('button', { name: 'Choose a saved passkey' }).click();
    await waitForStatus(page.page, 'LoginWithPasskey', 'success');
    expect(page.requestsTo('/auth/login/init', 'POST').at(-1)?.postDataJSON()).not.toHaveProperty('username');
    await page.page.getByTestId('account').waitFor();

    // A recovery key: signed with the passkey, its kit shown once.
    const recoveryKey = kitRoot(page.page, 'CreateRecoveryKey');
    await recoveryKey.getByRole('button', { name: 'Create recovery key' }).click();
    await waitForStatus(page.page, 'CreateRecoveryKey', 'showing-recovery-kit');
    await saveRecoveryKit(page.page, recoveryKey);
    await waitForStatus(page.page, 'CreateRecoveryKey', 'success');

    // A second passkey on another device; the user action that allows it is signed by the first.
    const [first] = await exportCredentials(page);
    await page.replaceAuthenticator();
    await page.page.route('**/auth/action/init', async (route) => {
      if (page.requestsTo('/auth/credentials/init').length > 0) {
        await page.cdp.send('WebAuthn.addCredential', { authenticatorId: page.authenticatorId, credential: { ...first!, isResidentCredential: false } });
      }
      await route.continue();
    });
    await kitRoot(page.page, 'AddPasskey').getByRole('button', { name: 'Add passkey' }).click();
    await waitForStatus(page.page, 'AddPasskey', 'success');
    expect(page.requestsTo('/auth/credentials', 'POST')).toHaveLength(2);
  });

  it('recovers by delegation with the recovery kit; the new passkey logs in and the old one is refused', async () => {
    const page = h!;
    const name = username('rec');
    const kit = await registerDelegated(page, stack!, name, false);
    const [oldPasskey] = await exportCredentials(page);
    await page.replaceAuthenticator();

    const root = await openFlow(page, stack!, 'recover-delegated', 'RecoverAccount');
    await expect(root.getByLabel('Verification code').count()).resolves.toBe(0);
    await root.getByLabel('Email or username').fill(name);
    await root.getByLabel('Recovery code').fill(kit.recoveryCode);
    await root.getByLabel('Recovery key ID').fill(kit.recoveryKeyId);
    await root.getByRole('button', { name: 'Recover account' }).click();
    await waitForStatus(page.page, 'RecoverAccount', 'awaiting-authenticator');
    await root.getByRole('button', { name: 'Create new passkey' }).click();
    await waitForStatus(page.page, 'RecoverAccount', 'showing-recovery-kit');
    await saveRecoveryKit(page.page, root);
    await waitForStatus(page.page, 'RecoverAccount', 'success');
    expect(page.requestsTo('/api/recover/delegated', 'POST')).toHaveLength(1);

    await recordSignals(page);
    await loginWithUsername(page, stack!, name);
    // Let the account page's Signal API call land first, or Chromium would drop the old passkey below.
    await signalsSent(page);

    await page.replaceAuthenticator();
    await page.cdp.send('WebAuthn.addCredential', { authenticatorId: page.authenticatorId, credential: oldPasskey! });
    const login = await openFlow(page, stack!, 'login', 'LoginWithPasskey', { autofill: false });
    await login.getByRole('button', { name: 'Choose a saved passkey' }).click();
    await waitForStatus(page.page, 'LoginWithPasskey', 'error');
    expect(await alertCode(login)).toMatch(/^(unauthorized|forbidden|credential_not_allowed)$/);
  });
}
