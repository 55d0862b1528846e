/**
 * An organisation that asks for a platform passkey (authenticatorAttachment "platform", as in
 * Dfns's reference), on a page in real Chromium with only a USB security key (a CDP virtual
 * authenticator with transport "usb" is not a platform one; "internal" is). The kit must not open a
 * prompt that can only fail (Chromium would wait out the whole timeout) and must not say the user
 * cancelled; with a platform authenticator, registration works as before.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AddPasskey } from '../../src/components/AddPasskey';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { englishMessages } from '../../src/messages/en';
import { registeredUser, renderKit, statusBecomes, useChromiumKit } from './browserKit';

const kit = useChromiumKit();
const USERNAME = 'jane@example.com';
const { labels, buttons, errors, errorTitles } = englishMessages;

async function register(registrationCode: string) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: labels.username }), USERNAME);
  await user.type(screen.getByRole('textbox', { name: labels.registrationCode }), registrationCode);
  await user.click(screen.getByRole('button', { name: buttons.register }));
  return user;
}

/** The alert says what happened and what to do, and never that the user cancelled. */
function expectPlatformUnavailable(alert: HTMLElement): void {
  expect(alert.getAttribute('data-code')).toBe('passkey_platform_unavailable');
  expect(alert.textContent).toContain(errorTitles.passkey_platform_unavailable);
  expect(alert.textContent).toContain(errors.passkey_platform_unavailable);
  expect(alert.textContent).not.toContain(errorTitles.passkey_cancelled);
  expect(alert.textContent).not.toContain(errors.passkey_cancelled);
  // The same browser would refuse again: no Try again.
  expect(within(alert).queryByRole('button', { name: buttons.retry })).toBeNull();
}

describe('a platform passkey asked of Chromium', () => {
  it('registers on a built-in authenticator as before', async () => {
    const emulator = kit.emulator();
    expect(emulator.passkeySettings.authenticatorAttachment).toBe('platform');
    expect(await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()).toBe(true);
    const { registrationCode } = emulator.createUser({ username: USERNAME });
    const { container } = renderKit(<RegisterPasskey />, emulator);
    await register(registrationCode);
    await statusBecomes(container, 'RegisterPasskey', 'showing-recovery-kit');
    expect(await kit.storedCredentials()).toHaveLength(1);
  });

  it('without one, shows passkey_platform_unavailable at once instead of a prompt, never "you cancelled"', async () => {
    const emulator = kit.emulator();
    await kit.removePlatformAuthenticator();
    const securityKey = await kit.addAuthenticator();
    const { registrationCode, user: invited } = emulator.createUser({ username: USERNAME });
    const { container } = renderKit(<RegisterPasskey />, emulator);
    const started = performance.now();
    await register(registrationCode);
    await statusBecomes(container, 'RegisterPasskey', 'error');
    // Chromium would have held a platform request open for the whole 60 s timeout.
    expect(performance.now() - started).toBeLessThan(5000);
    expectPlatformUnavailable(screen.getByRole('alert'));
    expect(kit.requests).toEqual(['POST /auth/registration/init']);
    expect(emulator.credentials(invited.userId)).toEqual([]);
    // Nothing reached the security key either.
    expect(await kit.storedCredentialsOn(securityKey)).toEqual([]);
  });

  it('without one, once the organisation allows any authenticator, the security key registers', async () => {
    const emulator = kit.emulator();
    await kit.removePlatformAuthenticator();
    await kit.addAuthenticator();
    emulator.setPasskeySettings({ authenticatorAttachment: null });
    const { registrationCode, user: invited } = emulator.createUser({ username: USERNAME });
    const { container } = renderKit(<RegisterPasskey />, emulator);
    await register(registrationCode);
    await statusBecomes(container, 'RegisterPasskey', 'showing-recovery-kit');
    expect(emulator.credentials(invited.userId).map((credential) => credential.kind).sort()).toEqual(['Fido2', 'RecoveryKey']);
  });

  it('reads a refusal within 50 ms of a platform request as no platform authenticator, not as a cancel', async () => {
    // The built-in authenticator is there (the check says so) but refuses at once, as Firefox does
    // for every platform request: nobody saw a prompt, so nobody cancelled one.
    const emulator = kit.emulator();
    await kit.setUserVerified(false);
    const { registrationCode } = emulator.createUser({ username: USERNAME });
    const { container } = renderKit(<RegisterPasskey />, emulator);
    await register(registrationCode);
    await statusBecomes(container, 'RegisterPasskey', 'error');
    expectPlatformUnavailable(screen.getByRole('alert'));
  });

  it('adding a passkey on a device without a built-in one shows the same error', async () => {
    const emulator = kit.emulator();
    const alice = await registeredUser(emulator, 'alice@example.com');
    const token = await emulator.loginAs('alice@example.com');
    await kit.removePlatformAuthenticator();
    await kit.addAuthenticator();
    const { container } = renderKit(<AddPasskey />, emulator, { token });
    const field = screen.getByRole('textbox', { name: labels.credentialName });
    await waitFor(() => expect((field as HTMLInputElement).value).not.toBe(''));
    await userEvent.setup().click(screen.getByRole('button', { name: buttons.addPasskey }));
    await statusBecomes(container, 'AddPasskey', 'error');
    expectPlatformUnavailable(screen.getByRole('alert'));
    expect(emulator.credentials(alice.userId).filter((credential) => credential.kind === 'Fido2')).toHaveLength(1);
  });
});
