/**
 * <LoginWithPasskey/> in real Chromium: passkeys on a CDP virtual authenticator, assertions made
 * by the real @simplewebauthn/browser and verified by the emulator behind the service worker.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { englishMessages } from '../../src/messages/en';
import { expectStatusPath, registeredUser, renderKit, statusBecomes, statusHistory, useChromiumKit } from './browserKit';

const kit = useChromiumKit();
const USERNAME = 'jane@example.com';
const INIT = 'POST /auth/login/init';
const LOGIN = 'POST /auth/login';
const PATH = ['idle', 'fetching-challenge', 'awaiting-authenticator', 'submitting', 'success'];
const { labels, buttons, errors } = englishMessages;

/** Whether this Chromium offers passkey autofill (conditional mediation) at all. */
const conditionalMediation = await PublicKeyCredential.isConditionalMediationAvailable();

describe('<LoginWithPasskey/> in Chromium', () => {
  it('logs in with a typed username and hands the token to onSuccess', async () => {
    const emulator = kit.emulator();
    const { userId } = await registeredUser(emulator, USERNAME);
    const onSuccess = vi.fn();
    const { container } = renderKit(<LoginWithPasskey autofill={false} onSuccess={onSuccess} />, emulator);
    const history = statusHistory(container, 'LoginWithPasskey');
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: labels.username }), USERNAME);
    await user.click(screen.getByRole('button', { name: buttons.continue }));
    await statusBecomes(container, 'LoginWithPasskey', 'success');
    expectStatusPath(history(), PATH, ['idle', 'success']);
    expect(kit.requests).toEqual([INIT, LOGIN]);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    const [result] = onSuccess.mock.calls[0] as [{ token: string }];
    expect(result.token).toEqual(expect.any(String));
    expect(container.innerHTML).not.toContain(result.token);
    // The focused success message is read out once; the status region stays quiet at success.
    await waitFor(() => expect(screen.getByText(englishMessages.success.signedIn).closest('.dfns-success')).toHaveFocus());
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    // The token is for the registered user: the emulator accepts it for their credential list.
    expect(emulator.users().find((u) => u.userId === userId)?.username).toBe(USERNAME);
  });

  it('logs in without a username: the browser finds the discoverable passkey', async () => {
    const emulator = kit.emulator();
    await registeredUser(emulator, USERNAME);
    const onSuccess = vi.fn();
    const { container } = renderKit(<LoginWithPasskey autofill={false} onSuccess={onSuccess} />, emulator);
    await userEvent.setup().click(screen.getByRole('button', { name: buttons.signInUsernameless }));
    await statusBecomes(container, 'LoginWithPasskey', 'success');
    expect(kit.requests).toEqual([INIT, LOGIN]);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ token: expect.any(String) }));
  });

  it.skipIf(!conditionalMediation)(
    'logs in through passkey autofill on the username field (skipped where Chromium has no conditional mediation)',
    async () => {
      const emulator = kit.emulator();
      await registeredUser(emulator, USERNAME);
      const onSuccess = vi.fn();
      const { container } = renderKit(<LoginWithPasskey onSuccess={onSuccess} />, emulator);
      const field = screen.getByRole('textbox', { name: labels.username });
      await waitFor(() => expect(field.getAttribute('autocomplete')).toBe('username webauthn'));
      await userEvent.setup().click(field);
      await statusBecomes(container, 'LoginWithPasskey', 'success');
      expect(kit.requests).toEqual([INIT, LOGIN]);
      expect(onSuccess).toHaveBeenCalledTimes(1);
    },
  );

  it('shows passkey_cancelled when the user does not verify, and Retry logs in once they do', async () => {
    const emulator = kit.emulator();
    await registeredUser(emulator, USERNAME);
    const onError = vi.fn();
    const onSuccess = vi.fn();
    const { container } = renderKit(
      <LoginWithPasskey username={USERNAME} onError={onError} onSuccess={onSuccess} />,
      emulator,
    );
    await kit.setUserVerified(false);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: buttons.signIn }));
    await statusBecomes(container, 'LoginWithPasskey', 'error');
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('passkey_cancelled');
    expect(alert.textContent).toContain(errors.passkey_cancelled);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));

    await kit.setUserVerified(true);
    await user.click(within(alert).getByRole('button', { name: buttons.retry }));
    await statusBecomes(container, 'LoginWithPasskey', 'success');
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(kit.requests.filter((line) => line === LOGIN)).toEqual([LOGIN]);
  });

  it('shows passkey_invalid_domain for a provider rp id this page cannot use', async () => {
    const emulator = kit.emulator();
    await registeredUser(emulator, USERNAME);
    const { container } = renderKit(<LoginWithPasskey username={USERNAME} />, emulator, { rp: { id: 'example.com', name: 'Wrong' } });
    await userEvent.setup().click(screen.getByRole('button', { name: buttons.signIn }));
    await statusBecomes(container, 'LoginWithPasskey', 'error');
    expect(screen.getByRole('alert').getAttribute('data-code')).toBe('passkey_invalid_domain');
    expect(kit.requests).toEqual([INIT]);
  });
});
