/**
 * <ConfirmUserAction/> in real Chromium: the request is signed by the real @simplewebauthn/browser
 * on a CDP virtual authenticator, and the emulator behind the service worker runs it or, under a
 * policy, answers 202.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmUserAction } from '../../src/components/ConfirmUserAction';
import { englishMessages } from '../../src/messages/en';
import { expectStatusPath, registeredUser, renderKit, statusBecomes, statusHistory, useChromiumKit } from './browserKit';

const kit = useChromiumKit();
const ALICE = 'alice@example.com';
const WALLET = { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia', name: 'Treasury' } } as const;
const SIGNED = ['POST /auth/action/init', 'POST /auth/action', 'POST /wallets'];
const PATH = ['idle', 'fetching-challenge', 'awaiting-authenticator', 'submitting', 'success'];
const { buttons } = englishMessages;

describe('<ConfirmUserAction/> in Chromium', () => {
  it('creates a wallet once the user confirms with their passkey', async () => {
    const emulator = kit.emulator();
    await registeredUser(emulator, ALICE);
    const token = await emulator.loginAs(ALICE);
    const onSuccess = vi.fn();
    const { container } = renderKit(<ConfirmUserAction request={WALLET} onSuccess={onSuccess} />, emulator, { token });
    const history = statusHistory(container, 'ConfirmUserAction');
    expect(container.textContent).toContain('EthereumSepolia');
    // The challenge is fetched on mount; a user reads the request before clicking.
    await kit.answered('POST /auth/action/init');
    await userEvent.setup().click(screen.getByRole('button', { name: buttons.approve }));
    await statusBecomes(container, 'ConfirmUserAction', 'success');
    expectStatusPath(history(), PATH, ['idle', 'success']);
    expect(kit.requests).toEqual(SIGNED);
    const wallets = emulator.snapshot().wallets;
    expect(wallets).toHaveLength(1);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: wallets[0]?.['id'], network: 'EthereumSepolia' }));
    expect(screen.queryByRole('button', { name: buttons.approve })).toBeNull();
  });

  it('shows "awaiting approval" for a 202 and reports it as pending, not as an error', async () => {
    const emulator = kit.emulator();
    await registeredUser(emulator, ALICE);
    const token = await emulator.loginAs(ALICE);
    emulator.policies.requireApproval({ method: 'POST', path: '/wallets' });
    const onPending = vi.fn();
    const onError = vi.fn();
    const { container } = renderKit(<ConfirmUserAction request={WALLET} onPending={onPending} onError={onError} />, emulator, { token });
    await kit.answered('POST /auth/action/init');
    await userEvent.setup().click(screen.getByRole('button', { name: buttons.approve }));
    await statusBecomes(container, 'ConfirmUserAction', 'awaiting-approval');
    expect(kit.requests).toEqual(SIGNED);
    expect(onPending).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
    expect(container.querySelector('[data-result="pending"]')?.textContent).toBe(englishMessages.userAction.pendingApproval);
    expect(emulator.snapshot().wallets).toEqual([]);
  });

  it('sends one challenge request when the click comes while the prefetched challenge is on its way', async () => {
    const emulator = kit.emulator();
    await registeredUser(emulator, ALICE);
    const token = await emulator.loginAs(ALICE);
    emulator.faults.set({ path: '/auth/action/init', latencyMs: 300 });
    const { container } = renderKit(<ConfirmUserAction request={WALLET} />, emulator, { token });
    await waitFor(() => expect(kit.requests).toContain('POST /auth/action/init'));
    await userEvent.setup().click(screen.getByRole('button', { name: buttons.approve }));
    await statusBecomes(container, 'ConfirmUserAction', 'success');
    expect(kit.requests).toEqual(SIGNED);
  });

  it('shows passkey_cancelled when the user does not verify, and Retry creates the wallet once they do', async () => {
    const emulator = kit.emulator();
    await registeredUser(emulator, ALICE);
    const token = await emulator.loginAs(ALICE);
    const onError = vi.fn();
    const { container } = renderKit(<ConfirmUserAction request={WALLET} onError={onError} />, emulator, { token });
    // Inside act: the challenge prefetched on mount (and again after the error) lands meanwhile.
    await act(() => kit.setUserVerified(false));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: buttons.approve }));
    await statusBecomes(container, 'ConfirmUserAction', 'error');
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('passkey_cancelled');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));
    expect(emulator.snapshot().wallets).toEqual([]);

    await act(() => kit.setUserVerified(true));
    await user.click(within(alert).getByRole('button', { name: buttons.retry }));
    await statusBecomes(container, 'ConfirmUserAction', 'success');
    expect(emulator.snapshot().wallets).toHaveLength(1);
  });

  it('shows passkey_invalid_domain for a provider rp id this page cannot use', async () => {
    const emulator = kit.emulator();
    await registeredUser(emulator, ALICE);
    const token = await emulator.loginAs(ALICE);
    const { container } = renderKit(<ConfirmUserAction request={WALLET} />, emulator, { token, rp: { id: 'example.com', name: 'Wrong' } });
    await userEvent.setup().click(screen.getByRole('button', { name: buttons.approve }));
    await statusBecomes(container, 'ConfirmUserAction', 'error');
    expect(screen.getByRole('alert').getAttribute('data-code')).toBe('passkey_invalid_domain');
    expect(emulator.snapshot().wallets).toEqual([]);
  });
});
