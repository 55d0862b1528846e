import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfirmUserAction } from '../../src/components/ConfirmUserAction';
import { englishMessages } from '../../src/messages/en';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createFakeAuthenticator } from '../../src/testing/fakeAuthenticator';
import type { SoftwareAuthenticator } from '../../src/testing/softwareAuthenticator';
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
const errors = englishMessages.errors;
const WALLET = { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia', name: 'Treasury' } } as const;
const INIT = 'POST /auth/action/init';
const ROOT = '.dfns-ConfirmUserAction';

let passkeys: SoftwareAuthenticator;
let token: string;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(async () => {
  emulator.reset();
  passkeys = softwareAuthenticator();
  token = await registeredUser(emulator, 'alice@example.com', passkeys);
  requests.length = 0;
});

const root = (container: HTMLElement) => container.querySelector(ROOT)!;
const confirmButton = () => screen.getByRole('button', { name: englishMessages.buttons.approve });
/** Waits until the challenge prefetched on mount has arrived, as a user reading the summary would. */
const prefetched = () => waitFor(() => expect(calls()).toEqual([INIT]));

describe('<ConfirmUserAction>', () => {
  it('summarises the request, signs it with one click and sends it: 3 requests plus the real call', async () => {
    const onSuccess = vi.fn();
    const { container } = renderWithKit(<ConfirmUserAction request={WALLET} onSuccess={onSuccess} />, { emulator, token, authenticator: passkeys });
    expect(screen.getByText('POST /wallets')).toBeInTheDocument();
    expect(screen.getByText('network')).toBeInTheDocument();
    expect(screen.getByText('EthereumSepolia')).toBeInTheDocument();
    await prefetched();

    await userEvent.click(confirmButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(calls()).toEqual([INIT, 'POST /auth/action', 'POST /wallets']);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ network: 'EthereumSepolia', name: 'Treasury' });
    // Said once: by the focused result, not again by the live region.
    expect(screen.getByText(englishMessages.success.approved).closest('.dfns-success')).toHaveFocus();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(container.textContent).not.toContain(englishMessages.status.confirmUserAction.success);
  });

  it('signs exactly the body string it sends, with the user token and the user action header', async () => {
    const { container } = renderWithKit(<ConfirmUserAction request={WALLET} />, { emulator, token, authenticator: passkeys });
    await prefetched();
    await userEvent.click(confirmButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    const init = JSON.parse(requests[0]!.body) as Record<string, string>;
    const real = requests[2]!;
    expect(init).toMatchObject({ userActionHttpMethod: 'POST', userActionHttpPath: '/wallets', userActionServerKind: 'Api' });
    expect(real.body).toBe(init['userActionPayload']);
    expect(real.body).toBe(JSON.stringify(WALLET.body));
    expect(real.userAction).toMatch(/\S{20,}/);
  });

  it('sends one challenge request under StrictMode and none before the mount timer fires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      renderWithKit(<ConfirmUserAction request={WALLET} />, { emulator, token, authenticator: passkeys });
      expect(calls()).toEqual([]);
      await act(async () => {
        vi.runAllTimers();
      });
    } finally {
      vi.useRealTimers();
    }
    await prefetched();
    // Inside act: the challenge arriving meanwhile updates the component.
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(calls()).toEqual([INIT]);
  });

  it('leads with the app’s own summary of the request, before method, path and fields', async () => {
    renderWithKit(<ConfirmUserAction request={WALLET} summary="Create the wallet “Treasury”" />, { emulator, token, authenticator: passkeys });
    const title = screen.getByText('Create the wallet “Treasury”');
    const line = screen.getByText('POST /wallets');
    // DOCUMENT_POSITION_FOLLOWING: the technical line comes after the summary.
    expect(title.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await prefetched();
  });

  it('shows "awaiting approval" for a 202 and reports it as pending, not as an error', async () => {
    emulator.policies.requireApproval({ method: 'POST', path: '/wallets' });
    const onPending = vi.fn();
    const onError = vi.fn();
    const { container } = renderWithKit(<ConfirmUserAction request={WALLET} onPending={onPending} onError={onError} />, {
      emulator,
      token,
      authenticator: passkeys,
    });
    await prefetched();
    await userEvent.click(confirmButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'awaiting-approval'));
    expect(screen.getByText(englishMessages.userAction.pendingApproval).closest('.dfns-notice')).toHaveFocus();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onPending).toHaveBeenCalledWith(expect.objectContaining({ status: 'Pending' }));
    expect(onError).not.toHaveBeenCalled();
    expect(calls()).toHaveLength(3);
  });

  it('re-signs a request whose body changed after the challenge was fetched, so no stale signature is sent', async () => {
    const { container, rerender } = renderWithKit(<ConfirmUserAction request={WALLET} />, { emulator, token, authenticator: passkeys });
    await prefetched();
    const changed = { ...WALLET, body: { network: 'EthereumSepolia', name: 'Changed' } };
    rerender(<ConfirmUserAction request={changed} />);
    await waitFor(() => expect(calls()).toEqual([INIT, INIT]));
    await userEvent.click(confirmButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    const signedPayload = (JSON.parse(requests[1]!.body) as { userActionPayload: string }).userActionPayload;
    expect(signedPayload).toBe(JSON.stringify(changed.body));
    expect(requests.at(-1)!.body).toBe(signedPayload);
    expect(emulator.snapshot().wallets).toEqual([expect.objectContaining({ name: 'Changed' })]);
  });

  it('never offers to send the same user action twice: after success the button is gone', async () => {
    const { container } = renderWithKit(<ConfirmUserAction request={WALLET} />, { emulator, token, authenticator: passkeys });
    await prefetched();
    await userEvent.dblClick(confirmButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(screen.queryByRole('button', { name: englishMessages.buttons.approve })).not.toBeInTheDocument();
    expect(calls().filter((call) => call === 'POST /wallets')).toHaveLength(1);
    expect(emulator.snapshot().wallets).toHaveLength(1);
  });

  it('shows the cancelled message and a Retry that signs a fresh challenge', async () => {
    const authenticator = createFakeAuthenticator({ get: ['cancel', 'succeed'], authenticator: passkeys });
    const onError = vi.fn();
    const { container } = renderWithKit(<ConfirmUserAction request={WALLET} onError={onError} />, { emulator, token, authenticator });
    await prefetched();
    await userEvent.click(confirmButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(errors.passkey_cancelled);
    expect(alert).toHaveFocus();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'passkey_cancelled' });
    await userEvent.click(screen.getByRole('button', { name: englishMessages.buttons.retry }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(calls()).toEqual([INIT, INIT, 'POST /auth/action', 'POST /wallets']);
  });

  it('offers Continue after a refused gesture and reuses the challenge', async () => {
    const authenticator = noGestureOnce(passkeys);
    const { container } = renderWithKit(<ConfirmUserAction request={WALLET} />, { emulator, token, authenticator });
    await prefetched();
    await userEvent.click(confirmButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(errors.passkey_no_user_gesture);
    await userEvent.click(screen.getByRole('button', { name: englishMessages.buttons.continue }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(calls()).toEqual([INIT, 'POST /auth/action', 'POST /wallets']);
  });

  it.each([
    ['a 500 from the challenge endpoint', { path: '/auth/action/init', method: 'POST', status: 500, times: 2 }, 'server_error'],
    ['a 403 from the real call', { path: '/wallets', method: 'POST', status: 403, times: 1 }, 'forbidden'],
    ['a dropped connection', { path: '/wallets', method: 'POST', drop: true, times: 1 }, 'network_error'],
    ['a malformed 200', { path: '/auth/action', method: 'POST', status: 200, body: '{"nope":', times: 1 }, 'invalid_response'],
  ] as const)('shows the message for %s and tries again (Try again when retryable, else Back then Confirm) with a fresh challenge', async (_name, fault, code) => {
    emulator.faults.set(fault);
    const { container } = renderWithKit(<ConfirmUserAction request={WALLET} />, { emulator, token, authenticator: passkeys });
    await waitFor(() => expect(calls()).toContain(INIT));
    await userEvent.click(confirmButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(errors[code]);
    const initsBefore = calls().filter((call) => call === INIT).length;
    if (code === 'network_error' || code === 'server_error') await userEvent.click(screen.getByRole('button', { name: englishMessages.buttons.retry }));
    else {
      // A 403 or an unreadable answer would come back the same at once: no Try again, but Back to the request.
      expect(screen.queryByRole('button', { name: englishMessages.buttons.retry })).toBeNull();
      await userEvent.click(screen.getByRole('button', { name: englishMessages.buttons.back }));
      await userEvent.click(confirmButton());
    }
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(calls().filter((call) => call === INIT)).toHaveLength(initsBefore + 1);
    expect(emulator.snapshot().wallets).toHaveLength(1);
  });

  it('aborts a hanging passkey prompt on unmount without a state update warning', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const authenticator = createFakeAuthenticator({ get: 'hang', authenticator: passkeys });
    const { container, unmount } = renderWithKit(<ConfirmUserAction request={WALLET} />, { emulator, token, authenticator });
    await prefetched();
    await userEvent.click(confirmButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'awaiting-authenticator'));
    unmount();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(consoleError).not.toHaveBeenCalled();
    expect(calls()).toEqual([INIT]);
  });

  it('leaves no token in the DOM, storage or the react-query cache', async () => {
    const { container, queryClient } = renderWithKit(<ConfirmUserAction request={WALLET} />, { emulator, token, authenticator: passkeys });
    await prefetched();
    await userEvent.click(confirmButton());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    const userAction = requests.at(-1)!.userAction!;
    for (const secret of [token, userAction]) {
      expect(document.body.innerHTML).not.toContain(secret);
      expect(JSON.stringify({ ...localStorage })).not.toContain(secret);
      expect(JSON.stringify({ ...sessionStorage })).not.toContain(secret);
      expect(cacheText(queryClient)).not.toContain(secret);
    }
  });

  it('has no axe violations when idle, failed or done', async () => {
    const authenticator = createFakeAuthenticator({ get: ['cancel', 'succeed'], authenticator: passkeys });
    const { container } = renderWithKit(<ConfirmUserAction request={WALLET} />, { emulator, token, authenticator });
    await prefetched();
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(confirmButton());
    await screen.findByRole('alert');
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: englishMessages.buttons.retry }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('renders on the server without touching the browser', () => {
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulator.orgId} rp={RP} authToken="t">
          <ConfirmUserAction request={WALLET} />
        </DfnsAuthProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain('dfns-ConfirmUserAction');
    expect(html).toContain('data-status="idle"');
  });
});
