/**
 * Issue 20 in Firefox ESR with its real WebAuthn: an organisation whose Passkey Settings ask for a
 * platform passkey, and Firefox on Linux, which has none. Measured in Firefox 153: with no virtual
 * authenticator `isUserVerifyingPlatformAuthenticatorAvailable()` answers false; with an internal
 * one it answers true, yet every `platform` request is refused within 0–1 ms (NotAllowedError).
 * Either way the user reads that this device has no built-in passkey, never that they cancelled;
 * on an organisation that accepts any authenticator the same page registers.
 */
import { describe, expect, it } from 'vitest';
import { alertOf, clickButton, fill, waitForStatus, type FirefoxHarness } from './support/firefox';
import type { Stack } from './support/stack';
import { useFirefoxE2E } from './support/useFirefoxE2E';

const e2e = useFirefoxE2E();
const REGISTER = 'section.dfns-RegisterPasskey';
const TITLE = 'This device has no built-in passkey';
const CANCELLED = 'Passkey prompt closed';

async function register(h: FirefoxHarness, stack: Stack, username: string): Promise<void> {
  const code = await stack.createUser(username);
  await h.page.goto(stack.pageUrl({ flow: 'register' }));
  await h.page.waitForSelector(REGISTER);
  await fill(h.page, REGISTER, 'Email or username', username);
  await fill(h.page, REGISTER, 'Registration code', code);
  await clickButton(h.page, REGISTER, 'Create passkey');
}

async function expectPlatformUnavailable(h: FirefoxHarness, username: string, stack: Stack): Promise<void> {
  await waitForStatus(h.page, 'RegisterPasskey', 'error');
  const alert = await alertOf(h.page, 'RegisterPasskey');
  expect(alert.code).toBe('passkey_platform_unavailable');
  expect(alert.text).toContain(TITLE);
  expect(alert.text).not.toContain(CANCELLED);
  expect(alert.text).not.toContain('Try again');
  const snapshot = await stack.admin<{ users: { username: string; isRegistered: boolean }[] }>('GET', '/snapshot');
  expect(snapshot.users.find((user) => user.username === username)?.isRegistered).toBe(false);
}

describe('Firefox: an organisation that asks for a platform passkey', () => {
  it('with no authenticator, the kit opens no prompt and says the device has no built-in passkey', async () => {
    const { stack, h } = e2e;
    await stack.admin('PUT', '/passkey-settings', { authenticatorAttachment: 'platform' });
    try {
      await h.removeAuthenticator();
      await register(h, stack, 'ff-platform-none@example.com');
      await expectPlatformUnavailable(h, 'ff-platform-none@example.com', stack);
    } finally {
      await stack.admin('PUT', '/passkey-settings', { authenticatorAttachment: null });
    }
  });

  it('with an internal authenticator, Firefox refuses at once, which reads the same, never as a cancel', async () => {
    const { stack, h } = e2e;
    await stack.admin('PUT', '/passkey-settings', { authenticatorAttachment: 'platform' });
    try {
      await h.page.goto(stack.pageUrl({ flow: 'register' }));
      expect(await h.page.evaluate(() => PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable())).toBe(true);
      await register(h, stack, 'ff-platform-internal@example.com');
      await expectPlatformUnavailable(h, 'ff-platform-internal@example.com', stack);
      expect(await h.credentials()).toEqual([]);
    } finally {
      await stack.admin('PUT', '/passkey-settings', { authenticatorAttachment: null });
    }
  });

  it('on an organisation that accepts any authenticator, the same Firefox registers', async () => {
    const { stack, h } = e2e;
    expect((await stack.admin<{ authenticatorAttachment: unknown }>('GET', '/passkey-settings')).authenticatorAttachment).toBeNull();
    await register(h, stack, 'ff-platform-any@example.com');
    await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
    expect(await h.credentials()).toHaveLength(1);
  });
});
