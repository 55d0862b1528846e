/**
 * <CredentialList/> in real Chromium: each activate and deactivate is a user action signed by the
 * real @simplewebauthn/browser on a CDP virtual authenticator and verified by the emulator.
 */
import kitCss from '../../src/styles.css?raw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CredentialList } from '../../src/components/CredentialList';
import { englishMessages } from '../../src/messages/en';
import { registeredUser, renderKit, statusBecomes, useChromiumKit } from './browserKit';

const kit = useChromiumKit();
const ALICE = 'alice@example.com';
const { buttons, credentialList: copy } = englishMessages;

/** The list row of Alice's recovery key. */
function recoveryRow(container: HTMLElement): HTMLElement {
  const row = container.querySelector<HTMLElement>('li[data-kind="RecoveryKey"]');
  if (!row) throw new Error('no recovery key row');
  return row;
}

/** The name shown in the recovery key's row. */
function recoveryName(container: HTMLElement): string {
  return recoveryRow(container).querySelector('.dfns-credential-name')?.textContent ?? '';
}

describe('<CredentialList/> in Chromium', () => {
  it('deactivates the recovery key and activates it again, each signed with the passkey', async () => {
    const emulator = kit.emulator();
    const alice = await registeredUser(emulator, ALICE, { recoveryKey: true });
    const token = await emulator.loginAs(ALICE);
    const onChange = vi.fn();
    const { container } = renderKit(<CredentialList onChange={onChange} />, emulator, { token });
    await statusBecomes(container, 'CredentialList', 'ready');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    const user = userEvent.setup();

    await user.click(within(recoveryRow(container)).getByRole('button', { name: buttons.deactivate }));
    expect(within(recoveryRow(container)).getByText(copy.deactivateRecoveryKeyConfirm({ name: recoveryName(container) }))).toBeTruthy();
    // The question prefetches the challenge; the user reads it before confirming.
    await kit.answered('POST /auth/action/init');
    await user.click(within(recoveryRow(container)).getByRole('button', { name: copy.confirmDeactivate }));
    await waitFor(() => expect(recoveryRow(container).getAttribute('data-active')).toBe('false'), { timeout: 8000 });
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ isActive: false })));
    expect(within(recoveryRow(container)).getByText(copy.inactive)).toBeTruthy();
    const isActive = () => emulator.credentials(alice.userId).find((credential) => credential.kind === 'RecoveryKey')?.isActive;
    expect(isActive()).toBe(false);

    await user.click(within(recoveryRow(container)).getByRole('button', { name: buttons.activate }));
    await waitFor(() => expect(recoveryRow(container).getAttribute('data-active')).toBe('true'), { timeout: 8000 });
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ isActive: true }));
    expect(isActive()).toBe(true);
    expect(kit.requests).toEqual([
      'GET /auth/credentials',
      'POST /auth/action/init',
      'POST /auth/action',
      'PUT /auth/credentials/deactivate',
      'GET /auth/credentials',
      'POST /auth/action/init',
      'POST /auth/action',
      'PUT /auth/credentials/activate',
      'GET /auth/credentials',
    ]);
  });

  it('shows passkey_cancelled in the row when the user does not verify, and Retry deactivates once they do', async () => {
    const emulator = kit.emulator();
    await registeredUser(emulator, ALICE, { recoveryKey: true });
    const token = await emulator.loginAs(ALICE);
    const onError = vi.fn();
    const { container } = renderKit(<CredentialList onError={onError} />, emulator, { token });
    await statusBecomes(container, 'CredentialList', 'ready');
    await kit.setUserVerified(false);
    const user = userEvent.setup();
    await user.click(within(recoveryRow(container)).getByRole('button', { name: buttons.deactivate }));
    await user.click(within(recoveryRow(container)).getByRole('button', { name: copy.confirmDeactivate }));
    const alert = await within(recoveryRow(container)).findByRole('alert', {}, { timeout: 8000 });
    expect(alert.getAttribute('data-code')).toBe('passkey_cancelled');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));

    await kit.setUserVerified(true);
    await user.click(within(alert).getByRole('button', { name: buttons.retry }));
    await waitFor(() => expect(recoveryRow(container).getAttribute('data-active')).toBe('false'), { timeout: 8000 });
  });

  it('keeps the row button as wide while it is busy, so the row does not jump', async () => {
    // The kit's sheet for this test only: the other tests here do not depend on its layout.
    const sheet = document.head.appendChild(document.createElement('style'));
    sheet.textContent = kitCss;
    try {
      const emulator = kit.emulator();
      await registeredUser(emulator, ALICE, { recoveryKey: true });
      const token = await emulator.loginAs(ALICE);
      const { container } = renderKit(<CredentialList />, emulator, { token });
      await statusBecomes(container, 'CredentialList', 'ready');
      const button = () => within(recoveryRow(container)).getByRole('button', { name: buttons.deactivate });
      const idle = button().getBoundingClientRect();
      // No touch: the passkey prompt stays open, and the button busy, while we measure.
      await kit.setPresence(false);
      const user = userEvent.setup();
      await user.click(button());
      await user.click(within(recoveryRow(container)).getByRole('button', { name: copy.confirmDeactivate }));
      await waitFor(() => expect(button().getAttribute('aria-busy')).toBe('true'), { timeout: 8000 });
      const busy = button().getBoundingClientRect();
      expect(busy.width).toBe(idle.width);
      expect(busy.height).toBe(idle.height);
    } finally {
      sheet.remove();
    }
  });
});
