import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import type { DfnsEmulator } from '../../src/emulator/index';
import { englishMessages } from '../../src/messages/en';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createFakeAuthenticator } from '../../src/testing/index';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import {
  axeViolations,
  BASE,
  createTestServer,
  persistedText,
  recording,
  registeredUser,
  renderKit,
  RP,
  softwareAuthenticator,
} from './passkeyFlowHarness';

const { server, requests, timeline, bodies, responses, useEmulator } = createTestServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
  delete (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential;
});
afterAll(() => server.close());

const root = (container: HTMLElement) => container.querySelector('.dfns-LoginWithPasskey') as HTMLElement;
const INIT = 'POST /auth/login/init';
const COMPLETE = 'POST /auth/login';

/** An emulator with jane registered on a software authenticator, which the page then uses. */
async function withJane() {
  const emulator = useEmulator();
  const device = softwareAuthenticator();
  await registeredUser(emulator, 'jane@example.com', device);
  return { emulator, device };
}

/** Makes the browser report passkey autofill support, as Chrome and Safari do. */
function supportConditionalMediation() {
  (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential = Object.assign(function PublicKeyCredential() {}, {
    isConditionalMediationAvailable: async () => true,
  });
}

/** An authenticator whose conditional requests wait (as a browser does until the user picks) and whose modal ones use `device`. */
function waitingAutofill(device: PasskeyAuthenticator): PasskeyAuthenticator {
  const waiting = createFakeAuthenticator({ get: 'hang' });
  return {
    create: (options, call) => device.create(options, call),
    get: (options, call = {}) => (call.mediation === 'conditional' ? waiting.get(options, call) : device.get(options, call)),
  };
}

/**
 * Conditional requests wait until the test "picks" the passkey (the latest one, through `device`)
 * and reject when aborted, as a browser does; modal requests go to `modal`.
 */
function pickableAutofill(device: PasskeyAuthenticator, modal: PasskeyAuthenticator) {
  const picks: (() => void)[] = [];
  const authenticator: PasskeyAuthenticator = {
    create: (options, call) => device.create(options, call),
    get: (options, call = {}) => {
      if (call.mediation !== 'conditional') return modal.get(options, call);
      return new Promise((resolve, reject) => {
        call.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
        picks.push(() => void device.get(options, call).then(resolve, reject));
      });
    },
  };
  return { authenticator, pickLatest: () => picks.at(-1)!() };
}

describe('<LoginWithPasskey/>', () => {
  it('logs in with a typed username in exactly two requests and hands the token to onSuccess only', async () => {
    const { emulator, device } = await withJane();
    const onSuccess = vi.fn();
    const { container, queryClient } = renderKit(<LoginWithPasskey onSuccess={onSuccess} />, { emulator, authenticator: device });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: englishMessages.labels.username }), 'jane@example.com');
    await user.click(screen.getByRole('button', { name: englishMessages.buttons.continue }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(onSuccess).toHaveBeenCalledTimes(1);
    const [{ token, username }] = onSuccess.mock.calls[0] as [{ token: string; username: string }];
    expect(username).toBe('jane@example.com');
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(requests).toEqual([INIT, COMPLETE]);
    // Said once: by the focused success message, not again by the live region.
    expect(screen.getByText(englishMessages.success.signedIn).closest('.dfns-success')).toHaveFocus();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(container.textContent?.split(englishMessages.status.loginWithPasskey.success)).toHaveLength(2);
    expect(container.innerHTML).not.toContain(token);
    expect(persistedText(queryClient)).not.toContain(token);
  });

  it('signs in without a username through "Choose a saved passkey" (discoverable credential)', async () => {
    const { emulator, device } = await withJane();
    const onSuccess = vi.fn();
    const { container } = renderKit(<LoginWithPasskey onSuccess={onSuccess} />, { emulator, authenticator: device });
    await userEvent.setup().click(screen.getByRole('button', { name: englishMessages.buttons.signInUsernameless }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(onSuccess).toHaveBeenCalledWith({ token: expect.any(String) });
    expect(requests).toEqual([INIT, COMPLETE]);
    expect(bodies[0]).toEqual({ orgId: emulator.orgId });
  });

  it('uses a username given as a prop without rendering a field', async () => {
    const { emulator, device } = await withJane();
    const onSuccess = vi.fn();
    const { container } = renderKit(<LoginWithPasskey username="jane@example.com" onSuccess={onSuccess} />, { emulator, authenticator: device });
    expect(screen.queryByRole('textbox')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: englishMessages.buttons.signIn }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(onSuccess).toHaveBeenCalledWith({ token: expect.any(String), username: 'jane@example.com' });
    expect(bodies[0]).toEqual({ orgId: emulator.orgId, username: 'jane@example.com' });
  });

  it('opens the passkey prompt inside the click, with no request in between, once the challenge was prefetched on hover', async () => {
    const { emulator, device } = await withJane();
    const authenticator = recording(device, timeline);
    const { container } = renderKit(<LoginWithPasskey username="jane@example.com" />, { emulator, authenticator });
    const button = screen.getByRole('button', { name: englishMessages.buttons.signIn });
    await userEvent.setup().hover(button);
    await waitFor(() => expect(responses).toEqual([INIT]));
    await act(async () => {});
    const beforeClick = timeline.length;
    fireEvent.click(button);
    // Synchronously inside the click handler: the browser still sees the user activation.
    expect(authenticator.log.get).toHaveLength(1);
    expect(timeline.slice(beforeClick)).toEqual(['get']);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(requests).toEqual([INIT, COMPLETE]);
  });

  it('prefetches for the typed username when the field loses focus', async () => {
    const { emulator, device } = await withJane();
    const authenticator = recording(device, timeline);
    const { container } = renderKit(<LoginWithPasskey usernameless={false} />, { emulator, authenticator });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: englishMessages.labels.username }), 'jane@example.com');
    await user.tab();
    await waitFor(() => expect(responses).toEqual([INIT]));
    await act(async () => {});
    const beforeSubmit = timeline.length;
    fireEvent.click(screen.getByRole('button', { name: englishMessages.buttons.continue }));
    expect(timeline.slice(beforeSubmit)).toEqual(['get']);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(requests).toEqual([INIT, COMPLETE]);
    expect(bodies[0]).toEqual({ orgId: emulator.orgId, username: 'jane@example.com' });
  });

  it('discards a prefetched challenge older than four minutes and fetches a fresh one', async () => {
    const { emulator, device } = await withJane();
    const { container } = renderKit(<LoginWithPasskey username="jane@example.com" />, { emulator, authenticator: device });
    const button = screen.getByRole('button', { name: englishMessages.buttons.signIn });
    await userEvent.setup().hover(button);
    await waitFor(() => expect(responses).toEqual([INIT]));
    await act(async () => {});
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 5 * 60_000);
    fireEvent.click(button);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(requests).toEqual([INIT, INIT, COMPLETE]);
  });

  it('does not send the prefetch twice when the click comes while it is still in flight', async () => {
    const { emulator, device } = await withJane();
    emulator.faults.set({ path: '/auth/login/init', latencyMs: 50, times: 1 });
    const { container } = renderKit(<LoginWithPasskey username="jane@example.com" />, { emulator, authenticator: device });
    const button = screen.getByRole('button', { name: englishMessages.buttons.signIn });
    fireEvent.pointerEnter(button);
    fireEvent.click(button);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(requests).toEqual([INIT, COMPLETE]);
  });

  describe('passkey autofill', () => {
    it('marks the username field for autofill and logs in when the user picks a passkey, with one init under StrictMode', async () => {
      supportConditionalMediation();
      const { emulator, device } = await withJane();
      const authenticator = recording(device, timeline);
      const onSuccess = vi.fn();
      const { container } = renderKit(<LoginWithPasskey onSuccess={onSuccess} />, { emulator, authenticator });
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(authenticator.log.get.map((call) => call.mediation)).toEqual(['conditional']);
      expect(requests).toEqual([INIT, COMPLETE]);
      expect(bodies[0]).toEqual({ orgId: emulator.orgId });
      expect(onSuccess).toHaveBeenCalledWith({ token: expect.any(String) });
    });

    it('offers autocomplete="username webauthn" while waiting for the user to pick', async () => {
      supportConditionalMediation();
      const { emulator, device } = await withJane();
      renderKit(<LoginWithPasskey />, { emulator, authenticator: waitingAutofill(device) });
      const field = screen.getByRole('textbox', { name: englishMessages.labels.username });
      await waitFor(() => expect(field).toHaveAttribute('autocomplete', 'username webauthn'));
      await waitFor(() => expect(requests).toEqual([INIT]));
    });

    it('aborts the autofill request when the user clicks, and reuses its unsigned challenge for a usernameless prompt', async () => {
      supportConditionalMediation();
      const { emulator, device } = await withJane();
      const authenticator = recording(waitingAutofill(device), timeline);
      const { container } = renderKit(<LoginWithPasskey />, { emulator, authenticator });
      await waitFor(() => expect(authenticator.log.get).toHaveLength(1));
      const beforeClick = timeline.length;
      fireEvent.click(screen.getByRole('button', { name: englishMessages.buttons.signInUsernameless }));
      expect(authenticator.log.get[0]!.signal!.aborted).toBe(true);
      expect(timeline.slice(beforeClick)).toEqual(['get']);
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(requests).toEqual([INIT, COMPLETE]);
    });

    it('aborts the autofill request on unmount', async () => {
      supportConditionalMediation();
      const { emulator, device } = await withJane();
      const authenticator = recording(waitingAutofill(device));
      const { unmount } = renderKit(<LoginWithPasskey />, { emulator, authenticator });
      await waitFor(() => expect(authenticator.log.get).toHaveLength(1));
      unmount();
      expect(authenticator.log.get[0]!.signal!.aborted).toBe(true);
    });

    it('offers autofill again after a cancelled button prompt, with one more init, and keeps that offer through Back', async () => {
      supportConditionalMediation();
      const { emulator, device } = await withJane();
      const autofill = pickableAutofill(device, createFakeAuthenticator({ get: 'cancel', authenticator: device }));
      const authenticator = recording(autofill.authenticator);
      const onSuccess = vi.fn();
      const { container } = renderKit(<LoginWithPasskey onSuccess={onSuccess} />, { emulator, authenticator });
      await waitFor(() => expect(authenticator.log.get).toHaveLength(1));
      // A bare click (no hover, so no prefetch): the button takes the offer's unsigned challenge.
      fireEvent.click(screen.getByRole('button', { name: englishMessages.buttons.signInUsernameless }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(englishMessages.errors.passkey_cancelled);

      await waitFor(() => expect(authenticator.log.get).toHaveLength(3));
      expect(authenticator.log.get.map((call) => call.mediation)).toEqual(['conditional', undefined, 'conditional']);
      expect(authenticator.log.get[0]!.signal!.aborted).toBe(true);
      expect(authenticator.log.get[2]!.signal!.aborted).toBe(false);
      // The button reused the first offer's challenge; the new offer fetched exactly one.
      expect(requests).toEqual([INIT, INIT]);

      await userEvent.setup().click(within(alert).getByRole('button', { name: englishMessages.buttons.back }));
      expect(root(container)).toHaveAttribute('data-status', 'idle');
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
      expect(authenticator.log.get).toHaveLength(3);
      expect(authenticator.log.get[2]!.signal!.aborted).toBe(false);
      expect(requests).toEqual([INIT, INIT]);

      act(() => autofill.pickLatest());
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(requests).toEqual([INIT, INIT, COMPLETE]);
      expect(onSuccess).toHaveBeenCalledWith({ token: expect.any(String) });
    });

    it('offers autofill again after a failed username login, and a pick from it replaces the error with a login', async () => {
      supportConditionalMediation();
      const { emulator, device } = await withJane();
      emulator.faults.set({ path: '/auth/login', method: 'POST', status: 500, times: 1 });
      const autofill = pickableAutofill(device, device);
      const authenticator = recording(autofill.authenticator);
      const onSuccess = vi.fn();
      const { container } = renderKit(<LoginWithPasskey onSuccess={onSuccess} />, { emulator, authenticator });
      await waitFor(() => expect(authenticator.log.get).toHaveLength(1));
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: englishMessages.labels.username }), 'jane@example.com');
      await user.click(screen.getByRole('button', { name: englishMessages.buttons.continue }));
      await screen.findByRole('alert');
      await waitFor(() => expect(authenticator.log.get).toHaveLength(3));
      expect(authenticator.log.get.map((call) => call.mediation)).toEqual(['conditional', undefined, 'conditional']);
      expect(requests).toEqual([INIT, INIT, COMPLETE, INIT]);

      act(() => autofill.pickLatest());
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(requests).toEqual([INIT, INIT, COMPLETE, INIT, COMPLETE]);
      expect(onSuccess).toHaveBeenCalledTimes(1);
      expect(onSuccess).toHaveBeenCalledWith({ token: expect.any(String) });
    });

    it('aborts the restarted autofill request on unmount', async () => {
      supportConditionalMediation();
      const { emulator, device } = await withJane();
      const autofill = pickableAutofill(device, createFakeAuthenticator({ get: 'cancel', authenticator: device }));
      const authenticator = recording(autofill.authenticator);
      const { unmount } = renderKit(<LoginWithPasskey />, { emulator, authenticator });
      await waitFor(() => expect(authenticator.log.get).toHaveLength(1));
      fireEvent.click(screen.getByRole('button', { name: englishMessages.buttons.signInUsernameless }));
      await waitFor(() => expect(authenticator.log.get).toHaveLength(3));
      unmount();
      expect(authenticator.log.get[2]!.signal!.aborted).toBe(true);
    });

    it('starts no autofill when the username is a prop', async () => {
      supportConditionalMediation();
      const { emulator, device } = await withJane();
      renderKit(<LoginWithPasskey username="jane@example.com" />, { emulator, authenticator: device });
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
      expect(requests).toEqual([]);
    });
  });

  describe('errors', () => {
    const cases: {
      name: string;
      code: keyof typeof englishMessages.errors;
      get?: Parameters<typeof createFakeAuthenticator>[0];
      fault?: (emulator: DfnsEmulator) => void;
      username?: string;
      /** Requests of the failed attempt, before Retry. */
      failed: string[];
      /** The way on the alert offers: Try again, Back to the form, or nothing (only the site's owner can fix it). */
      then: 'retry' | 'back' | 'none';
    }[] = [
      { name: 'a cancelled prompt', code: 'passkey_cancelled', get: { get: ['cancel', 'succeed'] }, failed: [INIT], then: 'retry' },
      { name: 'an rp id the page may not use', code: 'passkey_invalid_domain', get: { get: ['invalid-domain', 'succeed'] }, failed: [INIT], then: 'none' },
      { name: 'a browser without passkeys', code: 'webauthn_unsupported', get: { get: ['unsupported', 'succeed'] }, failed: [INIT], then: 'none' },
      {
        then: 'retry',
        name: 'a 500 from login init',
        code: 'server_error',
        fault: (emulator) => emulator.faults.set({ path: '/auth/login/init', status: 500, times: 1 }),
        failed: [INIT],
      },
      {
        then: 'retry',
        name: 'a dropped connection',
        code: 'network_error',
        fault: (emulator) => emulator.faults.set({ path: '/auth/login/init', drop: true, times: 1 }),
        failed: [INIT],
      },
      {
        then: 'back',
        name: 'a malformed 200',
        code: 'invalid_response',
        fault: (emulator) => emulator.faults.set({ path: '/auth/login/init', status: 200, body: '{"challenge":1}', times: 1 }),
        failed: [INIT],
      },
      {
        then: 'back',
        name: 'a 401 from login completion',
        code: 'unauthorized',
        fault: (emulator) => emulator.faults.set({ path: '/auth/login', method: 'POST', status: 401, times: 1 }),
        failed: [INIT, COMPLETE],
      },
      {
        then: 'none',
        name: 'an SSO-only user',
        code: 'sso_required',
        fault: (emulator) =>
          emulator.faults.set({ path: '/auth/login', method: 'POST', status: 200, body: '{"ssoClientId":"cl-sso-1"}', times: 1 }),
        failed: [INIT, COMPLETE],
      },
    ];

    it.each(cases)('shows the catalogue title and message for $name, offers $then, and that way logs in with a fresh challenge', async ({ code, get, fault, failed, then }) => {
      const { emulator, device } = await withJane();
      fault?.(emulator);
      const authenticator = get ? createFakeAuthenticator({ ...get, authenticator: device }) : device;
      const onError = vi.fn();
      const onSuccess = vi.fn();
      const { container } = renderKit(<LoginWithPasskey username="jane@example.com" onError={onError} onSuccess={onSuccess} />, {
        emulator,
        authenticator,
      });
      const user = userEvent.setup();
      // A bare click, without the hover that would prefetch: this is about the click's own requests.
      fireEvent.click(screen.getByRole('button', { name: englishMessages.buttons.signIn }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(englishMessages.errors[code]);
      expect(alert).toHaveAttribute('data-code', code);
      expect(alert).toHaveFocus();
      expect(root(container)).toHaveAttribute('data-status', 'error');
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]![0]).toMatchObject({ code });
      expect(requests).toEqual(failed);
      expect(alert.textContent).toContain(englishMessages.errorTitles[code]);
      // Said once: the status line does not repeat the alert.
      expect(screen.getByRole('status')).toBeEmptyDOMElement();
      const offered = [...alert.querySelectorAll('.dfns-actions button')].map((button) => button.textContent);
      const { retry, back, signIn } = englishMessages.buttons;
      expect(offered).toEqual({ retry: [retry, back], back: [back], none: [] }[then]);
      if (then === 'none') return;
      if (then === 'retry') await user.click(within(alert).getByRole('button', { name: retry }));
      else {
        await user.click(within(alert).getByRole('button', { name: back }));
        await user.click(screen.getByRole('button', { name: signIn }));
      }
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(requests).toEqual([...failed, INIT, COMPLETE]);
      expect(onSuccess).toHaveBeenCalledTimes(1);
    });

    it('does not show a failed prefetch: the click fetches again and logs in', async () => {
      const { emulator, device } = await withJane();
      emulator.faults.set({ path: '/auth/login/init', status: 500, times: 1 });
      const onError = vi.fn();
      const { container } = renderKit(<LoginWithPasskey username="jane@example.com" onError={onError} />, { emulator, authenticator: device });
      const button = screen.getByRole('button', { name: englishMessages.buttons.signIn });
      await userEvent.setup().hover(button);
      await waitFor(() => expect(responses).toEqual([INIT]));
      await act(async () => {});
      expect(screen.queryByRole('alert')).toBeNull();
      fireEvent.click(button);
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(requests).toEqual([INIT, INIT, COMPLETE]);
      expect(onError).not.toHaveBeenCalled();
    });

    it('offers Continue after a refused gesture and reuses the challenge without a new request', async () => {
      const { emulator, device } = await withJane();
      let calls = 0;
      const authenticator: PasskeyAuthenticator = {
        create: (options, call) => device.create(options, call),
        get: (options, call) => {
          calls += 1;
          if (calls === 1) return Promise.reject(new DOMException('The request is not allowed without transient activation.', 'NotAllowedError'));
          return device.get(options, call);
        },
      };
      const { container } = renderKit(<LoginWithPasskey username="jane@example.com" />, { emulator, authenticator });
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: englishMessages.buttons.signIn }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(englishMessages.errors.passkey_no_user_gesture);
      await user.click(within(alert).getByRole('button', { name: englishMessages.buttons.continue }));
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(requests).toEqual([INIT, COMPLETE]);
    });

    it('goes back to the form on Back and moves focus into it', async () => {
      const { emulator, device } = await withJane();
      const authenticator = createFakeAuthenticator({ get: 'cancel', authenticator: device });
      renderKit(<LoginWithPasskey />, { emulator, authenticator });
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: englishMessages.labels.username }), 'jane@example.com');
      await user.click(screen.getByRole('button', { name: englishMessages.buttons.continue }));
      const alert = await screen.findByRole('alert');
      await user.click(within(alert).getByRole('button', { name: englishMessages.buttons.back }));
      expect(screen.getByRole('textbox', { name: englishMessages.labels.username })).toHaveFocus();
    });

    it('shows Cancel only when the app passes onCancel; Cancel stops the sign-in and calls it', async () => {
      const { emulator, device } = await withJane();
      const authenticator = createFakeAuthenticator({ get: 'hang', authenticator: device });
      const first = renderKit(<LoginWithPasskey />, { emulator, authenticator });
      expect(screen.queryByRole('button', { name: englishMessages.buttons.cancel })).toBeNull();
      first.unmount();
      const onCancel = vi.fn();
      const { container } = renderKit(<LoginWithPasskey username="jane@example.com" onCancel={onCancel} />, { emulator, authenticator });
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: englishMessages.buttons.signIn }));
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'awaiting-authenticator'));
      await user.click(screen.getByRole('button', { name: englishMessages.buttons.cancel }));
      expect(onCancel).toHaveBeenCalledTimes(1);
      expect(root(container)).toHaveAttribute('data-status', 'idle');
    });

    it('puts “or” between the username path and the passkey picker, and one spinner on the pressed button only', async () => {
      const { emulator, device } = await withJane();
      const authenticator = createFakeAuthenticator({ get: 'hang', authenticator: device });
      const { container } = renderKit(<LoginWithPasskey />, { emulator, authenticator });
      expect(screen.getByRole('separator', { name: englishMessages.labels.or })).toBeInTheDocument();
      const picker = screen.getByRole('button', { name: englishMessages.buttons.signInUsernameless });
      const form = screen.getByRole('button', { name: englishMessages.buttons.continue });
      expect(picker.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
      await userEvent.setup().click(picker);
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'awaiting-authenticator'));
      expect(container.querySelectorAll('[aria-busy="true"]')).toHaveLength(1);
      expect(picker).toHaveAttribute('aria-busy', 'true');
      expect(form).toHaveAttribute('aria-disabled', 'true');
    });
  });

  it('aborts a hanging prompt on unmount without a state update warning', async () => {
    const { emulator, device } = await withJane();
    const authenticator = recording(createFakeAuthenticator({ get: 'hang', authenticator: device }));
    const consoleError = vi.spyOn(console, 'error');
    const { container, unmount } = renderKit(<LoginWithPasskey username="jane@example.com" />, { emulator, authenticator });
    await userEvent.setup().click(screen.getByRole('button', { name: englishMessages.buttons.signIn }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'awaiting-authenticator'));
    unmount();
    expect(authenticator.log.get[0]!.signal!.aborted).toBe(true);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(consoleError).not.toHaveBeenCalled();
    expect(requests).toEqual([INIT]);
  });

  it('renders the idle, error and success states without axe violations', async () => {
    const { emulator, device } = await withJane();
    const authenticator = createFakeAuthenticator({ get: ['cancel', 'succeed'], authenticator: device });
    const { container } = renderKit(<LoginWithPasskey />, { emulator, authenticator });
    expect(await axeViolations(container)).toEqual([]);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: englishMessages.labels.username }), 'jane@example.com');
    await user.click(screen.getByRole('button', { name: englishMessages.buttons.continue }));
    const alert = await screen.findByRole('alert');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(within(alert).getByRole('button', { name: englishMessages.buttons.retry }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('renders on the server without touching window or document', () => {
    const html = renderToString(
      <DfnsAuthProvider baseUrl={BASE} orgId="or-ssr" rp={RP}>
        <LoginWithPasskey />
      </DfnsAuthProvider>,
    );
    expect(html).toContain('dfns-LoginWithPasskey');
    expect(html).toContain('data-status="idle"');
  });

  it('lets a render prop replace the markup inside the root', async () => {
    const { emulator, device } = await withJane();
    const { container } = renderKit(
      <LoginWithPasskey>{(login) => <button onClick={() => login.start({ username: 'jane@example.com' })}>Mine</button>}</LoginWithPasskey>,
      { emulator, authenticator: device },
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Mine' }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(root(container).querySelector('form')).toBeNull();
    // Custom markup has no success message of the kit's, so the live region still announces it.
    expect(screen.getByRole('status')).toHaveTextContent(englishMessages.status.loginWithPasskey.success);
  });
});
