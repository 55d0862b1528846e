/**
 * SSO through the emulator's identity provider (issue 17): `<LoginWithPasskey sso>` turns
 * `sso_required` into the organisation's sign-in, and `<SsoCallback/>` at the redirect URI
 * finishes it, refusing a state this tab did not issue and leaving no code in the URL.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { SsoCallback } from '../../src/components/SsoCallback';
import { englishMessages as en } from '../../src/messages/en';
import { PENDING_SSO_KEY, savePendingSsoLogin } from '../../src/sso/pendingSsoLogin';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { axeViolations, emulatorServer, registeredUser, renderWithKit, softwareAuthenticator } from './credentialTestKit';

const { emulator, server, calls, requests } = emulatorServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  requests.length = 0;
  emulator.reset();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

const BOB = 'bob@corp.example';
const REDIRECT_URI = 'http://localhost:6006/sso';

/** The card signed out, as an app renders it, with user events. */
function renderKit(ui: ReactNode, authenticator: PasskeyAuthenticator = softwareAuthenticator()) {
  return { ...renderWithKit(ui, { emulator, authenticator }), user: userEvent.setup() };
}

/** Bob, registered with a passkey, whom the org sends through SSO. */
async function ssoUser() {
  const authenticator = softwareAuthenticator();
  await registeredUser(emulator, BOB, authenticator);
  emulator.sso.requireFor(BOB);
  requests.length = 0;
  return authenticator;
}

/** Signs in at the emulator's identity-provider page; returns the redirect back (code and state). */
async function signInAtIdp(ssoRedirectUrl: string, email = BOB, action = 'approve'): Promise<URL> {
  const state = new URL(ssoRedirectUrl).searchParams.get('state')!;
  const answer = await emulator.handle(
    new Request(new URL('/emulator/idp/authorize', ssoRedirectUrl), { method: 'POST', body: new URLSearchParams({ state, email, action }) }),
  );
  return new URL(answer.headers.get('location')!);
}

/** Starts an SSO login the way `<LoginWithPasskey sso>` does; returns the identity provider's URL. */
async function leaveForIdp(): Promise<string> {
  const authenticator = await ssoUser();
  const navigate = vi.fn();
  const r = renderKit(<LoginWithPasskey username={BOB} sso={{ redirectUri: REDIRECT_URI, redirectAtOnce: true, navigate }} />, authenticator);
  await r.user.click(screen.getByRole('button', { name: en.buttons.signIn }));
  await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
  r.unmount();
  requests.length = 0;
  return navigate.mock.calls[0]![0] as string;
}

describe('<LoginWithPasskey sso>', () => {
  it('offers the organisation’s sign-in instead of the sso_required dead end, and leaves for it on the click', async () => {
    const authenticator = await ssoUser();
    const navigate = vi.fn();
    const r = renderKit(<LoginWithPasskey username={BOB} sso={{ redirectUri: REDIRECT_URI, navigate }} />, authenticator);
    await r.user.click(screen.getByRole('button', { name: en.buttons.signIn }));
    const go = await screen.findByRole('button', { name: en.sso.continue });
    const root = r.container.querySelector('.dfns-LoginWithPasskey')!;
    expect(root.getAttribute('data-status')).toBe('sso-required');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await axeViolations(r.container)).toEqual([]);
    expect(navigate).not.toHaveBeenCalled();

    await r.user.click(go);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const url = new URL(navigate.mock.calls[0]![0] as string);
    expect(url.pathname).toBe('/emulator/idp/authorize');
    expect(JSON.parse(sessionStorage.getItem(PENDING_SSO_KEY)!)).toMatchObject({ state: url.searchParams.get('state'), clientId: emulator.sso.clientId, redirectUri: REDIRECT_URI });
    expect(calls()).toEqual(['POST /auth/login/init', 'POST /auth/login', 'POST /auth/login/sso/init']);
  });

  it('with redirectAtOnce leaves without a second click', async () => {
    expect(new URL(await leaveForIdp()).pathname).toBe('/emulator/idp/authorize');
    expect(sessionStorage.getItem(PENDING_SSO_KEY)).not.toBeNull();
  });

  it('without the sso option it still shows the sso_required alert', async () => {
    const authenticator = await ssoUser();
    const r = renderKit(<LoginWithPasskey username={BOB} />, authenticator);
    await r.user.click(screen.getByRole('button', { name: en.buttons.signIn }));
    expect((await screen.findByRole('alert')).textContent).toContain(en.errorTitles.sso_required);
    expect(r.container.querySelector('.dfns-LoginWithPasskey')!.getAttribute('data-status')).toBe('error');
  });
});

describe('<SsoCallback/>', () => {
  it('finishes the login from the identity provider, then no code or state is left in the URL', async () => {
    const back = await signInAtIdp(await leaveForIdp());
    window.history.pushState(null, '', `/sso${back.search}#top`);
    const onSuccess = vi.fn();
    const r = renderKit(<SsoCallback onSuccess={onSuccess} />);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]![0]).toEqual({ token: expect.any(String) });
    expect(r.container.querySelector('.dfns-SsoCallback')!.getAttribute('data-status')).toBe('success');
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/sso#top');
    expect(sessionStorage.getItem(PENDING_SSO_KEY)).toBeNull();
    expect(calls()).toEqual(['POST /auth/login/sso']);
    expect(await axeViolations(r.container)).toEqual([]);
  });

  it('refuses a state this tab did not issue: sso_state_invalid, the code never sent, the URL cleaned', async () => {
    const back = await signInAtIdp(await leaveForIdp());
    savePendingSsoLogin({ state: 'another-state', clientId: emulator.sso.clientId, redirectUri: REDIRECT_URI, createdAt: Date.now() });
    window.history.pushState(null, '', `/sso${back.search}`);
    const onError = vi.fn();
    const onSuccess = vi.fn();
    renderKit(<SsoCallback onSuccess={onSuccess} onError={onError} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en.errorTitles.sso_state_invalid);
    expect(onError.mock.calls[0]![0].code).toBe('sso_state_invalid');
    expect(onSuccess).not.toHaveBeenCalled();
    expect(calls()).toEqual([]);
    expect(window.location.search).toBe('');
  });

  it('refuses a code when this tab started no SSO login (a planted link)', async () => {
    const back = await signInAtIdp(await leaveForIdp());
    sessionStorage.clear();
    window.history.pushState(null, '', `/sso${back.search}`);
    const onError = vi.fn();
    renderKit(<SsoCallback onError={onError} />);
    await screen.findByRole('alert');
    expect(onError.mock.calls[0]![0].code).toBe('sso_state_invalid');
    expect(calls()).toEqual([]);
  });

  it('a replayed code ends in a typed error, not a second token', async () => {
    const url = await leaveForIdp();
    const pending = sessionStorage.getItem(PENDING_SSO_KEY)!;
    const back = await signInAtIdp(url);
    window.history.pushState(null, '', `/sso${back.search}`);
    const first = vi.fn();
    const r = renderKit(<SsoCallback onSuccess={first} />);
    await waitFor(() => expect(first).toHaveBeenCalledTimes(1));
    r.unmount();
    // The same link again (e.g. from a log), even with the tab's pending login put back.
    sessionStorage.setItem(PENDING_SSO_KEY, pending);
    window.history.pushState(null, '', `/sso${back.search}`);
    const onError = vi.fn();
    const onSuccess = vi.fn();
    renderKit(<SsoCallback onSuccess={onSuccess} onError={onError} />);
    await screen.findByRole('alert');
    expect(onError.mock.calls[0]![0].code).toBe('unauthorized');
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('a person who cancels at the identity provider gets sso_cancelled, and Try again starts a new SSO login', async () => {
    const back = await signInAtIdp(await leaveForIdp(), BOB, 'deny');
    window.history.pushState(null, '', `/sso${back.search}`);
    const navigate = vi.fn();
    const r = renderKit(<SsoCallback navigate={navigate} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en.errorTitles.sso_cancelled);
    expect(window.location.search).toBe('');
    await r.user.click(screen.getByRole('button', { name: en.buttons.retry }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(new URL(navigate.mock.calls[0]![0] as string).pathname).toBe('/emulator/idp/authorize');
  });
});
