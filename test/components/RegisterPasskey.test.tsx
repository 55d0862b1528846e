import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initDelegatedRegistration } from '../../src/api/registration';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import type { DfnsEmulator } from '../../src/emulator/index';
import { keySigner } from '../../src/keys/signWithKey';
import { englishMessages } from '../../src/messages/en';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createFakeAuthenticator, type FakeCeremonyScript } from '../../src/testing/index';
import {
  axeViolations,
  BASE,
  createTestServer,
  directClient,
  persistedText,
  recording,
  renderKit,
  RP,
  softwareAuthenticator,
} from './passkeyFlowHarness';

const { server, requests, timeline, bodies, useEmulator } = createTestServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const USERNAME = 'jane@example.com';
const INIT = 'POST /auth/registration/init';
const COMPLETE = 'POST /auth/registration';
const END_USER = 'POST /auth/registration/enduser';
const LOGIN_INIT = 'POST /auth/login/init';
const LOGIN = 'POST /auth/login';
const { labels, buttons, errors } = englishMessages;

const root = (container: HTMLElement) => container.querySelector('.dfns-RegisterPasskey') as HTMLElement;

/** An emulator with an invited user, and their emailed code. */
function invited() {
  const emulator = useEmulator();
  const { registrationCode, user } = emulator.createUser({ username: USERNAME });
  return { emulator, registrationCode, userId: user.userId };
}

/** Types the username and code into the fields and submits with Enter. */
async function fillAndSubmit(registrationCode: string) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: labels.username }), USERNAME);
  await user.type(screen.getByRole('textbox', { name: labels.registrationCode }), `${registrationCode}{Enter}`);
  return user;
}

/** Ticks "I have saved it" and continues past the recovery kit. */
async function saveKit(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('checkbox', { name: buttons.savedKit }));
  await user.click(screen.getByRole('button', { name: buttons.continue }));
}

/** A backend relay: the service account asks Dfns for the end user's challenge, outside the page. */
async function delegatedRelay(emulator: DfnsEmulator) {
  const sa = await emulator.createServiceAccount();
  const serverClient = directClient(emulator, sa.token);
  const sign = keySigner({ credId: sa.credId, privateKey: sa.privateKey });
  return vi.fn(({ username }: { username: string }) =>
    initDelegatedRegistration(serverClient, { email: username, kind: 'EndUser' }, { sign }),
  );
}

describe('<RegisterPasskey/>', () => {
  it('registers with a passkey and a recovery key in two requests, shows the kit, then calls onSuccess', async () => {
    const { emulator, registrationCode, userId } = invited();
    const authenticator = recording(softwareAuthenticator(), timeline);
    const onSuccess = vi.fn();
    const { container, queryClient } = renderKit(<RegisterPasskey onSuccess={onSuccess} />, { emulator, authenticator });
    const user = await fillAndSubmit(registrationCode);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'showing-recovery-kit'));
    expect(requests).toEqual([INIT, COMPLETE]);
    expect(timeline).toEqual([`request ${INIT}`, 'create', `request ${COMPLETE}`]);
    const complete = bodies[1] as { recoveryCredential: { credentialKind: string; credentialInfo: { credId: string } } };
    expect(complete.recoveryCredential.credentialKind).toBe('RecoveryKey');
    const recoveryCode = container.querySelector('[data-field="recovery-code"] code')?.textContent ?? '';
    expect(recoveryCode).toMatch(/^D1-[A-Z2-9]{6}(-[A-Z2-9]{5}){4}-[A-Z2-9]{6}$/);
    expect(container.textContent).toContain(complete.recoveryCredential.credentialInfo.credId);
    expect(container.textContent).toContain(BASE);
    // Which fields recovery asks for, so a reader knows what the others are for.
    expect(screen.getByText(englishMessages.recoveryKit.fieldsHint)).toBeInTheDocument();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(emulator.credentials(userId).map((credential) => credential.kind).sort()).toEqual(['Fido2', 'RecoveryKey']);

    await saveKit(user);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith({ user: { id: userId, username: USERNAME, orgId: emulator.orgId } });
    // Said once: by the focused success message, not again by the live region.
    const success = screen.getByText(englishMessages.success.registered({ username: USERNAME }));
    // The success panel takes focus (its title and next step are read together).
    expect(success.closest('.dfns-success')).toHaveFocus();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(container.textContent?.split(englishMessages.status.registerPasskey.success)).toHaveLength(2);
    expect(requests).toEqual([INIT, COMPLETE]);
    for (const secret of [registrationCode, recoveryCode]) {
      expect(container.innerHTML).not.toContain(secret);
      expect(persistedText(queryClient)).not.toContain(secret);
    }
  });

  it('signs the same challenge with the passkey and the recovery key', async () => {
    const { emulator, registrationCode } = invited();
    const { container } = renderKit(<RegisterPasskey />, { emulator, authenticator: softwareAuthenticator() });
    await fillAndSubmit(registrationCode);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'showing-recovery-kit'));
    const body = bodies[1] as {
      firstFactorCredential: { credentialInfo: { clientData: string } };
      recoveryCredential: { credentialInfo: { clientData: string } };
    };
    const decode = (b64url: string) => JSON.parse(Buffer.from(b64url, 'base64url').toString('utf8')) as { challenge: string };
    const passkeyChallenge = Buffer.from(decode(body.firstFactorCredential.credentialInfo.clientData).challenge, 'base64url').toString('utf8');
    expect(decode(body.recoveryCredential.credentialInfo.clientData).challenge).toBe(passkeyChallenge);
  });

  it('skips the recovery key and its kit with recoveryKey={false}', async () => {
    const { emulator, registrationCode, userId } = invited();
    const onSuccess = vi.fn();
    const { container } = renderKit(<RegisterPasskey recoveryKey={false} onSuccess={onSuccess} />, {
      emulator,
      authenticator: softwareAuthenticator(),
    });
    await fillAndSubmit(registrationCode);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(emulator.credentials(userId).map((credential) => credential.kind)).toEqual(['Fido2']);
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('logs in after the kit with autoLogin, the login challenge already fetched so Continue opens the prompt (4 requests)', async () => {
    const { emulator, registrationCode } = invited();
    const authenticator = recording(softwareAuthenticator(), timeline);
    const onSuccess = vi.fn();
    const { container } = renderKit(<RegisterPasskey autoLogin onSuccess={onSuccess} />, { emulator, authenticator });
    const user = await fillAndSubmit(registrationCode);
    await waitFor(() => expect(requests).toEqual([INIT, COMPLETE, LOGIN_INIT]));
    await user.click(screen.getByRole('checkbox', { name: buttons.savedKit }));
    await act(async () => {});
    const beforeContinue = timeline.length;
    fireEvent.click(screen.getByRole('button', { name: buttons.continue }));
    expect(timeline.slice(beforeContinue)).toEqual(['get']);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(requests).toEqual([INIT, COMPLETE, LOGIN_INIT, LOGIN]);
    expect(onSuccess).toHaveBeenCalledWith({ user: expect.objectContaining({ username: USERNAME }), token: expect.any(String) });
  });

  it('registers an end user with the default wallet and returns a token (mode="endUser")', async () => {
    const { emulator, registrationCode } = invited();
    const onSuccess = vi.fn();
    const { container } = renderKit(
      <RegisterPasskey mode="endUser" username={USERNAME} registrationCode={registrationCode} onSuccess={onSuccess} />,
      { emulator, authenticator: softwareAuthenticator() },
    );
    expect(screen.queryByRole('textbox')).toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: buttons.register }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'showing-recovery-kit'));
    await saveKit(user);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(requests).toEqual([INIT, END_USER]);
    expect((bodies[1] as { wallets: unknown }).wallets).toEqual([{ network: 'EthereumSepolia' }]);
    const [result] = onSuccess.mock.calls[0] as [{ token: string; wallets: { network: string }[] }];
    expect(result).toMatchObject({ user: { username: USERNAME }, token: expect.any(String) });
    expect(result.wallets).toEqual([expect.objectContaining({ network: 'EthereumSepolia' })]);
    expect(container.innerHTML).not.toContain(result.token);
  });

  describe('mode="delegated"', () => {
    it('gets the challenge from the backend and completes as an end user when wallets are given', async () => {
      const emulator = useEmulator();
      const getChallenge = await delegatedRelay(emulator);
      const onSuccess = vi.fn();
      const { container } = renderKit(
        <RegisterPasskey mode="delegated" wallets={[{ network: 'KeyECDSA', name: 'Main' }]} getChallenge={getChallenge} onSuccess={onSuccess} />,
        { emulator, authenticator: softwareAuthenticator() },
      );
      expect(screen.queryByRole('textbox', { name: labels.registrationCode })).toBeNull();
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: labels.username }), `${USERNAME}{Enter}`);
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'showing-recovery-kit'));
      await saveKit(user);
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(getChallenge).toHaveBeenCalledWith({ username: USERNAME });
      expect(requests).toEqual([END_USER]);
      expect(onSuccess).toHaveBeenCalledWith(
        expect.objectContaining({ token: expect.any(String), wallets: [expect.objectContaining({ network: 'KeyECDSA', name: 'Main' })] }),
      );
    });

    it('completes through /auth/registration when no wallets are given', async () => {
      const emulator = useEmulator();
      const getChallenge = await delegatedRelay(emulator);
      const onSuccess = vi.fn();
      const { container } = renderKit(
        <RegisterPasskey mode="delegated" username={USERNAME} recoveryKey={false} getChallenge={getChallenge} onSuccess={onSuccess} />,
        { emulator, authenticator: softwareAuthenticator() },
      );
      await userEvent.setup().click(screen.getByRole('button', { name: buttons.register }));
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(requests).toEqual([COMPLETE]);
      expect(onSuccess).toHaveBeenCalledWith({ user: expect.objectContaining({ username: USERNAME }) });
    });

    it('rejects a malformed backend answer as invalid_response, and Back then Register asks the backend again', async () => {
      const emulator = useEmulator();
      const relay = await delegatedRelay(emulator);
      const getChallenge = vi.fn().mockResolvedValueOnce({ challenge: 'x' }).mockImplementation(relay);
      const { container } = renderKit(
        <RegisterPasskey mode="delegated" username={USERNAME} recoveryKey={false} getChallenge={getChallenge} />,
        { emulator, authenticator: softwareAuthenticator() },
      );
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: buttons.register }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(errors.invalid_response);
      // Not retryable (the same answer would come back): Back, and the Register button asks again.
      expect(within(alert).queryByRole('button', { name: buttons.retry })).toBeNull();
      await user.click(within(alert).getByRole('button', { name: buttons.back }));
      await user.click(screen.getByRole('button', { name: buttons.register }));
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(getChallenge).toHaveBeenCalledTimes(2);
    });
    it('tells a JavaScript caller that forgot getChallenge what is missing, as a config_error, without a request', async () => {
      const emulator = useEmulator();
      const onError = vi.fn();
      // What a caller without TypeScript can still write (the types refuse it).
      const untyped = { mode: 'delegated', username: USERNAME, recoveryKey: false, onError } as unknown as Parameters<typeof RegisterPasskey>[0];
      renderKit(<RegisterPasskey {...untyped} />, { emulator, authenticator: softwareAuthenticator() });
      await userEvent.setup().click(screen.getByRole('button', { name: buttons.register }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(errors.config_error);
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'config_error', message: expect.stringContaining('getChallenge') }));
      expect(requests).toEqual([]);
    });
  });

  describe('errors', () => {
    const cases: {
      name: string;
      code: keyof typeof errors;
      create?: FakeCeremonyScript[];
      fault?: (emulator: DfnsEmulator) => void;
      wrongCode?: boolean;
      failed: string[];
      /** The one way on the alert offers: Try again, Back to the form, or nothing (only the site's owner can fix it). */
      then: 'retry' | 'back' | 'none';
    }[] = [
      { name: 'a cancelled prompt', code: 'passkey_cancelled', create: ['cancel', 'succeed'], failed: [INIT], then: 'retry' },
      { name: 'a passkey already on this device', code: 'passkey_already_registered', create: ['already-registered', 'succeed'], failed: [INIT], then: 'back' },
      { name: 'an rp id the page may not use', code: 'passkey_invalid_domain', create: ['invalid-domain', 'succeed'], failed: [INIT], then: 'none' },
      { name: 'a browser without passkeys', code: 'webauthn_unsupported', create: ['unsupported', 'succeed'], failed: [INIT], then: 'none' },
      {
        then: 'retry',
        name: 'a 500 from init',
        code: 'server_error',
        fault: (emulator) => emulator.faults.set({ path: '/auth/registration/init', status: 500, times: 1 }),
        failed: [INIT],
      },
      {
        then: 'back',
        name: 'a 400 from completion',
        code: 'http_error',
        fault: (emulator) => emulator.faults.set({ path: '/auth/registration', method: 'POST', status: 400, times: 1 }),
        failed: [INIT, COMPLETE],
      },
      {
        then: 'retry',
        name: 'a dropped connection',
        code: 'network_error',
        fault: (emulator) => emulator.faults.set({ path: '/auth/registration/init', drop: true, times: 1 }),
        failed: [INIT],
      },
      {
        then: 'back',
        name: 'a malformed 200',
        code: 'invalid_response',
        fault: (emulator) => emulator.faults.set({ path: '/auth/registration/init', status: 200, body: '{"user":{}}', times: 1 }),
        failed: [INIT],
      },
      { name: 'a wrong registration code', code: 'unauthorized', wrongCode: true, failed: [INIT], then: 'back' },
    ];

    it.each(cases)('shows the catalogue title and message for $name, offers $then, and that way registers with a fresh challenge', async ({ code, create, fault, wrongCode, failed, then }) => {
      const { emulator, registrationCode } = invited();
      fault?.(emulator);
      const device = softwareAuthenticator();
      const authenticator = create ? createFakeAuthenticator({ create, authenticator: device }) : device;
      const onError = vi.fn();
      const { container } = renderKit(<RegisterPasskey recoveryKey={false} onError={onError} />, { emulator, authenticator });
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: labels.username }), USERNAME);
      await user.type(screen.getByRole('textbox', { name: labels.registrationCode }), `${wrongCode ? 'WRONG-CODE' : registrationCode}{Enter}`);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(englishMessages.errorTitles[code]);
      expect(alert.textContent).toContain(errors[code]);
      expect(alert).toHaveAttribute('data-code', code);
      expect(alert).toHaveFocus();
      expect(onError).toHaveBeenCalledTimes(1);
      expect(requests).toEqual(failed);
      // Said once: the status line does not repeat the alert.
      expect(screen.getByRole('status')).toHaveTextContent('');
      // The alert's actions (the reference's Copy, when there is one, is fine print, not a way on).
      const offered = [...alert.querySelectorAll('.dfns-actions button')].map((button) => button.textContent);
      if (then === 'none') {
        // Retrying or editing cannot fix the site's setup: no button pretends it can.
        expect(offered).toEqual([]);
        return;
      }
      expect(offered).toEqual(then === 'retry' ? [buttons.retry, buttons.back] : [buttons.back]);
      if (then === 'back') {
        // Back to the form, the fields kept; fix what was wrong and submit again.
        await user.click(within(alert).getByRole('button', { name: buttons.back }));
        const field = screen.getByRole('textbox', { name: labels.registrationCode });
        if (wrongCode) {
          await user.clear(field);
          await user.type(field, registrationCode);
        }
        if ((field as HTMLInputElement).value === '') await user.type(field, registrationCode);
        await user.click(screen.getByRole('button', { name: buttons.register }));
      } else {
        await user.click(within(alert).getByRole('button', { name: buttons.retry }));
      }
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(requests).toEqual([...failed, INIT, COMPLETE]);
    });

    it('offers Sign in instead for a passkey already on this device when the app handles it, and only then', async () => {
      const { emulator, registrationCode } = invited();
      const onSignInInstead = vi.fn();
      const authenticator = createFakeAuthenticator({ create: ['already-registered'], authenticator: softwareAuthenticator() });
      renderKit(<RegisterPasskey recoveryKey={false} onSignInInstead={onSignInInstead} />, { emulator, authenticator });
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: labels.username }), USERNAME);
      await user.type(screen.getByRole('textbox', { name: labels.registrationCode }), `${registrationCode}{Enter}`);
      const alert = await screen.findByRole('alert');
      expect([...alert.querySelectorAll('.dfns-actions button')].map((button) => button.textContent)).toEqual([buttons.signInInstead, buttons.back]);
      await user.click(within(alert).getByRole('button', { name: buttons.signInInstead }));
      expect(onSignInInstead).toHaveBeenCalledTimes(1);
    });

    it('shows Cancel only when the app passes onCancel; Cancel stops the flow and calls it', async () => {
      const { emulator, registrationCode } = invited();
      const onCancel = vi.fn();
      const authenticator = createFakeAuthenticator({ create: 'hang' });
      const { unmount } = renderKit(<RegisterPasskey recoveryKey={false} />, { emulator, authenticator });
      expect(screen.queryByRole('button', { name: buttons.cancel })).toBeNull();
      unmount();
      const { container } = renderKit(<RegisterPasskey recoveryKey={false} username={USERNAME} registrationCode={registrationCode} onCancel={onCancel} />, { emulator, authenticator });
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: buttons.register }));
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'awaiting-authenticator'));
      await user.click(screen.getByRole('button', { name: buttons.cancel }));
      expect(onCancel).toHaveBeenCalledTimes(1);
      expect(root(container)).toHaveAttribute('data-status', 'idle');
    });

    it('offers Continue after a refused gesture and creates the passkey with the same challenge', async () => {
      const { emulator, registrationCode } = invited();
      const device = softwareAuthenticator();
      let calls = 0;
      const authenticator = {
        get: device.get,
        create: (options: Parameters<typeof device.create>[0], call?: Parameters<typeof device.create>[1]) => {
          calls += 1;
          if (calls === 1) return Promise.reject(new DOMException('This request requires a user gesture.', 'NotAllowedError'));
          return device.create(options, call);
        },
      };
      const { container } = renderKit(<RegisterPasskey recoveryKey={false} />, { emulator, authenticator });
      const user = await fillAndSubmit(registrationCode);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(errors.passkey_no_user_gesture);
      await user.click(within(alert).getByRole('button', { name: buttons.continue }));
      await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
      expect(requests).toEqual([INIT, COMPLETE]);
    });
  });

  it('aborts a hanging prompt on unmount without a state update warning', async () => {
    const { emulator, registrationCode } = invited();
    const authenticator = recording(createFakeAuthenticator({ create: 'hang' }));
    const consoleError = vi.spyOn(console, 'error');
    const { container, unmount } = renderKit(<RegisterPasskey />, { emulator, authenticator });
    await fillAndSubmit(registrationCode);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'awaiting-authenticator'));
    unmount();
    expect(authenticator.log.create[0]!.aborted).toBe(true);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(consoleError).not.toHaveBeenCalled();
    expect(requests).toEqual([INIT]);
  });

  it('renders the idle, error, recovery kit and success states without axe violations', async () => {
    const { emulator, registrationCode } = invited();
    const authenticator = createFakeAuthenticator({ create: ['cancel', 'succeed'], authenticator: softwareAuthenticator() });
    const { container } = renderKit(<RegisterPasskey />, { emulator, authenticator });
    expect(await axeViolations(container)).toEqual([]);
    const user = await fillAndSubmit(registrationCode);
    const alert = await screen.findByRole('alert');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(within(alert).getByRole('button', { name: buttons.retry }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'showing-recovery-kit'));
    expect(await axeViolations(container)).toEqual([]);
    await saveKit(user);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('renders on the server without touching window or document', () => {
    const html = renderToString(
      <DfnsAuthProvider baseUrl={BASE} orgId="or-ssr" rp={RP}>
        <RegisterPasskey />
      </DfnsAuthProvider>,
    );
    expect(html).toContain('dfns-RegisterPasskey');
    expect(html).toContain('data-status="idle"');
  });

  it('lets a render prop replace the markup inside the root', async () => {
    const { emulator, registrationCode } = invited();
    const { container } = renderKit(
      <RegisterPasskey recoveryKey={false}>
        {(register) => <button onClick={() => register.start({ username: USERNAME, registrationCode })}>Mine</button>}
      </RegisterPasskey>,
      { emulator, authenticator: softwareAuthenticator() },
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Mine' }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-status', 'success'));
    expect(requests).toEqual([INIT, COMPLETE]);
  });
});
