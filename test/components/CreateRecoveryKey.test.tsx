import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreateRecoveryKey } from '../../src/components/CreateRecoveryKey';
import { unlockRecoveryKey } from '../../src/keys/recoveryKey';
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
  registeredUser,
  renderWithKit,
  softwareAuthenticator,
} from './credentialTestKit';

const { emulator, server, requests, calls } = emulatorServer();
const { errors, buttons } = englishMessages;
const USERNAME = 'alice@example.com';

let passkeys: SoftwareAuthenticator;
let token: string;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(async () => {
  emulator.reset();
  passkeys = softwareAuthenticator();
  token = await registeredUser(emulator, USERNAME, passkeys);
  requests.length = 0;
});

const root = (container: HTMLElement) => container.querySelector('.dfns-CreateRecoveryKey')!;
const recoveryCodeOnScreen = () => document.querySelector('[data-field="recovery-code"] code')?.textContent ?? '';

describe('<CreateRecoveryKey>', () => {
  it('creates a recovery key with 4 requests and shows a kit whose code unlocks it', async () => {
    const { container } = renderWithKit(<CreateRecoveryKey />, { emulator, token, authenticator: passkeys });
    await userEvent.click(screen.getByRole('button', { name: buttons.addRecoveryKey }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'showing-recovery-kit'));
    expect(calls()).toEqual(['POST /auth/credentials/init', 'POST /auth/action/init', 'POST /auth/action', 'POST /auth/credentials']);
    const sent = JSON.parse(requests[3]!.body) as { credentialKind: string; credentialName: string; encryptedPrivateKey: string };
    expect(sent).toMatchObject({ credentialKind: 'RecoveryKey', credentialName: 'Recovery key' });
    const code = recoveryCodeOnScreen();
    expect(code).toMatch(/^D1-/);
    // The salt is the Dfns username from the challenge: the kit must decrypt with it.
    await expect(unlockRecoveryKey({ encryptedRecoveryKey: sent.encryptedPrivateKey, recoveryCode: code, username: USERNAME })).resolves.toBeDefined();
    expect(emulator.credentials().map((c) => c['kind'])).toEqual(['Fido2', 'RecoveryKey']);
  });

  it('finishes once the user saved the kit, and then forgets the recovery code', async () => {
    const onSuccess = vi.fn();
    const { container, queryClient } = renderWithKit(<CreateRecoveryKey onSuccess={onSuccess} />, { emulator, token, authenticator: passkeys });
    await userEvent.click(screen.getByRole('button', { name: buttons.addRecoveryKey }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'showing-recovery-kit'));
    const code = recoveryCodeOnScreen();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('checkbox', { name: buttons.savedKit }));
    await userEvent.click(screen.getByRole('button', { name: buttons.continue }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]![0].credential).toMatchObject({ kind: 'RecoveryKey' });
    // Said once: by the focused success message, not again by the live region.
    expect(screen.getByText(englishMessages.success.recoveryKeyAdded).closest('.dfns-success')).toHaveFocus();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(container.textContent).not.toContain(englishMessages.status.createRecoveryKey.success);
    for (const secret of [code, token]) {
      expect(document.body.innerHTML).not.toContain(secret);
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(secret);
      expect(cacheText(queryClient)).not.toContain(secret);
    }
  });

  it('shows a cancelled signing prompt and retries the signing with the same new key', async () => {
    const authenticator = createFakeAuthenticator({ get: ['cancel', 'succeed'], authenticator: passkeys });
    const { container } = renderWithKit(<CreateRecoveryKey />, { emulator, token, authenticator });
    await userEvent.click(screen.getByRole('button', { name: buttons.addRecoveryKey }));
    expect(await screen.findByRole('alert')).toHaveTextContent(errors.passkey_cancelled);
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: buttons.retry }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'showing-recovery-kit'));
    expect(calls().filter((c) => c === 'POST /auth/credentials/init')).toHaveLength(1);
    expect(calls().filter((c) => c === 'POST /auth/action/init')).toHaveLength(2);
  });

  it('shows a server error and retries with a fresh challenge', async () => {
    emulator.faults.set({ path: '/auth/credentials/init', method: 'POST', status: 503, times: 1 });
    const { container } = renderWithKit(<CreateRecoveryKey />, { emulator, token, authenticator: passkeys });
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: buttons.addRecoveryKey }));
    expect(await screen.findByRole('alert')).toHaveTextContent(errors.server_error);
    await userEvent.click(screen.getByRole('button', { name: buttons.retry }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'showing-recovery-kit'));
    expect(calls().filter((c) => c === 'POST /auth/credentials/init')).toHaveLength(2);
  });

  it('renders on the server without touching the browser', () => {
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulator.orgId} rp={RP} authToken="t">
          <CreateRecoveryKey />
        </DfnsAuthProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain('dfns-CreateRecoveryKey');
  });
});
