import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDfnsClient } from '../../src/api/createDfnsClient';
import { completeLogin, initLogin } from '../../src/api/login';
import { initDelegatedRecovery } from '../../src/api/recovery';
import { completeRegistration, initRegistration } from '../../src/api/registration';
import { RecoverAccount, type RecoverAccountProps } from '../../src/components/RecoverAccount';
import { createDfnsEmulator, type DfnsEmulator } from '../../src/emulator/index';
import { dfnsEmulatorHandlers } from '../../src/emulator/msw';
import type { RecoveryKit } from '../../src/flows/flowState';
import { generateRecoveryCode } from '../../src/keys/recoveryCode';
import { createRecoveryKey } from '../../src/keys/recoveryKey';
import { keySigner } from '../../src/keys/signWithKey';
import { englishMessages as en } from '../../src/messages/en';
import { germanMessages } from '../../src/messages/de';
import { recoveryKitText } from '../../src/messages/recoveryKitText';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createFakeAuthenticator, createSoftwareAuthenticator } from '../../src/testing/index';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { createPasskey } from '../../src/webauthn/createPasskey';
import { signWithPasskey } from '../../src/webauthn/signWithPasskey';

const BASE = 'https://api.dfns.test';
const RP = { id: 'localhost', name: 'Test' };
const JANE = 'jane@example.com';

const server = setupServer();
const requests: string[] = [];
let emulator: DfnsEmulator;

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
});
beforeEach(() => {
  emulator = createDfnsEmulator({ origins: '*' });
  server.use(...dfnsEmulatorHandlers(emulator, { baseUrl: BASE }));
});
afterEach(() => {
  server.resetHandlers();
  localStorage.clear();
  sessionStorage.clear();
});
afterAll(() => server.close());

const newAuthenticator = () => createSoftwareAuthenticator({ origin: window.location.origin, rpId: 'localhost' });
const apiClient = () => createDfnsClient({ baseUrl: BASE, orgId: emulator.orgId });

/** Registers Jane with a passkey and a recovery key through the core functions, as an app would. */
async function registerJane() {
  const client = apiClient();
  const { registrationCode } = emulator.createUser({ username: JANE });
  const challenge = await initRegistration(client, { username: JANE, registrationCode });
  const oldAuthenticator = newAuthenticator();
  const passkey = await createPasskey(challenge, { rp: RP, authenticator: oldAuthenticator });
  const recoveryKey = await createRecoveryKey({ challenge });
  await completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: { firstFactorCredential: passkey, recoveryCredential: recoveryKey.credential },
  });
  const kit: RecoveryKit = {
    recoveryCode: recoveryKey.recoveryCode,
    credId: recoveryKey.credId,
    username: JANE,
    orgId: emulator.orgId,
    server: BASE,
    createdAt: new Date().toISOString(),
  };
  requests.length = 0;
  return { oldAuthenticator, kit };
}

async function logIn(authenticator: PasskeyAuthenticator) {
  const client = apiClient();
  const challenge = await initLogin(client, { username: JANE });
  const firstFactor = await signWithPasskey(challenge, { rp: RP, authenticator });
  return completeLogin(client, { challengeIdentifier: challenge.challengeIdentifier, firstFactor });
}

function renderRecovery(authenticator: PasskeyAuthenticator, props: Partial<RecoverAccountProps> = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onSuccess = vi.fn();
  const onError = vi.fn();
  const view = render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <DfnsAuthProvider baseUrl={BASE} orgId={emulator.orgId} rp={RP} authenticator={authenticator}>
          <RecoverAccount onSuccess={onSuccess} onError={onError} {...props} />
        </DfnsAuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  const root = () => view.container.querySelector('.dfns-RecoverAccount')!;
  return { ...view, root, onSuccess, onError, queryClient, user: userEvent.setup() };
}

type Rendered = ReturnType<typeof renderRecovery>;

const status = async (r: Rendered, value: string) =>
  waitFor(() => expect(r.root().getAttribute('data-status')).toBe(value), { timeout: 5000 });

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** Sends the email and fills the codes form; returns the emailed verification code. */
async function emailAndFill(r: Rendered, codes: { recoveryCode: string; recoveryKeyId: string }) {
  await r.user.type(screen.getByLabelText(en.labels.username), JANE);
  await r.user.click(screen.getByRole('button', { name: en.buttons.sendCode }));
  await status(r, 'code-sent');
  const verificationCode = emulator.lastCode(JANE, 'recovery')!;
  await r.user.type(screen.getByLabelText(en.labels.verificationCode), verificationCode);
  await r.user.type(screen.getByLabelText(en.labels.recoveryCode), codes.recoveryCode);
  await r.user.type(screen.getByLabelText(en.labels.recoveryKeyId), codes.recoveryKeyId);
  return verificationCode;
}

/** From the "Create your new passkey" step to success, through the new kit. */
async function createPasskeyAndSaveKit(r: Rendered) {
  const create = await screen.findByRole('button', { name: en.buttons.createNewPasskey }, { timeout: 5000 });
  expect(r.root().getAttribute('data-status')).toBe('awaiting-authenticator');
  expect(screen.getByRole('status').textContent).toBe(en.recoverAccount.newPasskeyDescription);
  await r.user.click(create);
  await status(r, 'showing-recovery-kit');
  const newCode = r.root().querySelector('[data-field="recovery-code"] code')!.textContent!;
  await r.user.click(screen.getByLabelText(en.buttons.savedKit));
  await r.user.click(screen.getByRole('button', { name: en.buttons.continue }));
  await status(r, 'success');
  return newCode;
}

describe('<RecoverAccount/> in standard mode', () => {
  it('recovers with the emailed code and the kit in 3 requests; the old passkey is refused and the new one logs in', async () => {
    const { oldAuthenticator, kit } = await registerJane();
    const authenticator = newAuthenticator();
    const r = renderRecovery(authenticator);
    await expectNoAxeViolations(r.container);

    const verificationCode = await emailAndFill(r, { recoveryCode: kit.recoveryCode, recoveryKeyId: kit.credId });
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    const newCode = await createPasskeyAndSaveKit(r);

    expect(requests).toEqual(['POST /auth/recover/user/code', 'POST /auth/recover/user/init', 'POST /auth/recover/user']);
    const jane = emulator.users().find((u) => u.username === JANE)!;
    const janeId = jane.userId;
    expect(r.onSuccess).toHaveBeenCalledTimes(1);
    expect(r.onSuccess).toHaveBeenCalledWith({ user: { id: janeId, username: JANE, orgId: emulator.orgId } });
    expect(r.onError).not.toHaveBeenCalled();
    // Said once: by the focused success message, not again by the live region.
    expect(screen.getByText(en.success.recovered({ username: JANE })).closest('.dfns-success')).toHaveFocus();
    expect(screen.getByRole('status').textContent).toBe('');
    expect(r.container.textContent?.split(en.status.recoverAccount.success)).toHaveLength(2);
    await expectNoAxeViolations(r.container);

    // No secret left behind: not in the DOM, storage, or react-query's caches.
    const page = document.body.innerHTML;
    for (const secret of [verificationCode, kit.recoveryCode, newCode]) {
      expect(page).not.toContain(secret);
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(secret);
      expect(JSON.stringify(r.queryClient.getQueryCache().getAll().map((q) => q.state))).not.toContain(secret);
      expect(JSON.stringify(r.queryClient.getMutationCache().getAll().map((m) => m.state))).not.toContain(secret);
    }

    await expect(logIn(oldAuthenticator)).rejects.toThrow();
    await expect(logIn(authenticator)).resolves.toMatchObject({ token: expect.any(String) });
    const active = emulator.credentials(janeId).filter((c) => c.isActive);
    expect(active.map((c) => c.kind).sort()).toEqual(['Fido2', 'RecoveryKey']);
  });

  it('logs in with the new passkey once the new kit is confirmed (autoLogin) and hands the token to onSuccess, in 5 requests', async () => {
    const { oldAuthenticator, kit } = await registerJane();
    const authenticator = newAuthenticator();
    const r = renderRecovery(authenticator, { autoLogin: true });
    await emailAndFill(r, { recoveryCode: kit.recoveryCode, recoveryKeyId: kit.credId });
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    await r.user.click(await screen.findByRole('button', { name: en.buttons.createNewPasskey }, { timeout: 5000 }));
    await status(r, 'showing-recovery-kit');
    // Nothing logs in while the kit is on screen: only its challenge may be fetched ahead.
    await waitFor(() => expect(requests).toContain('POST /auth/login/init'));
    expect(requests).not.toContain('POST /auth/login');
    expect(r.onSuccess).not.toHaveBeenCalled();

    await r.user.click(screen.getByLabelText(en.buttons.savedKit));
    await r.user.click(screen.getByRole('button', { name: en.buttons.continue }));
    await status(r, 'success');

    expect(requests).toEqual([
      'POST /auth/recover/user/code',
      'POST /auth/recover/user/init',
      'POST /auth/recover/user',
      'POST /auth/login/init',
      'POST /auth/login',
    ]);
    const janeId = emulator.users().find((u) => u.username === JANE)!.userId;
    expect(r.onError).not.toHaveBeenCalled();
    expect(r.onSuccess).toHaveBeenCalledTimes(1);
    expect(r.onSuccess).toHaveBeenCalledWith({
      user: { id: janeId, username: JANE, orgId: emulator.orgId },
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });
    const { token } = r.onSuccess.mock.calls[0]![0] as { token: string };
    expect(document.body.innerHTML).not.toContain(token);
    // The token is Jane's: the emulator accepts it for her own credentials.
    const listed = await fetch(`${BASE}/auth/credentials`, { headers: { authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    expect(authenticator.credentials()).toHaveLength(1);
    await expect(logIn(oldAuthenticator)).rejects.toThrow();
  });

  it('shows a wrong recovery code on the form, keeps the other fields, clears the code, and recovers once it is fixed', async () => {
    const { kit } = await registerJane();
    const r = renderRecovery(newAuthenticator());
    const verificationCode = await emailAndFill(r, { recoveryCode: generateRecoveryCode(), recoveryKeyId: kit.credId });
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));

    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain(en.errors.recovery_code_invalid);
    expect(r.root().getAttribute('data-status')).toBe('error');
    expect(r.onError).toHaveBeenCalledTimes(1);
    expect(r.onError.mock.calls[0]![0]).toMatchObject({ code: 'recovery_code_invalid' });
    expect((screen.getByLabelText(en.labels.username) as HTMLInputElement).value).toBe(JANE);
    expect((screen.getByLabelText(en.labels.verificationCode) as HTMLInputElement).value).toBe(verificationCode);
    expect((screen.getByLabelText(en.labels.recoveryKeyId) as HTMLInputElement).value).toBe(kit.credId);
    const codeField = screen.getByLabelText(en.labels.recoveryCode) as HTMLInputElement;
    expect(codeField.value).toBe('');
    expect(codeField.getAttribute('aria-invalid')).toBe('true');
    // Unlocking failed before any passkey prompt.
    expect(emulator.credentials().filter((c) => c.kind === 'Fido2')).toHaveLength(1);
    await expectNoAxeViolations(r.container);

    await r.user.type(codeField, kit.recoveryCode);
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    await createPasskeyAndSaveKit(r);
    // The challenge of the first try was reused: the emailed code is single-use.
    expect(requests).toEqual(['POST /auth/recover/user/code', 'POST /auth/recover/user/init', 'POST /auth/recover/user']);
  });

  it('reports an unknown recovery key id on its field, and recovers after it is corrected', async () => {
    const { kit } = await registerJane();
    const r = renderRecovery(newAuthenticator());
    await emailAndFill(r, { recoveryCode: kit.recoveryCode, recoveryKeyId: 'A'.repeat(43) });
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));

    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain(en.errors.recovery_key_not_found);
    const keyField = screen.getByLabelText(en.labels.recoveryKeyId) as HTMLInputElement;
    expect(keyField.getAttribute('aria-invalid')).toBe('true');

    await r.user.clear(keyField);
    await r.user.type(keyField, kit.credId);
    // The recovery code was not the problem and stays typed.
    expect((screen.getByLabelText(en.labels.recoveryCode) as HTMLInputElement).value).toBe(kit.recoveryCode);
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    await createPasskeyAndSaveKit(r);
    expect(requests).toEqual([
      'POST /auth/recover/user/code',
      'POST /auth/recover/user/init',
      'POST /auth/recover/user/init',
      'POST /auth/recover/user',
    ]);
  });

  it('fills the codes from an uploaded English recovery kit file', async () => {
    const { kit } = await registerJane();
    const r = renderRecovery(newAuthenticator());
    await r.user.type(screen.getByLabelText(en.labels.username), JANE);
    await r.user.click(screen.getByRole('button', { name: en.buttons.sendCode }));
    await status(r, 'code-sent');
    await r.user.type(screen.getByLabelText(en.labels.verificationCode), emulator.lastCode(JANE, 'recovery')!);
    const file = new File([recoveryKitText(kit, en)], 'recovery-kit.txt', { type: 'text/plain' });
    await r.user.upload(screen.getByLabelText(en.buttons.uploadKit), file);

    await waitFor(() => expect((screen.getByLabelText(en.labels.recoveryCode) as HTMLInputElement).value).toBe(kit.recoveryCode));
    expect((screen.getByLabelText(en.labels.recoveryKeyId) as HTMLInputElement).value).toBe(kit.credId);
    expect(screen.getByRole('status').textContent).toBe(en.recoverAccount.kitFileRead);
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    await createPasskeyAndSaveKit(r);
    expect(r.onSuccess).toHaveBeenCalledTimes(1);
  });

  it('fills the codes and the username from a German recovery kit file', async () => {
    const { kit } = await registerJane();
    const r = renderRecovery(newAuthenticator());
    await r.user.click(screen.getByRole('button', { name: en.buttons.haveCode }));
    await status(r, 'code-sent');
    const file = new File([recoveryKitText(kit, germanMessages)], 'wiederherstellungs-kit.txt', { type: 'text/plain' });
    await r.user.upload(screen.getByLabelText(en.buttons.uploadKit), file);
    await waitFor(() => expect((screen.getByLabelText(en.labels.recoveryKeyId) as HTMLInputElement).value).toBe(kit.credId));
    expect((screen.getByLabelText(en.labels.recoveryCode) as HTMLInputElement).value).toBe(kit.recoveryCode);
    expect((screen.getByLabelText(en.labels.username) as HTMLInputElement).value).toBe(JANE);
  });

  it('says so when an uploaded file holds no recovery kit', async () => {
    await registerJane();
    const r = renderRecovery(newAuthenticator());
    await r.user.click(screen.getByRole('button', { name: en.buttons.haveCode }));
    await r.user.upload(screen.getByLabelText(en.buttons.uploadKit), new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(en.recoverAccount.kitFileUnreadable));
    expect((screen.getByLabelText(en.labels.recoveryCode) as HTMLInputElement).value).toBe('');
  });

  it('shows a failed recovery request with a Retry that reuses the unlocked key and recovers', async () => {
    const { kit } = await registerJane();
    const r = renderRecovery(newAuthenticator());
    await emailAndFill(r, { recoveryCode: kit.recoveryCode, recoveryKeyId: kit.credId });
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    await r.user.click(await screen.findByRole('button', { name: en.buttons.createNewPasskey }, { timeout: 5000 }));
    // Set after the prompt opened, so only the final request fails.
    emulator.faults.set({ path: '/auth/recover/user', method: 'POST', status: 503, times: 1 });
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain(en.errors.server_error);
    await expectNoAxeViolations(r.container);
    await r.user.click(screen.getByRole('button', { name: en.buttons.retry }));
    await status(r, 'showing-recovery-kit');
    expect(requests.filter((x) => x === 'POST /auth/recover/user/init')).toHaveLength(1);
    expect(requests.filter((x) => x === 'POST /auth/recover/user')).toHaveLength(2);
  });
});

describe('<RecoverAccount/> passkey step', () => {
  it('shows a cancelled prompt with a Retry that reopens it in the same click, without new requests', async () => {
    const { kit } = await registerJane();
    const r = renderRecovery(createFakeAuthenticator({ create: ['cancel', 'succeed'] }));
    await emailAndFill(r, { recoveryCode: kit.recoveryCode, recoveryKeyId: kit.credId });
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    await r.user.click(await screen.findByRole('button', { name: en.buttons.createNewPasskey }, { timeout: 5000 }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en.errors.passkey_cancelled);
    expect(r.onError.mock.calls[0]![0]).toMatchObject({ code: 'passkey_cancelled' });
    await r.user.click(screen.getByRole('button', { name: en.buttons.retry }));
    await status(r, 'showing-recovery-kit');
    expect(requests).toEqual(['POST /auth/recover/user/code', 'POST /auth/recover/user/init', 'POST /auth/recover/user']);
  });

  it('aborts a hanging prompt on unmount without errors or state updates', async () => {
    const { kit } = await registerJane();
    const consoleError = vi.spyOn(console, 'error');
    const r = renderRecovery(createFakeAuthenticator({ create: 'hang' }));
    await emailAndFill(r, { recoveryCode: kit.recoveryCode, recoveryKeyId: kit.credId });
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    await r.user.click(await screen.findByRole('button', { name: en.buttons.createNewPasskey }, { timeout: 5000 }));
    expect(screen.getByRole('button', { name: en.buttons.createNewPasskey }).getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe(en.status.recoverAccount['awaiting-authenticator']);
    r.unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.onError).not.toHaveBeenCalled();
    expect(r.onSuccess).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(requests).toEqual(['POST /auth/recover/user/code', 'POST /auth/recover/user/init']);
    consoleError.mockRestore();
  });
});

describe('<RecoverAccount/> in delegated mode', () => {
  it('recovers through the backend relay without any email or verification code', async () => {
    const { kit } = await registerJane();
    const sa = await emulator.createServiceAccount({ name: 'backend' });
    const saClient = createDfnsClient({ baseUrl: BASE, orgId: emulator.orgId, authToken: sa.token });
    const getChallenge = vi.fn((params: { username: string; credentialId: string }, { signal }: { signal: AbortSignal }) =>
      initDelegatedRecovery(saClient, params, { sign: keySigner({ credId: sa.credId, privateKey: sa.privateKey }), signal }),
    );
    const r = renderRecovery(newAuthenticator(), { getChallenge });
    expect(screen.queryByLabelText(en.labels.verificationCode)).toBeNull();
    await r.user.type(screen.getByLabelText(en.labels.username), JANE);
    await r.user.type(screen.getByLabelText(en.labels.recoveryCode), kit.recoveryCode);
    await r.user.type(screen.getByLabelText(en.labels.recoveryKeyId), kit.credId);
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    await createPasskeyAndSaveKit(r);

    expect(getChallenge).toHaveBeenCalledTimes(1);
    expect(getChallenge.mock.calls[0]![0]).toEqual({ username: JANE, credentialId: kit.credId });
    expect(requests.some((x) => x.startsWith('POST /auth/recover/user/code') || x.startsWith('POST /auth/recover/user/init'))).toBe(false);
    expect(requests.at(-1)).toBe('POST /auth/recover/user');
    expect(emulator.outbox.filter((m) => m.kind === 'recovery')).toHaveLength(0);
    expect(r.onSuccess).toHaveBeenCalledTimes(1);
  });

  it('refuses a malformed relay answer as invalid_response', async () => {
    const { kit } = await registerJane();
    const r = renderRecovery(newAuthenticator(), { username: JANE, getChallenge: async () => ({ challenge: 'x' }) });
    await r.user.type(screen.getByLabelText(en.labels.recoveryCode), kit.recoveryCode);
    await r.user.type(screen.getByLabelText(en.labels.recoveryKeyId), kit.credId);
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en.errors.invalid_response);
    expect(r.onError.mock.calls[0]![0]).toMatchObject({ code: 'invalid_response' });
  });
});

describe('<RecoverAccount/> rendering', () => {
  it('renders on the server without touching window or document', () => {
    const html = renderToString(
      <DfnsAuthProvider baseUrl={BASE} orgId="or-test" rp={RP}>
        <RecoverAccount />
      </DfnsAuthProvider>,
    );
    expect(html).toContain('dfns-RecoverAccount');
    expect(html).toContain('data-status="idle"');
  });

  it('lets children replace the markup, driven by the hook', () => {
    renderRecovery(newAuthenticator(), { children: (recovery) => <p>custom {recovery.state.status}</p> });
    expect(screen.getByText('custom idle')).toBeTruthy();
  });
});

describe('<RecoverAccount/> on an organisation that asks for a platform passkey', () => {
  it('shows passkey_platform_unavailable for the new passkey without a prompt when the device has none', async () => {
    const { kit } = await registerJane();
    expect(emulator.passkeySettings.authenticatorAttachment).toBe('platform');
    const device = newAuthenticator();
    const create = vi.spyOn(device, 'create');
    const r = renderRecovery(createFakeAuthenticator({ authenticator: device, platformAuthenticator: false }));
    await emailAndFill(r, { recoveryCode: kit.recoveryCode, recoveryKeyId: kit.credId });
    await r.user.click(screen.getByRole('button', { name: en.buttons.recover }));
    await r.user.click(await screen.findByRole('button', { name: en.buttons.createNewPasskey }, { timeout: 5000 }));
    await status(r, 'error');
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('passkey_platform_unavailable');
    expect(alert.textContent).toContain(en.errors.passkey_platform_unavailable);
    expect(alert.textContent).not.toContain(en.errorTitles.passkey_cancelled);
    expect(r.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_platform_unavailable' }));
    expect(create).not.toHaveBeenCalled();
    expect(requests).not.toContain('POST /auth/recover/user');
  });
});
