/**
 * Social sign-in and SSO in the example app against `dfns-emulator` (issue 17), in Chromium with
 * a virtual platform authenticator: a fake "Continue with Google" (the emulator's identity-provider
 * popup, signing id tokens with the emulator's issuer) and an SSO round trip through the emulator's
 * sign-in page.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { alertCode, kitRoot, openFlow, registerStandard, saveRecoveryKit, storedCredentials, waitForStatus } from './support/kitPage';
import { useE2E } from './support/useE2E';

const e2e = useE2E();

/** Clicks "Continue with Google" and signs in as `email` in the popup it opens. */
async function continueWithGoogle(page: Page, root: Locator, email: string): Promise<void> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), root.getByRole('button', { name: 'Continue with Google' }).click()]);
  await popup.getByLabel('Email').fill(email);
  await popup.getByRole('button', { name: 'Continue' }).click();
}

describe('Continue with Google (the emulator as the identity provider)', () => {
  it('a new user gets a passkey, a recovery kit and a wallet in one click; back later, one click and one request sign them in', async () => {
    const { h, stack } = e2e;
    const root = await openFlow(h, stack, 'social', 'SocialSignIn');
    await continueWithGoogle(h.page, root, 'ann@example.com');
    await waitForStatus(h.page, 'SocialSignIn', 'showing-recovery-kit');
    const kit = await saveRecoveryKit(h.page, root);
    expect(kit.recoveryCode).toMatch(/^D1-/);
    await waitForStatus(h.page, 'SocialSignIn', 'success');
    await expect(h.page.getByTestId('session').innerText()).resolves.toBe('Signed in as ann@example.com.');
    await expect(h.page.getByTestId('registered-wallets').innerText()).resolves.toMatch(/^wa-/);
    expect(await storedCredentials(h)).toBe(1);
    // The sign-in's own requests (the account section then loads its list and prefetches a signing challenge).
    const signInRequests = () =>
      h.apiRequests.map((r) => new URL(r.url()).pathname).filter((path) => path.startsWith('/auth/login') || path.startsWith('/auth/registration'));
    expect(signInRequests()).toEqual(['/auth/login/social', '/auth/registration/social', '/auth/registration/enduser']);
    // The wallet the end-user registration made is the account's.
    await kitRoot(h.page, 'CredentialList').waitFor();

    // Later (a reload: the token was in memory only): one click here, one on the provider's
    // "Continue as" (it remembers the account, as Google does), one request, no passkey prompt.
    h.apiRequests.length = 0;
    const again = await openFlow(h, stack, 'social', 'SocialSignIn');
    const [popup] = await Promise.all([h.page.waitForEvent('popup'), again.getByRole('button', { name: 'Continue with Google' }).click()]);
    await popup.getByRole('button', { name: 'Continue as ann@example.com' }).click();
    await waitForStatus(h.page, 'SocialSignIn', 'success');
    await expect(again.locator('.dfns-success').getAttribute('data-result')).resolves.toBe('signed-in');
    await expect(h.page.getByTestId('session').innerText()).resolves.toBe('Signed in.');
    expect(signInRequests()).toEqual(['/auth/login/social']);
    expect(await storedCredentials(h)).toBe(1);
    // No token or id token left in the page's storage or URL.
    const stored = await h.page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + location.href);
    for (const secret of h.receivedSecrets) expect(stored).not.toContain(secret);
  }, 60_000);

  it('closing the Google popup ends in id_token_unavailable with Try again', async () => {
    const { h, stack } = e2e;
    const root = await openFlow(h, stack, 'social', 'SocialSignIn');
    const [popup] = await Promise.all([h.page.waitForEvent('popup'), root.getByRole('button', { name: 'Continue with Google' }).click()]);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect(alertCode(root)).resolves.toBe('id_token_unavailable');
    await expect(root.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(1);
    expect(h.requestsTo('/auth/login/social')).toHaveLength(0);
  }, 30_000);
});

describe('SSO (the emulator as the organisation identity provider)', () => {
  it('an SSO user goes from sso_required to a token; no code or state is left in the URL, and the same link again is refused', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'sam@corp.example');
    await stack.admin('POST', '/sso-required', { username: 'sam@corp.example' });
    const login = await openFlow(h, stack, 'login', 'LoginWithPasskey', { autofill: false });
    await login.getByLabel('Email or username').fill('sam@corp.example');
    await login.getByRole('button', { name: 'Continue', exact: true }).click();
    await waitForStatus(h.page, 'LoginWithPasskey', 'sso-required');
    await login.getByRole('button', { name: 'Continue to your organisation’s sign-in' }).click();

    // The emulator's identity-provider page, then back to ?flow=sso-callback with code and state.
    await h.page.waitForURL((url) => url.pathname === '/emulator/idp/authorize');
    await h.page.getByLabel('Email').fill('sam@corp.example');
    let callbackUrl = '';
    h.page.on('framenavigated', (frame) => {
      if (frame === h.page.mainFrame() && frame.url().includes('code=')) callbackUrl = frame.url();
    });
    await h.page.getByRole('button', { name: 'Sign in' }).click();
    await waitForStatus(h.page, 'SsoCallback', 'success');
    await expect(h.page.getByTestId('session').innerText()).resolves.toBe('Signed in.');
    expect(callbackUrl).toContain('state=');
    const here = new URL(h.page.url());
    expect(here.searchParams.get('flow')).toBe('sso-callback');
    expect(here.searchParams.has('code') || here.searchParams.has('state')).toBe(false);
    expect(await h.page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(h.requestsTo('/auth/login/sso/init', 'POST')).toHaveLength(1);
    expect(h.requestsTo('/auth/login/sso', 'POST')).toHaveLength(1);

    // The same link again (a replayed code): refused in the page, the code never sent twice.
    await h.page.goto(callbackUrl);
    const callback = kitRoot(h.page, 'SsoCallback');
    await expect(alertCode(callback)).resolves.toBe('sso_state_invalid');
    expect(h.requestsTo('/auth/login/sso', 'POST')).toHaveLength(1);
    expect(new URL(h.page.url()).searchParams.has('code')).toBe(false);
  }, 60_000);

  it('a forged state with a code is refused before any request', async () => {
    const { h, stack } = e2e;
    await h.page.goto(`${stack.pageUrl({ flow: 'sso-callback' })}&code=stolen-code&state=forged-state`);
    const callback = kitRoot(h.page, 'SsoCallback');
    await expect(alertCode(callback)).resolves.toBe('sso_state_invalid');
    expect(h.requestsTo('/auth/login/sso', 'POST')).toHaveLength(0);
    expect(new URL(h.page.url()).search).not.toMatch(/code=|state=/);
  }, 30_000);
});
