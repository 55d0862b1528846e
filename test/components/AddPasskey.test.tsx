import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddPasskey } from '../../src/components/AddPasskey';
import { englishMessages } from '../../src/messages/en';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createFakeAuthenticator } from '../../src/testing/fakeAuthenticator';
import type { SoftwareAuthenticator } from '../../src/testing/softwareAuthenticator';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import {
  BASE_URL,
  RP,
  axeViolations,
  cacheText,
  emulatorServer,
  noGestureOnce,
  registeredUser,
  renderWithKit,
  softwareAuthenticator,
} from './credentialTestKit';

const { emulator, server, requests, calls } = emulatorServer();
const { errors, buttons, labels } = englishMessages;
const FOUR = ['POST /auth/credentials/init', 'POST /auth/action/init', 'POST /auth/action', 'POST /auth/credentials'];

let laptop: SoftwareAuthenticator;
let securityKey: SoftwareAuthenticator;
/** The new passkey is made on a second device; the user action is signed with the first one. */
let devices: PasskeyAuthenticator;
let token: string;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(async () => {
  emulator.reset();
  laptop = softwareAuthenticator();
  securityKey = softwareAuthenticator();
  devices = { create: (o, c) => securityKey.create(o, c), get: (o, c) => laptop.get(o, c) };
  token = await registeredUser(emulator, 'alice@example.com', laptop);
  requests.length = 0;
});

const root = (container: HTMLElement) => container.querySelector('.dfns-AddPasskey')!;
const addButton = () => screen.getByRole('button', { name: buttons.addPasskey });
const count = (call: string) => calls().filter((c) => c === call).length;

describe('<AddPasskey>', () => {
  it('adds a passkey under the typed name with 4 requests and reports it', async () => {
    const onSuccess = vi.fn();
    const { container } = renderWithKit(<AddPasskey onSuccess={onSuccess} />, { emulator, token, authenticator: devices });
    const field = screen.getByRole('textbox', { name: labels.credentialName });
    await waitFor(() => expect(field).toHaveValue('Passkey on Linux'));
    await userEvent.clear(field);
    await userEvent.type(field, 'Work laptop{Enter}');
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(calls()).toEqual(FOUR);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]![0].credential).toMatchObject({ kind: 'Fido2', name: 'Work laptop', isActive: true });
    // Said once: by the focused success message, not again by the live region.
    expect(screen.getByText(englishMessages.success.passkeyAdded({ name: 'Work laptop' })).closest('.dfns-success')).toHaveFocus();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(container.textContent).not.toContain(englishMessages.status.addPasskey.success);
    expect(emulator.credentials().filter((c) => c.isActive)).toHaveLength(2);
    expect(securityKey.credentials()).toHaveLength(1);
  });

  it('signs the exact body it sends to POST /auth/credentials', async () => {
    const { container } = renderWithKit(<AddPasskey />, { emulator, token, authenticator: devices });
    await userEvent.click(addButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    const init = JSON.parse(requests[1]!.body) as Record<string, string>;
    expect(init).toMatchObject({ userActionHttpMethod: 'POST', userActionHttpPath: '/auth/credentials' });
    expect(requests[3]!.body).toBe(init['userActionPayload']);
    expect(JSON.parse(requests[3]!.body)).toMatchObject({ credentialKind: 'Fido2', credentialName: 'Passkey on Linux' });
  });

  it('marks the credential list stale after adding', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const key = ['dfns', BASE_URL, emulator.orgId, 'credentials'];
    queryClient.setQueryData(key, { items: [] });
    const { container } = renderWithKit(<AddPasskey />, { emulator, token, authenticator: devices, queryClient });
    await userEvent.click(addButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
  });

  it.each([
    ['cancel', errors.passkey_cancelled, 'retry'],
    ['already-registered', errors.passkey_already_registered, 'back'],
    ['invalid-domain', errors.passkey_invalid_domain, 'none'],
    ['unsupported', errors.webauthn_unsupported, 'none'],
  ] as const)('shows the message for a %s create prompt, offers %s, and that way adds it with a fresh challenge', async (script, text, then) => {
    const authenticator = createFakeAuthenticator({ create: [script, 'succeed'], authenticator: devices });
    const onError = vi.fn();
    const { container } = renderWithKit(<AddPasskey onError={onError} />, { emulator, token, authenticator });
    await userEvent.click(addButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(text);
    expect(alert).toHaveFocus();
    expect(onError).toHaveBeenCalledTimes(1);
    const offered = [...alert.querySelectorAll('.dfns-actions button')].map((button) => button.textContent);
    // A retry only where it can help; Back where the user can change something; nothing for the site's setup.
    expect(offered).toEqual({ retry: [buttons.retry, buttons.back], back: [buttons.back], none: [] }[then]);
    if (then === 'none') return;
    if (then === 'retry') await userEvent.click(screen.getByRole('button', { name: buttons.retry }));
    else {
      await userEvent.click(screen.getByRole('button', { name: buttons.back }));
      await userEvent.click(addButton());
    }
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(count('POST /auth/credentials/init')).toBe(2);
  });

  it('reports a real duplicate: the same device cannot hold two passkeys for the user', async () => {
    const { container } = renderWithKit(<AddPasskey />, { emulator, token, authenticator: laptop });
    await userEvent.click(addButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(errors.passkey_already_registered);
    expect(root(container)).toHaveAttribute('data-status', 'error');
    expect(calls()).toEqual(['POST /auth/credentials/init']);
  });

  it('offers Continue when the signing prompt wants a fresh click, keeping the new passkey', async () => {
    const authenticator = { create: devices.create, get: noGestureOnce({ create: devices.create, get: devices.get }).get };
    const { container } = renderWithKit(<AddPasskey />, { emulator, token, authenticator });
    await userEvent.click(addButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(errors.passkey_no_user_gesture);
    await userEvent.click(screen.getByRole('button', { name: buttons.continue }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(count('POST /auth/credentials/init')).toBe(1);
    expect(securityKey.credentials()).toHaveLength(1);
  });

  it.each([
    ['a 500 from the create call', { path: '/auth/credentials', method: 'POST', status: 500, times: 1 }, 'server_error', buttons.retry],
    ['a 401 from the challenge', { path: '/auth/credentials/init', method: 'POST', status: 401, times: 1 }, 'unauthorized', buttons.back],
    ['a dropped connection', { path: '/auth/action', method: 'POST', drop: true, times: 1 }, 'network_error', buttons.retry],
    ['a malformed 200', { path: '/auth/credentials/init', method: 'POST', status: 200, body: '<html>', times: 1 }, 'invalid_response', buttons.back],
  ] as const)('shows the message for %s and recovers with %s', async (_name, fault, code, way) => {
    emulator.faults.set(fault);
    const { container } = renderWithKit(<AddPasskey />, { emulator, token, authenticator: devices });
    await userEvent.click(addButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(errors[code]);
    // Not retryable: the same request would fail the same way, so no Try again.
    if (way === buttons.back) expect(screen.queryByRole('button', { name: buttons.retry })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: way }));
    if (way === buttons.back) await userEvent.click(addButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(emulator.credentials().filter((c) => c.isActive)).toHaveLength(2);
  });

  it('aborts a hanging create prompt on unmount without a state update warning', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const authenticator = createFakeAuthenticator({ create: 'hang', authenticator: devices });
    const { container, unmount } = renderWithKit(<AddPasskey />, { emulator, token, authenticator });
    await userEvent.click(addButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'awaiting-authenticator'));
    unmount();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(consoleError).not.toHaveBeenCalled();
    expect(calls()).toEqual(['POST /auth/credentials/init']);
  });

  it('leaves no token in the DOM, storage or the react-query cache', async () => {
    const { container, queryClient } = renderWithKit(<AddPasskey />, { emulator, token, authenticator: devices });
    await userEvent.click(addButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    const userAction = requests.at(-1)!.userAction!;
    expect(userAction).toBeTruthy();
    for (const secret of [token, userAction]) {
      expect(document.body.innerHTML).not.toContain(secret);
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(secret);
      expect(cacheText(queryClient)).not.toContain(secret);
    }
  });

  it('has no axe violations when idle, failed or done', async () => {
    const authenticator = createFakeAuthenticator({ create: ['cancel', 'succeed'], authenticator: devices });
    const { container } = renderWithKit(<AddPasskey />, { emulator, token, authenticator });
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(addButton());
    await screen.findByRole('alert');
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: buttons.retry }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('renders on the server without touching the browser', () => {
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulator.orgId} rp={RP} authToken="t">
          <AddPasskey />
        </DfnsAuthProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain('dfns-AddPasskey');
    expect(html).toContain('data-status="idle"');
  });
});
