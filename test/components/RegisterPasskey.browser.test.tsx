/**
 * <RegisterPasskey/> in real Chromium: the real @simplewebauthn/browser (no `authenticator` prop)
 * creates passkeys on a CDP virtual authenticator, and the emulator behind the page's service
 * worker verifies them as Dfns would.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { englishMessages } from '../../src/messages/en';
import { BASE_URL, expectStatusPath, renderKit, statusBecomes, statusHistory, useChromiumKit } from './browserKit';

const kit = useChromiumKit();
const USERNAME = 'jane@example.com';
const INIT = 'POST /auth/registration/init';
const COMPLETE = 'POST /auth/registration';
const { labels, buttons, errors } = englishMessages;
const PATH = ['idle', 'fetching-challenge', 'awaiting-authenticator', 'submitting', 'showing-recovery-kit'];

/** Types the username and registration code and submits. */
async function fillAndSubmit(registrationCode: string) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: labels.username }), USERNAME);
  await user.type(screen.getByRole('textbox', { name: labels.registrationCode }), registrationCode);
  await user.click(screen.getByRole('button', { name: buttons.register }));
  return user;
}

/** Ticks "I have saved it" and continues past the recovery kit. */
async function saveKit(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('checkbox', { name: buttons.savedKit }));
  await user.click(screen.getByRole('button', { name: buttons.continue }));
}

describe('<RegisterPasskey/> in Chromium', () => {
  it('creates a real passkey and a recovery key, shows the kit, and succeeds once the user confirms it', async () => {
    const emulator = kit.emulator();
    const { registrationCode, user: invited } = emulator.createUser({ username: USERNAME });
    const onSuccess = vi.fn();
    const { container } = renderKit(<RegisterPasskey onSuccess={onSuccess} />, emulator);
    const history = statusHistory(container, 'RegisterPasskey');

    const user = await fillAndSubmit(registrationCode);
    await statusBecomes(container, 'RegisterPasskey', 'showing-recovery-kit');
    expect(kit.requests).toEqual([INIT, COMPLETE]);
    const recoveryCode = container.querySelector('[data-field="recovery-code"] code')?.textContent ?? '';
    expect(recoveryCode).toMatch(/^D1-[A-Z2-9]{6}(-[A-Z2-9]{5}){4}-[A-Z2-9]{6}$/);
    expect(container.textContent).toContain(BASE_URL);
    expect(onSuccess).not.toHaveBeenCalled();

    await saveKit(user);
    await statusBecomes(container, 'RegisterPasskey', 'success');
    expectStatusPath(history(), [...PATH, 'success'], ['idle', 'showing-recovery-kit', 'success']);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith({ user: { id: invited.userId, username: USERNAME, orgId: emulator.orgId } });
    // The passkey the emulator stored is the one on the virtual authenticator, made by this page.
    const stored = await kit.storedCredentials();
    expect(stored).toHaveLength(1);
    const fido2 = emulator.credentials(invited.userId).find((credential) => credential.kind === 'Fido2');
    expect(fido2?.['origin']).toBe(location.origin);
    expect(emulator.credentials(invited.userId).map((credential) => credential.kind).sort()).toEqual(['Fido2', 'RecoveryKey']);
    expect(container.innerHTML).not.toContain(recoveryCode);
  });

  it('registers an end user with a wallet and hands back a login token (mode="endUser")', async () => {
    const emulator = kit.emulator();
    const { registrationCode } = emulator.createUser({ username: USERNAME, kind: 'EndUser' });
    const onSuccess = vi.fn();
    const { container } = renderKit(
      <RegisterPasskey mode="endUser" username={USERNAME} registrationCode={registrationCode} recoveryKey={false} onSuccess={onSuccess} />,
      emulator,
    );
    expect(screen.queryByRole('textbox')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: buttons.register }));
    await statusBecomes(container, 'RegisterPasskey', 'success');
    expect(kit.requests).toEqual([INIT, 'POST /auth/registration/enduser']);
    const [result] = onSuccess.mock.calls[0] as [{ token: string; wallets: { network: string }[] }];
    expect(result).toMatchObject({ user: { username: USERNAME }, token: expect.any(String) });
    expect(result.wallets).toEqual([expect.objectContaining({ network: 'EthereumSepolia' })]);
    expect(container.innerHTML).not.toContain(result.token);
  });

  it('logs in with the new passkey after the kit (autoLogin), so onSuccess gets a token', async () => {
    const emulator = kit.emulator();
    const { registrationCode } = emulator.createUser({ username: USERNAME });
    const onSuccess = vi.fn();
    const { container } = renderKit(<RegisterPasskey autoLogin onSuccess={onSuccess} />, emulator);
    const history = statusHistory(container, 'RegisterPasskey');
    const user = await fillAndSubmit(registrationCode);
    await statusBecomes(container, 'RegisterPasskey', 'showing-recovery-kit');
    await saveKit(user);
    await statusBecomes(container, 'RegisterPasskey', 'success');
    expectStatusPath(history(), [...PATH, 'logging-in', 'success'], ['idle', 'showing-recovery-kit', 'logging-in', 'success']);
    expect(kit.requests).toEqual([INIT, COMPLETE, 'POST /auth/login/init', 'POST /auth/login']);
    expect(onSuccess).toHaveBeenCalledWith({ user: expect.objectContaining({ username: USERNAME }), token: expect.any(String) });
  });

  it('shows passkey_cancelled when the user does not verify, and Retry works once they do', async () => {
    const emulator = kit.emulator();
    // A person refusing: on an organisation that asks for any authenticator, because the virtual
    // authenticator refuses within 1 ms, which under a platform request reads as no platform
    // authenticator (PlatformUnavailable.browser.test.tsx), as no person could be that quick.
    emulator.setPasskeySettings({ authenticatorAttachment: null });
    const { registrationCode } = emulator.createUser({ username: USERNAME });
    const onError = vi.fn();
    const { container } = renderKit(<RegisterPasskey recoveryKey={false} onError={onError} />, emulator);
    await kit.setUserVerified(false);
    const user = await fillAndSubmit(registrationCode);
    await statusBecomes(container, 'RegisterPasskey', 'error');
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('passkey_cancelled');
    expect(alert.textContent).toContain(errors.passkey_cancelled);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));
    expect(emulator.credentials().filter((credential) => credential.kind === 'Fido2')).toEqual([]);

    await kit.setUserVerified(true);
    await user.click(within(alert).getByRole('button', { name: buttons.retry }));
    await statusBecomes(container, 'RegisterPasskey', 'success');
    expect(kit.requests).toEqual([INIT, INIT, COMPLETE]);
  });

  it('shows passkey_invalid_domain when the provider names an rp id this page cannot use', async () => {
    const emulator = kit.emulator();
    const { registrationCode } = emulator.createUser({ username: USERNAME });
    const onError = vi.fn();
    const { container } = renderKit(<RegisterPasskey recoveryKey={false} onError={onError} />, emulator, {
      rp: { id: 'example.com', name: 'Wrong' },
    });
    await fillAndSubmit(registrationCode);
    await statusBecomes(container, 'RegisterPasskey', 'error');
    expect(screen.getByRole('alert').getAttribute('data-code')).toBe('passkey_invalid_domain');
    const [error] = onError.mock.calls[0] as [Error];
    // The developer message names both sides of the mismatch.
    expect(error.message).toContain('example.com');
    expect(error.message).toContain(location.origin);
    expect(await kit.storedCredentials()).toEqual([]);
  });
});
