import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddPasskeyWithCode, type AddPasskeyWithCodeProps } from '../../src/components/AddPasskeyWithCode';
import { CreateCredentialCode } from '../../src/components/CreateCredentialCode';
import { CredentialList } from '../../src/components/CredentialList';
import { useCreateCredentialCode } from '../../src/hooks/useCreateCredentialCode';
import { englishMessages } from '../../src/messages/en';
import { germanMessages } from '../../src/messages/de';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import type { SoftwareAuthenticator } from '../../src/testing/softwareAuthenticator';
import { BASE_URL, RP, axeViolations, cacheText, emulatorServer, registeredUser, renderWithKit, softwareAuthenticator } from './credentialTestKit';

const { emulator, server, calls } = emulatorServer();
const { buttons, labels, errorTitles } = englishMessages;
const CODE = /^[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/;

let laptop: SoftwareAuthenticator;
let workPc: SoftwareAuthenticator;
let token: string;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(async () => {
  emulator.reset();
  laptop = softwareAuthenticator();
  workPc = softwareAuthenticator();
  token = await registeredUser(emulator, 'alice@example.com', laptop, 'Laptop');
});

/** The new device: no session, its own authenticator and QueryClient. */
function renderNewDevice(props: AddPasskeyWithCodeProps = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulator.orgId} rp={RP} authenticator={workPc}>
          <AddPasskeyWithCode {...props} />
        </DfnsAuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  return { ...result, root: () => result.container.querySelector('.dfns-AddPasskeyWithCode')! };
}

/** A fresh code from the signed-in device, through the component. */
async function codeFromSignedInDevice(): Promise<{ code: string; container: HTMLElement; queryClient: QueryClient }> {
  const { container, queryClient } = renderWithKit(<CreateCredentialCode />, { emulator, token, authenticator: laptop });
  await userEvent.click(screen.getByRole('button', { name: buttons.getCredentialCode }));
  const shown = await screen.findByTestId('credential-code');
  return { code: shown.textContent!, container, queryClient };
}

/**
 * Axe, inside act: the code's countdown ticks every second, and a tick during a long axe run
 * would be a state update outside act (React 18 warns, and warnings fail the test).
 */
async function axeWhileCounting(element: Element) {
  let violations: Awaited<ReturnType<typeof axeViolations>> = [];
  await act(async () => {
    violations = await axeViolations(element);
  });
  return violations;
}

async function typeCode(code: string): Promise<void> {
  const field = screen.getByRole('textbox', { name: labels.credentialCode });
  await userEvent.clear(field);
  await userEvent.type(field, `${code}{Enter}`);
}

describe('<CreateCredentialCode> and <AddPasskeyWithCode>', () => {
  it('shows a signed code with a countdown, adds the passkey on the new device, and sees it arrive', async () => {
    const onAdded = vi.fn();
    const { container, queryClient } = renderWithKit(<CreateCredentialCode onSuccess={onAdded} />, { emulator, token, authenticator: laptop });
    const root = container.querySelector('.dfns-CreateCredentialCode')!;
    expect(root).toHaveAttribute('data-status', 'idle');
    await userEvent.click(screen.getByRole('button', { name: buttons.getCredentialCode }));
    const code = (await screen.findByTestId('credential-code')).textContent!;
    expect(code).toMatch(CODE);
    expect(root).toHaveAttribute('data-status', 'showing-code');
    expect(screen.getByText(/^Expires in \d+ s$/)).toBeInTheDocument();
    expect(calls().slice(0, 2)).toEqual(['POST /auth/action/init', 'POST /auth/action']);
    expect(calls().slice(2, 4).sort()).toEqual(['GET /auth/credentials', 'POST /auth/credentials/code']);
    // The code is shown, never cached.
    expect(cacheText(queryClient)).not.toContain(code);
    expect(await axeWhileCounting(root)).toEqual([]);

    const onSuccess = vi.fn();
    const device = renderNewDevice({ onSuccess });
    await typeCode(code.toLowerCase());
    await waitFor(() => expect(device.root()).toHaveAttribute('data-status', 'success'));
    expect(within(device.root() as HTMLElement).getByText(englishMessages.success.passkeyAddedWithCode({ username: 'alice@example.com' }))).toBeInTheDocument();
    expect(device.root().querySelector('.dfns-success')).toHaveAttribute('data-result', 'signed-out');
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ username: 'alice@example.com', credential: { kind: 'Fido2', name: 'Passkey on Linux' } });
    expect(onSuccess.mock.calls[0]![0].token).toBeUndefined();
    expect(workPc.credentials()).toHaveLength(1);
    expect(await axeWhileCounting(device.root())).toEqual([]);

    // The signed-in device polls the list and sees the new passkey.
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'success'), { timeout: 5000 });
    expect(onAdded.mock.calls[0]![0].credential).toMatchObject({ name: 'Passkey on Linux' });
    expect(screen.getByText(englishMessages.success.passkeyAdded({ name: 'Passkey on Linux' }))).toBeInTheDocument();
  });

  it('refuses a mistyped code under the field, as credential_code_invalid, and keeps what was typed', async () => {
    const onError = vi.fn();
    const device = renderNewDevice({ onError });
    await typeCode('ZZZ-ZZZ-ZZZ');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'credential_code_invalid');
    expect(alert).toHaveTextContent(errorTitles.credential_code_invalid);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'credential_code_invalid' });
    expect(screen.getByRole('textbox', { name: labels.credentialCode })).toHaveValue('ZZZ-ZZZ-ZZZ');
    expect(screen.getByRole('textbox', { name: labels.credentialCode })).toHaveFocus();
    expect(device.root()).toHaveAttribute('data-status', 'error');
  });

  it('refuses a code that is not the shape of one without asking Dfns', async () => {
    renderNewDevice();
    const before = calls().length;
    await typeCode('D1-ABC');
    expect(await screen.findByRole('alert')).toHaveAttribute('data-code', 'credential_code_invalid');
    expect(calls().length).toBe(before);
  });

  it('says an expired code has expired (credential_code_expired), not that it is wrong', async () => {
    const { code } = await codeFromSignedInDevice();
    emulator.advanceClock(61_000);
    renderNewDevice();
    await typeCode(code);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'credential_code_expired');
    expect(alert).toHaveTextContent(errorTitles.credential_code_expired);
  });

  it('says a replayed code was spent (credential_code_expired)', async () => {
    const { code } = await codeFromSignedInDevice();
    const first = renderNewDevice();
    await typeCode(code);
    await waitFor(() => expect(first.root()).toHaveAttribute('data-status', 'success'));
    first.unmount();
    renderNewDevice();
    await typeCode(code);
    expect(await screen.findByRole('alert')).toHaveAttribute('data-code', 'credential_code_expired');
  });

  it('signs in with the new passkey with autoLogin, and hands over the token', async () => {
    const { code } = await codeFromSignedInDevice();
    const onSuccess = vi.fn();
    const device = renderNewDevice({ autoLogin: true, onSuccess });
    await typeCode(code);
    await waitFor(() => expect(device.root()).toHaveAttribute('data-status', 'success'));
    expect(device.root().querySelector('.dfns-success')).toHaveAttribute('data-result', 'signed-in');
    expect(onSuccess.mock.calls[0]![0].token).toEqual(expect.any(String));
    // The signed-in device's polls (GET /auth/credentials) run beside these.
    expect(calls().filter((c) => c !== 'GET /auth/credentials').slice(-4)).toEqual([
      'POST /auth/credentials/code/init',
      'POST /auth/credentials/code/verify',
      'POST /auth/login/init',
      'POST /auth/login',
    ]);
  });

  it('offers a new code once the code expired', async () => {
    const { container } = renderWithKit(<CreateCredentialCode lifetimeMs={1200} />, { emulator, token, authenticator: laptop });
    await userEvent.click(screen.getByRole('button', { name: buttons.getCredentialCode }));
    const first = (await screen.findByTestId('credential-code')).textContent;
    await waitFor(() => expect(container.querySelector('.dfns-CreateCredentialCode')).toHaveAttribute('data-status', 'expired'), { timeout: 3000 });
    expect(screen.queryByTestId('credential-code')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: buttons.newCredentialCode }));
    const second = (await screen.findByTestId('credential-code')).textContent;
    expect(second).toMatch(CODE);
    expect(second).not.toBe(first);
  });

  it('polls the list only while the code can add a passkey, and stops on unmount', async () => {
    function Bare(): React.ReactNode {
      const { state, start } = useCreateCredentialCode({ pollIntervalMs: 150 });
      return state.status === 'showing-code' ? <output>{state.code}</output> : <button onClick={start}>code</button>;
    }
    const base = calls().filter((c) => c === 'GET /auth/credentials').length;
    const polls = () => calls().filter((c) => c === 'GET /auth/credentials').length - base;
    const { unmount } = renderWithKit(<Bare />, { emulator, token, authenticator: laptop });
    expect(polls()).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: 'code' }));
    await screen.findByRole('status');
    await waitFor(() => expect(polls()).toBeGreaterThanOrEqual(3));
    unmount();
    const after = polls();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(polls()).toBe(after);
  });

  it('renders both on the server without touching the browser', () => {
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulator.orgId} rp={RP} authToken="t">
          <CreateCredentialCode />
          <AddPasskeyWithCode />
        </DfnsAuthProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain('class="dfns-CreateCredentialCode dfns-kit" data-status="idle"');
    expect(html).toContain('class="dfns-AddPasskeyWithCode dfns-kit" data-status="idle"');
  });

  it('puts "Add a passkey on another device" under the CredentialList when asked, in German too', async () => {
    const { container } = renderWithKit(<CredentialList addOnAnotherDevice messages={germanMessages} />, { emulator, token, authenticator: laptop });
    await userEvent.click(await screen.findByRole('button', { name: germanMessages.buttons.getCredentialCode }));
    expect((await screen.findByTestId('credential-code')).textContent).toMatch(CODE);
    expect(screen.getByText(/^Läuft ab in \d+ s$/)).toBeInTheDocument();
    expect(container.querySelectorAll('[role="status"]')).toHaveLength(1);
  });
});
