/**
 * `<SocialSignIn/>` against the emulator (issue 17): the app brings an id token minted by the
 * emulator's own OIDC issuer; a new person gets an account with a passkey in one click and three
 * requests, a known one is signed in with one, and every refused token ends in a typed error.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SocialSignIn, type SocialSignInProps } from '../../src/components/SocialSignIn';
import { createOidcIssuer } from '../../src/emulator/index';
import { englishMessages as en } from '../../src/messages/en';
import { germanMessages as de } from '../../src/messages/de';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { BASE_URL, RP, axeViolations, emulatorServer, registeredUser, softwareAuthenticator } from './credentialTestKit';

const { emulator, server, calls, requests } = emulatorServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  requests.length = 0;
  emulator.reset();
});
afterAll(() => server.close());

const JANE = 'jane@example.com';

function renderSocial(props: Partial<SocialSignInProps> & Pick<SocialSignInProps, 'getIdToken'>) {
  const onSuccess = vi.fn();
  const onError = vi.fn();
  const authenticator = softwareAuthenticator();
  const queryClient = new QueryClient();
  const view = render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulator.orgId} rp={RP} authenticator={authenticator}>
          <SocialSignIn onSuccess={onSuccess} onError={onError} {...props} />
        </DfnsAuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  const root = () => view.container.querySelector('.dfns-SocialSignIn')!;
  return { ...view, onSuccess, onError, root, user: userEvent.setup(), authenticator };
}

describe('<SocialSignIn/>', () => {
  it('signs up a new person with a passkey, a recovery kit and a wallet: one click, one prompt, three requests', async () => {
    const r = renderSocial({ getIdToken: () => emulator.oidc.idTokenFor(JANE) });
    expect(r.root().getAttribute('data-status')).toBe('idle');
    await r.user.click(screen.getByRole('button', { name: 'Continue with Google' }));
    await screen.findByLabelText(en.buttons.savedKit);
    expect(r.root().getAttribute('data-status')).toBe('showing-recovery-kit');
    expect(calls()).toEqual(['POST /auth/login/social', 'POST /auth/registration/social', 'POST /auth/registration/enduser']);
    expect(r.onSuccess).not.toHaveBeenCalled();
    await r.user.click(screen.getByLabelText(en.buttons.savedKit));
    await r.user.click(screen.getByRole('button', { name: en.buttons.continue }));
    await waitFor(() => expect(r.onSuccess).toHaveBeenCalledTimes(1));
    const result = r.onSuccess.mock.calls[0]![0];
    expect(result).toMatchObject({ outcome: 'registered', token: expect.any(String), user: { username: JANE } });
    expect(result.wallets).toHaveLength(1);
    expect(r.root().getAttribute('data-status')).toBe('success');
    expect(screen.getByText(en.socialSignIn.registered({ username: JANE }))).toBeTruthy();
    expect(emulator.credentials().map((c) => c['kind']).sort()).toEqual(['Fido2', 'RecoveryKey']);
    expect(await axeViolations(r.container)).toEqual([]);
  });

  it('signs in a person Dfns knows with one request and no passkey prompt', async () => {
    await registeredUser(emulator, JANE, softwareAuthenticator());
    const r = renderSocial({ getIdToken: () => emulator.oidc.idTokenFor(JANE) });
    const create = vi.spyOn(r.authenticator, 'create');
    await r.user.click(screen.getByRole('button', { name: 'Continue with Google' }));
    await waitFor(() => expect(r.onSuccess).toHaveBeenCalledTimes(1));
    expect(r.onSuccess.mock.calls[0]![0]).toEqual({ token: expect.any(String), outcome: 'signed-in' });
    expect(calls()).toEqual(['POST /auth/login/social']);
    expect(create).not.toHaveBeenCalled();
    expect(r.root().getAttribute('data-status')).toBe('success');
  });

  it('registers without a recovery key when asked, and signs the new user in at once', async () => {
    const r = renderSocial({ getIdToken: () => emulator.oidc.idTokenFor(JANE), recoveryKey: false, wallets: [{ network: 'KeyECDSA' }] });
    await r.user.click(screen.getByRole('button', { name: 'Continue with Google' }));
    await waitFor(() => expect(r.onSuccess).toHaveBeenCalledTimes(1));
    expect(r.onSuccess.mock.calls[0]![0].wallets[0].network).toBe('KeyECDSA');
    expect(emulator.credentials().map((c) => c['kind'])).toEqual(['Fido2']);
  });

  it.each([
    ['expired', () => emulator.oidc.idTokenFor(JANE, { expiresInSeconds: -600 })],
    ['for another app', () => emulator.oidc.idTokenFor(JANE, { audience: 'another-app' })],
    ['from another issuer', () => createOidcIssuer({ issuer: 'https://evil.example', clientId: emulator.oidc.clientId }).idTokenFor(JANE)],
    ['badly signed', () => createOidcIssuer({ issuer: emulator.oidc.issuer, clientId: emulator.oidc.clientId }).idTokenFor(JANE)],
  ])('an id token %s ends in a typed error with Try again, never a token', async (_, mint) => {
    const r = renderSocial({ getIdToken: mint });
    await r.user.click(screen.getByRole('button', { name: 'Continue with Google' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en.errorTitles.id_token_refused);
    expect(r.root().getAttribute('data-status')).toBe('error');
    expect(r.onError.mock.calls[0]![0].code).toBe('id_token_refused');
    expect(r.onSuccess).not.toHaveBeenCalled();
    expect(emulator.users()).toEqual([]);
    // The 401 of a bad token reads as "unknown person" first; the registration then says why.
    expect(calls()).toEqual(['POST /auth/login/social', 'POST /auth/registration/social']);
    expect(screen.getByRole('button', { name: en.buttons.retry })).toBeTruthy();
  });

  it('Try again after a refused token asks the app for a new one and finishes the registration', async () => {
    let first = true;
    const getIdToken = vi.fn(() => {
      const token = emulator.oidc.idTokenFor(JANE, first ? { expiresInSeconds: -600 } : {});
      first = false;
      return token;
    });
    const r = renderSocial({ getIdToken, recoveryKey: false });
    await r.user.click(screen.getByRole('button', { name: 'Continue with Google' }));
    await r.user.click(await screen.findByRole('button', { name: en.buttons.retry }));
    await waitFor(() => expect(r.onSuccess).toHaveBeenCalledTimes(1));
    expect(getIdToken).toHaveBeenCalledTimes(2);
    expect(r.onSuccess.mock.calls[0]![0].outcome).toBe('registered');
  });

  it('a getIdToken that fails (the person closed the popup) is id_token_unavailable, in German too', async () => {
    const r = renderSocial({ getIdToken: () => Promise.reject(new Error('popup_closed')), messages: de });
    await r.user.click(screen.getByRole('button', { name: 'Weiter mit Google' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(de.errorTitles.id_token_unavailable);
    expect(r.onError.mock.calls[0]![0].code).toBe('id_token_unavailable');
    expect(calls()).toEqual([]);
  });

  it('keeps the id token and tokens out of storage and the page', async () => {
    let idToken = '';
    const r = renderSocial({ getIdToken: async () => (idToken = await emulator.oidc.idTokenFor(JANE)), recoveryKey: false });
    await r.user.click(screen.getByRole('button', { name: 'Continue with Google' }));
    await waitFor(() => expect(r.onSuccess).toHaveBeenCalledTimes(1));
    const token = r.onSuccess.mock.calls[0]![0].token as string;
    const everything = `${document.documentElement.outerHTML}${JSON.stringify({ ...localStorage })}${JSON.stringify({ ...sessionStorage })}`;
    expect(everything).not.toContain(idToken);
    expect(everything).not.toContain(token);
  });
});
