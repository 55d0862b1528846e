/**
 * <RecoverAccount/> in real Chromium: a user who lost their passkey recovers with the emailed code
 * and their recovery kit, creates a new passkey on a CDP virtual authenticator through the real
 * @simplewebauthn/browser, and the old passkey is refused by the emulator afterwards.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { completeLogin, initLogin } from '../../src/api/login';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import type { DfnsEmulator } from '../../src/emulator/index';
import { englishMessages as en } from '../../src/messages/en';
import { signWithPasskey } from '../../src/webauthn/signWithPasskey';
import {
  directClient,
  expectStatusPath,
  registeredUser,
  renderKit,
  RP,
  statusBecomes,
  statusHistory,
  useChromiumKit,
} from './browserKit';

const kit = useChromiumKit();
const JANE = 'jane@example.com';
const PATH = [
  'idle',
  'sending-code',
  'code-sent',
  'fetching-challenge',
  'unlocking-recovery-key',
  'awaiting-authenticator',
  'signing-with-recovery-key',
  'submitting',
  'showing-recovery-kit',
  'success',
];

/** A usernameless login with whatever passkey the virtual authenticator holds, outside the page. */
async function logInWithDevice(emulator: DfnsEmulator) {
  const client = directClient(emulator);
  const challenge = await initLogin(client, {});
  const firstFactor = await signWithPasskey(challenge, { rp: RP, timeout: 5000 });
  return completeLogin(client, { challengeIdentifier: challenge.challengeIdentifier, firstFactor });
}

/** Jane, registered with a passkey and a recovery key; then her device is lost (its passkey kept aside). */
async function janeLostHerDevice(emulator: DfnsEmulator) {
  const jane = await registeredUser(emulator, JANE, { recoveryKey: true });
  const [oldPasskey] = await kit.storedCredentials();
  if (!oldPasskey || !jane.recovery) throw new Error('registration did not leave a passkey and a kit');
  await kit.clearCredentials();
  return { ...jane, recovery: jane.recovery, oldPasskey };
}

/** Sends the email code, then fills the verification code and the kit's values. */
async function emailAndFill(emulator: DfnsEmulator, container: HTMLElement, codes: { recoveryCode: string; recoveryKeyId: string }) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: en.labels.username }), JANE);
  await user.click(screen.getByRole('button', { name: en.buttons.sendCode }));
  await statusBecomes(container, 'RecoverAccount', 'code-sent');
  const verificationCode = emulator.lastCode(JANE, 'recovery') ?? '';
  await user.type(screen.getByRole('textbox', { name: en.labels.verificationCode }), verificationCode);
  await user.type(screen.getByRole('textbox', { name: en.labels.recoveryCode }), codes.recoveryCode);
  await user.type(screen.getByRole('textbox', { name: en.labels.recoveryKeyId }), codes.recoveryKeyId);
  await user.click(screen.getByRole('button', { name: en.buttons.recover }));
  return { user, verificationCode };
}

describe('<RecoverAccount/> in Chromium', () => {
  it('recovers with the emailed code and the kit, creates a real new passkey, and the old passkey is refused', async () => {
    const emulator = kit.emulator();
    const jane = await janeLostHerDevice(emulator);
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const { container } = renderKit(<RecoverAccount onSuccess={onSuccess} onError={onError} />, emulator);
    const history = statusHistory(container, 'RecoverAccount');

    const { user, verificationCode } = await emailAndFill(emulator, container, jane.recovery);
    await statusBecomes(container, 'RecoverAccount', 'awaiting-authenticator');
    await user.click(screen.getByRole('button', { name: en.buttons.createNewPasskey }));
    await statusBecomes(container, 'RecoverAccount', 'showing-recovery-kit');
    const newCode = container.querySelector('[data-field="recovery-code"] code')?.textContent ?? '';
    expect(newCode).toMatch(/^D1-/);
    expect(newCode).not.toBe(jane.recovery.recoveryCode);
    await user.click(screen.getByRole('checkbox', { name: en.buttons.savedKit }));
    await user.click(screen.getByRole('button', { name: en.buttons.continue }));
    await statusBecomes(container, 'RecoverAccount', 'success');

    expectStatusPath(history(), PATH, ['idle', 'code-sent', 'awaiting-authenticator', 'showing-recovery-kit', 'success']);
    expect(kit.requests).toEqual(['POST /auth/recover/user/code', 'POST /auth/recover/user/init', 'POST /auth/recover/user']);
    expect(onSuccess).toHaveBeenCalledWith({ user: { id: jane.userId, username: JANE, orgId: emulator.orgId } });
    expect(onError).not.toHaveBeenCalled();
    for (const secret of [verificationCode, jane.recovery.recoveryCode, newCode]) expect(document.body.innerHTML).not.toContain(secret);

    // The new passkey lives on this device and logs in.
    const [newPasskey] = await kit.storedCredentials();
    expect(newPasskey?.credentialId).not.toBe(jane.oldPasskey.credentialId);
    await expect(logInWithDevice(emulator)).resolves.toMatchObject({ token: expect.any(String) });

    // The lost device turns up again: the emulator refuses its passkey.
    await kit.clearCredentials();
    await kit.addCredential(jane.oldPasskey);
    await expect(logInWithDevice(emulator)).rejects.toMatchObject({ name: 'DfnsApiError' });
    const active = emulator.credentials(jane.userId).filter((credential) => credential.isActive);
    expect(active.map((credential) => credential.kind).sort()).toEqual(['Fido2', 'RecoveryKey']);
    expect(emulator.credentials(jane.userId).map((credential) => credential.credentialId)).toContain(jane.passkeyId);
    expect(active.map((credential) => credential.credentialId)).not.toContain(jane.passkeyId);
  });

  it('shows passkey_cancelled when the new passkey is not verified, and Retry finishes the recovery', async () => {
    const emulator = kit.emulator();
    // A person refusing: on an organisation that asks for any authenticator, because the virtual
    // authenticator refuses within 1 ms, which under a platform request reads as no platform
    // authenticator (PlatformUnavailable.browser.test.tsx), as no person could be that quick.
    emulator.setPasskeySettings({ authenticatorAttachment: null });
    const jane = await janeLostHerDevice(emulator);
    const onError = vi.fn();
    const { container } = renderKit(<RecoverAccount onError={onError} />, emulator);
    const { user } = await emailAndFill(emulator, container, jane.recovery);
    await statusBecomes(container, 'RecoverAccount', 'awaiting-authenticator');
    await kit.setUserVerified(false);
    await user.click(screen.getByRole('button', { name: en.buttons.createNewPasskey }));
    await statusBecomes(container, 'RecoverAccount', 'error');
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('passkey_cancelled');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));

    await kit.setUserVerified(true);
    await user.click(within(alert).getByRole('button', { name: en.buttons.retry }));
    // The retry click itself opens the prompt again with the challenge already held: no second click.
    await statusBecomes(container, 'RecoverAccount', 'showing-recovery-kit');
    expect(kit.requests).toEqual(['POST /auth/recover/user/code', 'POST /auth/recover/user/init', 'POST /auth/recover/user']);
    expect(await kit.storedCredentials()).toHaveLength(1);
  });
});
