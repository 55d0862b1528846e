/**
 * <AddPasskey/> in real Chromium: the new passkey is created by the real @simplewebauthn/browser
 * on a CDP virtual authenticator, the user action that authorises it is signed with the user's
 * existing passkey, and the emulator behind the service worker verifies both.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AddPasskey } from '../../src/components/AddPasskey';
import { englishMessages } from '../../src/messages/en';
import { expectStatusPath, registeredUser, renderKit, statusBecomes, statusHistory, useChromiumKit } from './browserKit';

const kit = useChromiumKit();
const ALICE = 'alice@example.com';
const FOUR = ['POST /auth/credentials/init', 'POST /auth/action/init', 'POST /auth/action', 'POST /auth/credentials'];
const PATH = ['idle', 'fetching-challenge', 'awaiting-authenticator', 'signing-user-action', 'submitting', 'success'];
const { labels, buttons, errors } = englishMessages;

/**
 * Once the new passkey exists and the user action challenge is on its way (held back a moment by
 * the emulator), the user picks up their first device for the signing prompt and leaves the new one.
 */
async function handOverToFirstDevice(second: string): Promise<void> {
  await waitFor(() => expect(kit.requests).toContain('POST /auth/action/init'), { timeout: 8000 });
  await kit.setPresence(true);
  await kit.setPresence(false, second);
}

describe('<AddPasskey/> in Chromium', () => {
  it('creates a passkey on a second device, signs the user action with the first, and reports the new credential', async () => {
    const emulator = kit.emulator();
    const alice = await registeredUser(emulator, ALICE);
    const token = await emulator.loginAs(ALICE);
    // The first device (with Alice's passkey) is not touched while the new one is created, so the
    // excluded credential on it does not end the ceremony; the second device answers.
    // The new passkey goes on a USB security key: an organisation that accepts any authenticator.
    emulator.setPasskeySettings({ authenticatorAttachment: null });
    await kit.setPresence(false);
    const second = await kit.addAuthenticator();
    emulator.faults.set({ path: '/auth/action/init', latencyMs: 500 });
    const onSuccess = vi.fn();
    const { container } = renderKit(<AddPasskey onSuccess={onSuccess} />, emulator, { token });
    const history = statusHistory(container, 'AddPasskey');
    const field = screen.getByRole('textbox', { name: labels.credentialName });
    await waitFor(() => expect((field as HTMLInputElement).value).toMatch(/^Passkey on /));
    const user = userEvent.setup();
    await user.clear(field);
    await user.type(field, 'Work laptop');
    await user.click(screen.getByRole('button', { name: buttons.addPasskey }));
    await handOverToFirstDevice(second);
    await statusBecomes(container, 'AddPasskey', 'success');

    expectStatusPath(history(), PATH, ['idle', 'signing-user-action', 'success']);
    expect(kit.requests).toEqual(FOUR);
    expect(onSuccess).toHaveBeenCalledWith({ credential: expect.objectContaining({ name: 'Work laptop', kind: 'Fido2', isActive: true }) });
    const passkeys = emulator.credentials(alice.userId).filter((credential) => credential.kind === 'Fido2');
    expect(passkeys).toHaveLength(2);
  });

  it('shows passkey_already_registered when the only device already holds a passkey of the user', async () => {
    const emulator = kit.emulator();
    const alice = await registeredUser(emulator, ALICE);
    const token = await emulator.loginAs(ALICE);
    const onError = vi.fn();
    const { container } = renderKit(<AddPasskey onError={onError} />, emulator, { token });
    const field = screen.getByRole('textbox', { name: labels.credentialName });
    await waitFor(() => expect((field as HTMLInputElement).value).not.toBe(''));
    await userEvent.setup().click(screen.getByRole('button', { name: buttons.addPasskey }));
    await statusBecomes(container, 'AddPasskey', 'error');
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('passkey_already_registered');
    expect(alert.textContent).toContain(errors.passkey_already_registered);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_already_registered' }));
    expect(kit.requests).toEqual(['POST /auth/credentials/init']);
    expect(emulator.credentials(alice.userId).filter((credential) => credential.kind === 'Fido2')).toHaveLength(1);
    expect(await kit.storedCredentials()).toHaveLength(1);
  });

  it('shows passkey_cancelled when the user does not verify, and Retry adds the passkey once they do', async () => {
    const emulator = kit.emulator();
    await registeredUser(emulator, ALICE);
    const token = await emulator.loginAs(ALICE);
    // The new passkey goes on a USB security key: an organisation that accepts any authenticator.
    emulator.setPasskeySettings({ authenticatorAttachment: null });
    // Alice's own device is out of reach: the prompts go to the new one, which is not verified at first.
    await kit.setPresence(false);
    const second = await kit.addAuthenticator();
    await kit.setUserVerifiedOn(second, false);
    emulator.faults.set({ path: '/auth/action/init', latencyMs: 500 });
    const { container } = renderKit(<AddPasskey />, emulator, { token });
    await waitFor(() => expect((screen.getByRole('textbox', { name: labels.credentialName }) as HTMLInputElement).value).not.toBe(''));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: buttons.addPasskey }));
    await statusBecomes(container, 'AddPasskey', 'error');
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('passkey_cancelled');

    await kit.setUserVerifiedOn(second, true);
    await user.click(within(alert).getByRole('button', { name: buttons.retry }));
    await handOverToFirstDevice(second);
    await statusBecomes(container, 'AddPasskey', 'success');
    expect(kit.requests.filter((line) => line === 'POST /auth/credentials')).toHaveLength(1);
  });
});
