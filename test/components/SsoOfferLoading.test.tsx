/**
 * The SSO offer of `<LoginWithPasskey sso>` is a chunk of its own (issue 19): it is fetched only
 * when the app passed `sso` and a sign-in is under way, and a chunk that does not arrive is a
 * retryable `network_error` in the card, not a blank card. The tests share the module's one
 * chunk state, as a page does, so they run in order.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { englishMessages as en } from '../../src/messages/en';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { axeViolations, emulatorServer, registeredUser, renderWithKit, softwareAuthenticator } from './credentialTestKit';

/** How often the offer's chunk was asked for, and whether it fails to arrive (as over a dropped connection). */
const chunk = vi.hoisted(() => ({ loads: 0, failing: false }));
vi.mock('../../src/components/parts/SsoOffer', async (importActual) =>
  (await import('./chunkOf')).chunkOf(await importActual<typeof import('../../src/components/parts/SsoOffer')>(), 'SsoOffer', chunk),
);

const { emulator, server, calls, requests } = emulatorServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  requests.length = 0;
  emulator.reset();
  sessionStorage.clear();
});
afterAll(() => server.close());

const BOB = 'bob@corp.example';
const REDIRECT_URI = 'http://localhost:6006/sso';

/** The card signed out, as an app renders it, with user events. */
function renderKit(ui: ReactNode, authenticator: PasskeyAuthenticator) {
  return { ...renderWithKit(ui, { emulator, authenticator }), user: userEvent.setup() };
}

/** Bob, registered with a passkey, whom the org sends through SSO. */
async function ssoUser(): Promise<PasskeyAuthenticator> {
  const authenticator = softwareAuthenticator();
  await registeredUser(emulator, BOB, authenticator);
  emulator.sso.requireFor(BOB);
  requests.length = 0;
  return authenticator;
}

describe('the SSO offer’s chunk', () => {
  it('is never fetched when the app did not pass sso, even when Dfns answers sso_required', async () => {
    const r = renderKit(<LoginWithPasskey username={BOB} />, await ssoUser());
    await r.user.click(screen.getByRole('button', { name: en.buttons.signIn }));
    expect((await screen.findByRole('alert')).textContent).toContain(en.errorTitles.sso_required);
    expect(chunk.loads).toBe(0);
  });

  it('that does not arrive is a retryable network_error in the card; Try again fetches it and the offer appears', async () => {
    chunk.failing = true;
    const navigate = vi.fn();
    const r = renderKit(<LoginWithPasskey username={BOB} sso={{ redirectUri: REDIRECT_URI, navigate }} />, await ssoUser());
    await r.user.click(screen.getByRole('button', { name: en.buttons.signIn }));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('network_error');
    expect(alert.textContent).toContain(en.errorTitles.network_error);
    // The card stays, and says what the next step is.
    expect(r.container.querySelector('.dfns-LoginWithPasskey')!.getAttribute('data-status')).toBe('sso-required');
    expect(await axeViolations(r.container)).toEqual([]);

    chunk.failing = false;
    await r.user.click(screen.getByRole('button', { name: en.buttons.retry }));
    await r.user.click(await screen.findByRole('button', { name: en.sso.continue }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    // No request is sent again for the chunk's sake: the login's two, then the SSO init.
    expect(calls()).toEqual(['POST /auth/login/init', 'POST /auth/login', 'POST /auth/login/sso/init']);
  });
});
