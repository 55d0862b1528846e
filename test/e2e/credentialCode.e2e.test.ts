import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './support/browser';
import { alertCode, kitRoot, loginWithUsername, openFlow, registerStandard, waitForStatus } from './support/kitPage';
import { useE2E } from './support/useE2E';

const e2e = useE2E();
const CODE = /^[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/;

/** On the signed-in device: "Add a passkey on another device" in the credential list, and the code it shows. */
async function codeFromCredentialList(h: Harness): Promise<string> {
  const list = kitRoot(h.page, 'CredentialList');
  await list.getByRole('button', { name: 'Add a passkey on another device' }).click();
  const code = (await list.getByTestId('credential-code').innerText()).trim();
  expect(code).toMatch(CODE);
  return code;
}

/** On the new device: the code typed into `<AddPasskeyWithCode/>` and "Create passkey". */
async function typeCode(root: Locator, code: string): Promise<void> {
  await root.getByLabel('One-time code').fill(code);
  await root.getByRole('button', { name: 'Create passkey' }).click();
}

describe('a passkey on a second device from a one-time code', () => {
  it('user A signed in on one context enrolls a passkey on another with a code, signs in there with it, and spent, wrong or expired codes are refused', async () => {
    const { h, stack, browser } = e2e;
    await registerStandard(h, stack, 'pat@example.com');
    await loginWithUsername(h, stack, 'pat@example.com', { anotherDevice: true });
    const code = await codeFromCredentialList(h);
    await expect(kitRoot(h.page, 'CredentialList').getByText(/^Expires in \d+ s$/).count()).resolves.toBe(1);
    // The code request was signed with A's passkey (a user action), like every signed request of the kit.
    const codeRequest = h.requestsTo('/auth/credentials/code', 'POST').at(-1);
    expect(codeRequest?.headers()['x-dfns-useraction']).toBeTruthy();

    // Device B: its own context, its own virtual authenticator, no session.
    const b = await openHarness(browser, [stack.emulatorUrl, stack.backendUrl]);
    try {
      const root = await openFlow(b, stack, 'add-with-code', 'AddPasskeyWithCode');
      await typeCode(root, code);
      await waitForStatus(b.page, 'AddPasskeyWithCode', 'success');
      await expect(root.locator('.dfns-success').getAttribute('data-result')).resolves.toBe('signed-out');
      const { credentials } = await b.cdp.send('WebAuthn.getCredentials', { authenticatorId: b.authenticatorId });
      expect(credentials).toHaveLength(1);
      expect(b.requestsTo('/auth/credentials/code/init', 'POST')).toHaveLength(1);
      expect(b.requestsTo('/auth/credentials/code/verify', 'POST')).toHaveLength(1);

      // A's list sees the new passkey (it polls while the code is live) and shows it.
      await waitForStatus(h.page, 'CredentialList', 'ready');
      await kitRoot(h.page, 'CredentialList').locator('.dfns-credential-code-section[data-status="success"]').waitFor({ timeout: 15_000 });
      await expect(kitRoot(h.page, 'CredentialList').locator('.dfns-credential').count()).resolves.toBe(3);

      // B signs in with the passkey it just made.
      await loginWithUsername(b, stack, 'pat@example.com');
      const login = b.responses.filter((r) => r.path === '/auth/login' && r.method === 'POST').at(-1);
      expect(login?.status).toBe(200);

      // The same code again: spent.
      const again = await openFlow(b, stack, 'add-with-code', 'AddPasskeyWithCode');
      await typeCode(again, code);
      await expect(alertCode(again)).resolves.toBe('credential_code_expired');
      // A code Dfns never made: wrong.
      await typeCode(again, 'ZZZ-ZZZ-ZZZ');
      await expect(alertCode(again)).resolves.toBe('credential_code_invalid');
      await expect(again.getByRole('alert').innerText()).resolves.toContain('That code isn’t right');

      // A fresh code, left to expire (the emulator's clock moves a minute on).
      await kitRoot(h.page, 'CredentialList').getByRole('button', { name: 'Add a passkey on another device' }).click();
      const late = (await kitRoot(h.page, 'CredentialList').getByTestId('credential-code').innerText()).trim();
      expect(late).not.toBe(code);
      await stack.admin('POST', '/clock', { advanceMs: 61_000 });
      await typeCode(again, late);
      await expect(alertCode(again)).resolves.toBe('credential_code_expired');
      await expect(again.getByRole('alert').innerText()).resolves.toContain('That code has expired');
      expect(b.pageErrors).toEqual([]);
    } finally {
      await b.context.close();
    }
  }, 30_000);
});
