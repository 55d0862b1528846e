/**
 * <CreateRecoveryKey/> in real Chromium: the recovery key is made with WebCrypto, the user action
 * that authorises it is signed by the real @simplewebauthn/browser on a CDP virtual authenticator,
 * and the emulator behind the service worker verifies both.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CreateRecoveryKey } from '../../src/components/CreateRecoveryKey';
import { englishMessages } from '../../src/messages/en';
import { expectStatusPath, registeredUser, renderKit, statusBecomes, statusHistory, useChromiumKit } from './browserKit';

const kit = useChromiumKit();
const ALICE = 'alice@example.com';
const FOUR = ['POST /auth/credentials/init', 'POST /auth/action/init', 'POST /auth/action', 'POST /auth/credentials'];
const PATH = ['idle', 'fetching-challenge', 'creating-key', 'signing-user-action', 'submitting', 'showing-recovery-kit', 'success'];
const { buttons } = englishMessages;

describe('<CreateRecoveryKey/> in Chromium', () => {
  it('creates a recovery key signed off with the passkey, shows the kit, and succeeds once it is saved', async () => {
    const emulator = kit.emulator();
    const alice = await registeredUser(emulator, ALICE);
    const token = await emulator.loginAs(ALICE);
    const onSuccess = vi.fn();
    const { container } = renderKit(<CreateRecoveryKey onSuccess={onSuccess} />, emulator, { token });
    const history = statusHistory(container, 'CreateRecoveryKey');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: buttons.addRecoveryKey }));
    await statusBecomes(container, 'CreateRecoveryKey', 'showing-recovery-kit');
    expect(kit.requests).toEqual(FOUR);
    const recoveryCode = container.querySelector('[data-field="recovery-code"] code')?.textContent ?? '';
    expect(recoveryCode).toMatch(/^D1-/);
    const recoveryKey = emulator.credentials(alice.userId).find((credential) => credential.kind === 'RecoveryKey');
    expect(recoveryKey?.isActive).toBe(true);
    expect(container.textContent).toContain(recoveryKey?.credentialId ?? 'a recovery key id');
    expect(onSuccess).not.toHaveBeenCalled();

    await user.click(screen.getByRole('checkbox', { name: buttons.savedKit }));
    await user.click(screen.getByRole('button', { name: buttons.continue }));
    await statusBecomes(container, 'CreateRecoveryKey', 'success');
    expectStatusPath(history(), PATH, ['idle', 'showing-recovery-kit', 'success']);
    expect(onSuccess).toHaveBeenCalledWith({ credential: expect.objectContaining({ kind: 'RecoveryKey', isActive: true }) });
    expect(container.innerHTML).not.toContain(recoveryCode);
  });

  it('shows passkey_cancelled when the signing prompt is not verified, and Retry signs for the same new key', async () => {
    const emulator = kit.emulator();
    const alice = await registeredUser(emulator, ALICE);
    const token = await emulator.loginAs(ALICE);
    const onError = vi.fn();
    const { container } = renderKit(<CreateRecoveryKey onError={onError} />, emulator, { token });
    await kit.setUserVerified(false);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: buttons.addRecoveryKey }));
    await statusBecomes(container, 'CreateRecoveryKey', 'error');
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('passkey_cancelled');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));
    expect(emulator.credentials(alice.userId).map((credential) => credential.kind)).toEqual(['Fido2']);

    await kit.setUserVerified(true);
    await user.click(within(alert).getByRole('button', { name: buttons.retry }));
    await statusBecomes(container, 'CreateRecoveryKey', 'showing-recovery-kit');
    expect(emulator.credentials(alice.userId).map((credential) => credential.kind).sort()).toEqual(['Fido2', 'RecoveryKey']);
  });
});
