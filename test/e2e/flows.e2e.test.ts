import { describe, expect, it } from 'vitest';
import {
  alertCode,
  kitRoot,
  loginWithUsername,
  openFlow,
  recordSignals,
  registerStandard,
  saveRecoveryKit,
  signalsSent,
  submitRegistration,
  waitForStatus,
} from './support/kitPage';
import { useE2E } from './support/useE2E';

const e2e = useE2E();

/** The credentials of the virtual authenticator, as CDP exports them (with private keys). */
async function exportCredentials(): Promise<{ credentialId: string; privateKey: string; rpId?: string; userHandle?: string; signCount: number; isResidentCredential: boolean }[]> {
  const { h } = e2e;
  const { credentials } = await h.cdp.send('WebAuthn.getCredentials', { authenticatorId: h.authenticatorId });
  return credentials;
}

describe('registration, as a customer embeds it', () => {
  it('registers an invited user with a passkey and shows the recovery kit once', async () => {
    const { h, stack } = e2e;
    const kit = await registerStandard(h, stack, 'ann@example.com');
    expect(kit.recoveryCode).toMatch(/^D1-/);
    expect(h.requestsTo('/auth/registration', 'POST')).toHaveLength(1);
    expect(await exportCredentials()).toHaveLength(1);
    // Once saved, the kit and the registration code leave the page.
    const html = await h.page.content();
    expect(html).not.toContain(kit.recoveryCode);
    expect(html).not.toContain(kit.registrationCode);
  });

  it('registers an end user with a wallet and signs them in at once', async () => {
    const { h, stack } = e2e;
    const code = await stack.createUser('eve@example.com', 'EndUser');
    const root = await openFlow(h, stack, 'register-enduser', 'RegisterPasskey');
    await submitRegistration(root, 'eve@example.com', code);
    await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
    await saveRecoveryKit(h.page, root);
    await waitForStatus(h.page, 'RegisterPasskey', 'success');
    expect(h.requestsTo('/auth/registration/enduser', 'POST')).toHaveLength(1);
    await expect(h.page.getByTestId('registered-wallets').innerText()).resolves.toMatch(/^wa-/);
    await expect(h.page.getByTestId('session').innerText()).resolves.toBe('Signed in as eve@example.com.');
  });

  it('registers an end user by delegation through the customer backend and its service account', async () => {
    const { h, stack } = e2e;
    const root = await openFlow(h, stack, 'register-delegated', 'RegisterPasskey');
    await expect(root.getByLabel('Registration code').count()).resolves.toBe(0);
    await submitRegistration(root, 'dora@example.com');
    await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
    await saveRecoveryKit(h.page, root);
    await waitForStatus(h.page, 'RegisterPasskey', 'success');
    expect(h.requestsTo('/api/register/delegated', 'POST')).toHaveLength(1);
    const { users } = await stack.admin<{ users: { username: string; kind: string; isRegistered: boolean }[] }>('GET', '/snapshot');
    expect(users.find((user) => user.username === 'dora@example.com')).toMatchObject({ kind: 'EndUser', isRegistered: true });
  });
});

describe('login', () => {
  it('logs in with a typed username, then without one (a discoverable passkey)', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'lee@example.com');
    await loginWithUsername(h, stack, 'lee@example.com');
    const init = h.requestsTo('/auth/login/init', 'POST').at(-1);
    expect(init?.postDataJSON()).toMatchObject({ username: 'lee@example.com' });

    const root = await openFlow(h, stack, 'login', 'LoginWithPasskey', { autofill: false });
    await root.getByRole('button', { name: 'Choose a saved passkey' }).click();
    await waitForStatus(h.page, 'LoginWithPasskey', 'success');
    const usernameless = h.requestsTo('/auth/login/init', 'POST').at(-1);
    expect(usernameless?.postDataJSON()).not.toHaveProperty('username');
    await h.page.getByTestId('account').waitFor();
  });

  it('logs in through passkey autofill on the username field, with no click', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'ava@example.com');
    await h.page.goto(stack.pageUrl({ flow: 'login' }));
    // Conditional mediation: the kit starts a silent request on mount; the virtual authenticator
    // answers it as a user picking the passkey from the autofill list would.
    await waitForStatus(h.page, 'LoginWithPasskey', 'success');
    await h.page.getByTestId('account').waitFor();
    const init = h.requestsTo('/auth/login/init', 'POST');
    expect(init).toHaveLength(1);
    expect(init[0]?.postDataJSON()).not.toHaveProperty('username');
  });

  it('logs an end user in by delegation through the backend, with no passkey prompt', async () => {
    const { h, stack } = e2e;
    const code = await stack.createUser('del@example.com', 'EndUser');
    const root = await openFlow(h, stack, 'register-enduser', 'RegisterPasskey');
    await submitRegistration(root, 'del@example.com', code);
    await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
    await saveRecoveryKit(h.page, root);
    await waitForStatus(h.page, 'RegisterPasskey', 'success');

    await h.page.goto(stack.pageUrl({ flow: 'login-delegated' }));
    await h.page.getByLabel('Email').fill('del@example.com');
    await h.page.getByRole('button', { name: 'Log in' }).click();
    await h.page.locator('[aria-label="Delegated login"][data-status="success"]').waitFor();
    await expect(h.page.getByTestId('session').innerText()).resolves.toBe('Signed in as del@example.com.');
    // The session works against Dfns: the credential list loads with the user's passkey.
    await waitForStatus(h.page, 'CredentialList', 'ready');
  });
});

describe('the signed-in account', () => {
  it('adds a second passkey from another authenticator', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'max@example.com');
    await loginWithUsername(h, stack, 'max@example.com');
    const [first] = await exportCredentials();
    // A second device: a fresh authenticator (the first one would refuse, as it is excluded).
    await h.replaceAuthenticator();
    // Once the new passkey exists, the kit asks for the user action challenge that an EXISTING
    // passkey signs; only then does the first passkey join this device (not discoverable there:
    // the new resident key already holds this user's handle).
    await h.page.route('**/auth/action/init', async (route) => {
      if (h.requestsTo('/auth/credentials/init').length > 0) {
        await h.cdp.send('WebAuthn.addCredential', { authenticatorId: h.authenticatorId, credential: { ...first!, isResidentCredential: false } });
      }
      await route.continue();
    });
    await kitRoot(h.page, 'AddPasskey').getByRole('button', { name: 'Add passkey' }).click();
    await waitForStatus(h.page, 'AddPasskey', 'success');
    await waitForStatus(h.page, 'CredentialList', 'ready');
    await h.page.locator('li.dfns-credential[data-kind="Fido2"]').nth(1).waitFor();
    expect(h.requestsTo('/auth/credentials', 'POST')).toHaveLength(1);
  });

  it('deactivates and reactivates a credential, each confirmed with the passkey', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'kim@example.com');
    await loginWithUsername(h, stack, 'kim@example.com');
    await waitForStatus(h.page, 'CredentialList', 'ready');
    const row = h.page.locator('li.dfns-credential[data-kind="RecoveryKey"]');
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByRole('button', { name: 'Yes, deactivate' }).click();
    await h.page.locator('li.dfns-credential[data-kind="RecoveryKey"][data-active="false"]').waitFor();
    await row.getByRole('button', { name: 'Activate' }).click();
    await h.page.locator('li.dfns-credential[data-kind="RecoveryKey"][data-active="true"]').waitFor();
    expect(h.requestsTo('/auth/credentials/deactivate', 'PUT')).toHaveLength(1);
    expect(h.requestsTo('/auth/credentials/activate', 'PUT')).toHaveLength(1);
  });

  it('tells the browser which passkeys still work (Signal API), and that signal makes Chromium drop a dead passkey of the user', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'sig@example.com');
    const [live] = await exportCredentials();
    await recordSignals(h);
    await loginWithUsername(h, stack, 'sig@example.com');
    await waitForStatus(h.page, 'CredentialList', 'ready');
    const base64url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    // Exactly the user handle and credential id the authenticator holds, and Chromium accepts it.
    const [sent, ...more] = await signalsSent(h);
    expect(more).toEqual([]);
    expect(sent).toEqual({
      options: { rpId: 'localhost', userId: base64url(live!.userHandle!), allAcceptedCredentialIds: [base64url(live!.credentialId)] },
      accepted: true,
    });

    // Another device of the user's holds a passkey Dfns no longer knows (as after a deactivation or
    // a recovery), beside another user's passkey. The same signal, sent again, drops only the first.
    await h.replaceAuthenticator();
    const dead = { ...live!, credentialId: Buffer.from('dead-passkey-of-sig').toString('base64'), signCount: 0 };
    const otherUsers = { ...live!, credentialId: Buffer.from('passkey-of-someone-else').toString('base64'), userHandle: Buffer.from('us-other').toString('base64') };
    for (const credential of [dead, otherUsers]) await h.cdp.send('WebAuthn.addCredential', { authenticatorId: h.authenticatorId, credential });
    expect(await exportCredentials()).toHaveLength(2);
    await h.page.evaluate((options) => PublicKeyCredential.signalAllAcceptedCredentials(options), sent!.options);
    await expect.poll(async () => (await exportCredentials()).map((c) => c.credentialId)).toEqual([otherUsers.credentialId]);
  });

  it('creates a wallet with a signed user action', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'wil@example.com');
    await loginWithUsername(h, stack, 'wil@example.com');
    await kitRoot(h.page, 'ConfirmUserAction').getByRole('button', { name: 'Confirm with passkey' }).click();
    await waitForStatus(h.page, 'ConfirmUserAction', 'success');
    await expect(h.page.getByTestId('wallet-result').innerText()).resolves.toMatch(/^created wa-/);
    const [create] = h.requestsTo('/wallets', 'POST');
    expect(create?.headers()['x-dfns-useraction']).toBeTruthy();
  });

  it('shows a wallet creation held by a policy as awaiting approval (HTTP 202)', async () => {
    const { h, stack } = e2e;
    await stack.admin('POST', '/policies', { method: 'POST', path: '/wallets' });
    await registerStandard(h, stack, 'pol@example.com');
    await loginWithUsername(h, stack, 'pol@example.com');
    await kitRoot(h.page, 'ConfirmUserAction').getByRole('button', { name: 'Confirm with passkey' }).click();
    await waitForStatus(h.page, 'ConfirmUserAction', 'awaiting-approval');
    await expect(h.page.getByTestId('wallet-result').innerText()).resolves.toBe('pending approval');
  });
});

describe('recovery', () => {
  it('recovers with the kit and the emailed code; the new passkey logs in and the old one is refused', async () => {
    const { h, stack } = e2e;
    const kit = await registerStandard(h, stack, 'rita@example.com');
    const [oldPasskey] = await exportCredentials();
    // The device is lost: a new authenticator with nothing on it.
    await h.replaceAuthenticator();

    const root = await openFlow(h, stack, 'recover', 'RecoverAccount');
    await root.getByLabel('Email or username').fill('rita@example.com');
    await root.getByRole('button', { name: 'Send verification code' }).click();
    await waitForStatus(h.page, 'RecoverAccount', 'code-sent');
    await root.getByLabel('Verification code').fill(await stack.lastCode('rita@example.com', 'recovery'));
    await root.getByLabel('Recovery code').fill(kit.recoveryCode);
    await root.getByLabel('Recovery key ID').fill(kit.recoveryKeyId);
    await root.getByRole('button', { name: 'Recover account' }).click();
    await waitForStatus(h.page, 'RecoverAccount', 'awaiting-authenticator');
    await root.getByRole('button', { name: 'Create new passkey' }).click();
    await waitForStatus(h.page, 'RecoverAccount', 'showing-recovery-kit');
    const newKit = await saveRecoveryKit(h.page, root);
    expect(newKit.recoveryCode).not.toBe(kit.recoveryCode);
    await waitForStatus(h.page, 'RecoverAccount', 'success');

    await recordSignals(h);
    await loginWithUsername(h, stack, 'rita@example.com');
    // The account page tells the browser which passkeys still work; let that land on this device's
    // authenticator first, or Chromium would drop the old passkey from the fresh one below.
    await signalsSent(h);

    // The old passkey alone, on a fresh authenticator: Dfns no longer accepts it.
    await h.replaceAuthenticator();
    await h.cdp.send('WebAuthn.addCredential', { authenticatorId: h.authenticatorId, credential: oldPasskey! });
    const login = await openFlow(h, stack, 'login', 'LoginWithPasskey', { autofill: false });
    await login.getByRole('button', { name: 'Choose a saved passkey' }).click();
    await waitForStatus(h.page, 'LoginWithPasskey', 'error');
    expect(await alertCode(login)).toMatch(/^(unauthorized|forbidden|credential_not_allowed)$/);
  });

  it('recovers by delegation: the backend relays the challenge, no email code', async () => {
    const { h, stack } = e2e;
    let root = await openFlow(h, stack, 'register-delegated', 'RegisterPasskey');
    await submitRegistration(root, 'dan@example.com');
    await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
    const kit = await saveRecoveryKit(h.page, root);
    await waitForStatus(h.page, 'RegisterPasskey', 'success');
    await h.replaceAuthenticator();

    root = await openFlow(h, stack, 'recover-delegated', 'RecoverAccount');
    await expect(root.getByLabel('Verification code').count()).resolves.toBe(0);
    await root.getByLabel('Email or username').fill('dan@example.com');
    await root.getByLabel('Recovery code').fill(kit.recoveryCode);
    await root.getByLabel('Recovery key ID').fill(kit.recoveryKeyId);
    await root.getByRole('button', { name: 'Recover account' }).click();
    await waitForStatus(h.page, 'RecoverAccount', 'awaiting-authenticator');
    await root.getByRole('button', { name: 'Create new passkey' }).click();
    await waitForStatus(h.page, 'RecoverAccount', 'showing-recovery-kit');
    await saveRecoveryKit(h.page, root);
    await waitForStatus(h.page, 'RecoverAccount', 'success');
    expect(h.requestsTo('/api/recover/delegated', 'POST')).toHaveLength(1);
    expect(h.requestsTo('/auth/recover/user/code')).toHaveLength(0);
    await loginWithUsername(h, stack, 'dan@example.com');
  });
});
