import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDfnsClient } from '../../src/api/createDfnsClient';
import { ConfirmUserAction } from '../../src/components/ConfirmUserAction';
import { CredentialList } from '../../src/components/CredentialList';
import { utf8ToBase64url } from '../../src/encoding/base64url';
import { englishMessages } from '../../src/messages/en';
import { germanMessages } from '../../src/messages/de';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import type { SoftwareAuthenticator } from '../../src/testing/softwareAuthenticator';
import { createFakeAuthenticator } from '../../src/testing/fakeAuthenticator';
import {
  BASE_URL,
  RP,
  addPasskeyOnAnotherDevice,
  axeViolations,
  cacheText,
  emulatorServer,
  registeredUser,
  renderWithKit,
  softwareAuthenticator,
} from './credentialTestKit';

const { emulator, server, requests, calls } = emulatorServer();
const { errors, buttons, credentialList: copy } = englishMessages;

let laptop: SoftwareAuthenticator;
let securityKey: SoftwareAuthenticator;
let token: string;

/** Adds a second passkey ("Security key", on another device) through the core functions, outside MSW. */
async function addSecurityKey(): Promise<void> {
  const client = createDfnsClient({
    baseUrl: BASE_URL,
    orgId: emulator.orgId,
    authToken: token,
    fetch: (input, init) => emulator.handle(new Request(input, init)),
  });
  await addPasskeyOnAnotherDevice(client, RP, { signer: laptop, added: securityKey, credentialName: 'Security key' });
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(async () => {
  emulator.reset();
  laptop = softwareAuthenticator();
  securityKey = softwareAuthenticator();
  token = await registeredUser(emulator, 'alice@example.com', laptop, 'Laptop');
  await addSecurityKey();
  requests.length = 0;
});

const root = (container: HTMLElement) => container.querySelector('.dfns-CredentialList')!;
const row = (name: string) => screen.getByRole('listitem', { name });

describe('<CredentialList>', () => {
  it('lists every credential with its kind, localised date and active badge', async () => {
    const { container } = renderWithKit(<CredentialList />, { emulator, token, authenticator: laptop });
    expect(root(container)).toHaveAttribute('data-status', 'loading');
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    const laptopRow = row('Laptop');
    expect(within(laptopRow).getByText(copy.kinds.Fido2)).toBeInTheDocument();
    expect(within(laptopRow).getByText(copy.active)).toBeInTheDocument();
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date());
    expect(within(laptopRow).getByText(copy.createdOn({ date }))).toBeInTheDocument();
    // The name and its kind are on separate lines, never read as one ("Laptop passkey Passkey").
    const title = within(laptopRow).getByText('Laptop').closest('p')!;
    expect(title).not.toHaveTextContent(copy.kinds.Fido2);
    expect(within(laptopRow).getByText(copy.kinds.Fido2).closest('p')).not.toBe(title);
    expect(laptopRow.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(calls()).toEqual(['GET /auth/credentials']);
  });

  it('formats dates in the catalogue language', async () => {
    const { container } = renderWithKit(<CredentialList messages={germanMessages} />, { emulator, token, authenticator: laptop });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    const date = new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(new Date());
    expect(within(row('Laptop')).getByText(germanMessages.credentialList.createdOn({ date }))).toBeInTheDocument();
  });

  it('asks inline before deactivating, then signs PUT /auth/credentials/deactivate and refreshes', async () => {
    const onChange = vi.fn();
    const { container } = renderWithKit(<CredentialList onChange={onChange} />, { emulator, token, authenticator: securityKey });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: buttons.deactivate }));
    expect(within(row('Laptop')).getByText(copy.deactivateConfirm({ name: 'Laptop' }))).toHaveFocus();
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: copy.confirmDeactivate }));
    await waitFor(() => expect(within(row('Laptop')).getByText(copy.inactive)).toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(copy.deactivated({ name: 'Laptop' })));
    expect(calls()).toEqual([
      'GET /auth/credentials',
      'POST /auth/action/init',
      'POST /auth/action',
      'PUT /auth/credentials/deactivate',
      'GET /auth/credentials',
    ]);
    const laptopUuid = emulator.credentials().find((c) => c['name'] === 'Laptop')!.credentialUuid;
    expect(requests[3]!.body).toBe(JSON.stringify({ credentialUuid: laptopUuid }));
    expect(JSON.parse(requests[1]!.body)).toMatchObject({ userActionPayload: requests[3]!.body });
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ isActive: false }));
    expect(within(row('Laptop')).getByRole('button', { name: buttons.activate })).toBeInTheDocument();
  });

  describe('signalPasskeys', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('tells the browser which passkeys still work on load and after a deactivation, and nothing without the prop', async () => {
      const signalAllAcceptedCredentials = vi.fn(async () => {});
      vi.stubGlobal('PublicKeyCredential', { signalAllAcceptedCredentials });
      const userId = emulator.users().find((u) => u.username === 'alice@example.com')!.userId;
      const passkeyId = (name: string) => emulator.credentials().find((c) => c['name'] === name)!.credentialId;

      const plain = renderWithKit(<CredentialList />, { emulator, token, authenticator: securityKey });
      await waitFor(() => expect(root(plain.container)).toHaveAttribute('data-status', 'ready'));
      plain.unmount();
      expect(signalAllAcceptedCredentials).not.toHaveBeenCalled();

      const { container } = renderWithKit(<CredentialList signalPasskeys />, { emulator, token, authenticator: securityKey });
      await waitFor(() => expect(signalAllAcceptedCredentials).toHaveBeenCalledTimes(1));
      expect(signalAllAcceptedCredentials).toHaveBeenLastCalledWith({
        rpId: RP.id,
        userId: utf8ToBase64url(userId),
        allAcceptedCredentialIds: [passkeyId('Laptop'), passkeyId('Security key')],
      });
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
      await userEvent.click(within(row('Laptop')).getByRole('button', { name: buttons.deactivate }));
      await userEvent.click(within(row('Laptop')).getByRole('button', { name: copy.confirmDeactivate }));
      await waitFor(() => expect(signalAllAcceptedCredentials).toHaveBeenCalledTimes(2));
      expect(signalAllAcceptedCredentials).toHaveBeenLastCalledWith({
        rpId: RP.id,
        userId: utf8ToBase64url(userId),
        allAcceptedCredentialIds: [passkeyId('Security key')],
      });
    });
  });

  it('asks about the recovery kit, not about signing in, before deactivating a recovery key', async () => {
    // The listed "Security key" turned into a recovery key: what matters here is only the question.
    const listed = (await emulator.handle(
      new Request(`${BASE_URL}/auth/credentials`, { headers: { authorization: `Bearer ${token}` } }),
    ).then((response) => response.json())) as { items: Record<string, unknown>[] };
    const items = listed.items.map((item) => (item['name'] === 'Security key' ? { ...item, kind: 'RecoveryKey', name: 'Kit in the safe' } : item));
    emulator.faults.set({ path: '/auth/credentials', method: 'GET', status: 200, body: JSON.stringify({ items }) });
    const { container } = renderWithKit(<CredentialList />, { emulator, token, authenticator: laptop });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    expect(within(row('Kit in the safe')).getByText(copy.kinds.RecoveryKey)).toBeInTheDocument();
    await userEvent.click(within(row('Kit in the safe')).getByRole('button', { name: buttons.deactivate }));
    expect(within(row('Kit in the safe')).getByText(copy.deactivateRecoveryKeyConfirm({ name: 'Kit in the safe' }))).toHaveFocus();
    expect(screen.queryByText(copy.deactivateConfirm({ name: 'Kit in the safe' }))).not.toBeInTheDocument();
  });

  it('cancels the confirmation without any signing request', async () => {
    const { container } = renderWithKit(<CredentialList />, { emulator, token, authenticator: securityKey });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: buttons.deactivate }));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: buttons.cancel }));
    expect(within(row('Laptop')).getByRole('button', { name: buttons.deactivate })).toHaveFocus();
    expect(emulator.credentials().every((c) => c.isActive)).toBe(true);
    expect(calls().filter((c) => c !== 'POST /auth/action/init')).toEqual(['GET /auth/credentials']);
  });

  it('after deactivation the deactivated passkey can no longer sign a user action', async () => {
    const { container } = renderWithKit(<CredentialList />, { emulator, token, authenticator: securityKey });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: buttons.deactivate }));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: copy.confirmDeactivate }));
    await waitFor(() => expect(within(row('Laptop')).getByText(copy.inactive)).toBeInTheDocument());

    // The laptop only holds the deactivated passkey: Dfns no longer offers it, so signing fails.
    const wallet = { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia' } } as const;
    const other = renderWithKit(<ConfirmUserAction request={wallet} />, { emulator, token, authenticator: laptop });
    const confirm = within(other.container).getByRole('button', { name: buttons.approve });
    await userEvent.click(confirm);
    expect(await within(other.container).findByRole('alert')).toHaveTextContent(errors.passkey_cancelled);
    const laptopId = laptop.credentials()[0]!.id;
    const lastInit = requests.filter((r) => r.path === '/auth/action/init').length;
    expect(lastInit).toBeGreaterThan(1);
    expect(emulator.snapshot().wallets).toHaveLength(0);
    expect(emulator.credentials().find((c) => c.credentialId === laptopId)?.isActive).toBe(false);
  });

  it('activates an inactive credential with one signed request', async () => {
    const { container } = renderWithKit(<CredentialList />, { emulator, token, authenticator: securityKey });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: buttons.deactivate }));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: copy.confirmDeactivate }));
    await userEvent.click(await within(row('Laptop')).findByRole('button', { name: buttons.activate }));
    await waitFor(() => expect(within(row('Laptop')).getByText(copy.active)).toBeInTheDocument());
    expect(calls().filter((c) => c === 'PUT /auth/credentials/activate')).toHaveLength(1);
    expect(emulator.credentials().every((c) => c.isActive)).toBe(true);
  });

  it('shows a row error with Retry, and the other rows stay usable', async () => {
    const authenticator = createFakeAuthenticator({ get: ['cancel', 'succeed'], authenticator: securityKey });
    const onError = vi.fn();
    const { container } = renderWithKit(<CredentialList onError={onError} />, { emulator, token, authenticator });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: buttons.deactivate }));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: copy.confirmDeactivate }));
    expect(await within(row('Laptop')).findByRole('alert')).toHaveTextContent(errors.passkey_cancelled);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(within(row('Security key')).getByRole('button', { name: buttons.deactivate })).toBeEnabled();
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: buttons.retry }));
    await waitFor(() => expect(within(row('Laptop')).getByText(copy.inactive)).toBeInTheDocument());
  });

  it('shows "awaiting approval" in the row for a 202', async () => {
    emulator.policies.requireApproval({ method: 'PUT', path: '/auth/credentials/deactivate' });
    const { container } = renderWithKit(<CredentialList />, { emulator, token, authenticator: securityKey });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: buttons.deactivate }));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: copy.confirmDeactivate }));
    expect(await within(row('Laptop')).findByText(englishMessages.userAction.pendingApproval)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['a 500', { path: '/auth/credentials', method: 'GET', status: 500 }, 'server_error'],
    ['a dropped connection', { path: '/auth/credentials', method: 'GET', drop: true }, 'network_error'],
    ['a malformed 200', { path: '/auth/credentials', method: 'GET', status: 200, body: '{"items":7}' }, 'invalid_response'],
  ] as const)('shows the list error for %s with a Retry that loads it', async (_name, fault, code) => {
    emulator.faults.set(fault);
    const { container } = renderWithKit(<CredentialList />, { emulator, token, authenticator: laptop });
    expect(await screen.findByRole('alert')).toHaveTextContent(errors[code]);
    expect(root(container)).toHaveAttribute('data-status', 'error');
    expect(await axeViolations(container)).toEqual([]);
    emulator.faults.clear();
    await userEvent.click(screen.getByRole('button', { name: buttons.retry }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('shows the empty state', async () => {
    emulator.faults.set({ path: '/auth/credentials', method: 'GET', status: 200, body: '{"items":[]}' });
    const { container } = renderWithKit(<CredentialList />, { emulator, token, authenticator: laptop });
    expect(await screen.findByText(copy.empty)).toBeInTheDocument();
    expect(root(container)).toHaveAttribute('data-status', 'ready');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('keeps tokens out of the DOM, storage and the query cache', async () => {
    const { container, queryClient } = renderWithKit(<CredentialList />, { emulator, token, authenticator: securityKey });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'ready'));
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: buttons.deactivate }));
    await userEvent.click(within(row('Laptop')).getByRole('button', { name: copy.confirmDeactivate }));
    await waitFor(() => expect(within(row('Laptop')).getByText(copy.inactive)).toBeInTheDocument());
    const userAction = requests.find((r) => r.userAction)!.userAction!;
    for (const secret of [token, userAction]) {
      expect(document.body.innerHTML).not.toContain(secret);
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(secret);
      expect(cacheText(queryClient)).not.toContain(secret);
    }
  });

  it('renders on the server without touching the browser', () => {
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulator.orgId} rp={RP} authToken="t">
          <CredentialList />
        </DfnsAuthProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain('data-status="loading"');
  });
});
