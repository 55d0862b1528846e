import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CredentialList } from '../../src/components/CredentialList';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { useRegisterPasskey } from '../../src/hooks/useRegisterPasskey';
import { englishMessages } from '../../src/messages/en';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { resetDeveloperWarnings } from '../../src/provider/warnDeveloper';
import { BASE, createTestServer, registeredUser, renderKit, softwareAuthenticator } from '../components/passkeyFlowHarness';

const { server, useEmulator } = createTestServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  resetDeveloperWarnings();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});

/** The text of every console.warn call so far. */
const warnings = () => warn.mock.calls.map((args: unknown[]) => args.map(String).join(' '));

describe('developer warnings (development builds)', () => {
  it('a wrong rp id warns once, naming the rp id and the page origin, however often it fails', async () => {
    const emulator = useEmulator();
    const authenticator = softwareAuthenticator();
    await registeredUser(emulator, 'jane@example.com', authenticator);
    // The page is on localhost; the provider says the passkeys belong to app.example.com.
    const signInOnce = async () => {
      const { unmount } = render(
        <DfnsAuthProvider baseUrl={BASE} orgId={emulator.orgId} rp={{ id: 'app.example.com', name: 'Example' }} authenticator={authenticator}>
          <LoginWithPasskey username="jane@example.com" />
        </DfnsAuthProvider>,
      );
      await userEvent.setup().click(screen.getByRole('button', { name: englishMessages.buttons.signIn }));
      expect((await screen.findByRole('alert')).dataset['code']).toBe('passkey_invalid_domain');
      unmount();
    };

    await signInOnce();
    await signInOnce();

    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('passkey_invalid_domain');
    expect(warnings()[0]).toContain('"app.example.com"');
    expect(warnings()[0]).toContain(`"${location.origin}"`);
  });

  it('a component outside the provider warns with the fix before it throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<LoginWithPasskey />)).toThrow(/inside <DfnsAuthProvider>/);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/config_error: .*must be used inside <DfnsAuthProvider>/);
  });

  it('a baseUrl that cannot work warns once with the fix', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const ui = (
      <DfnsAuthProvider baseUrl="api.dfns.io" orgId="or-1" rp={{ id: 'localhost', name: 'Example' }}>
        <RegisterPasskey />
      </DfnsAuthProvider>
    );
    expect(() => render(ui)).toThrow(/not an absolute URL/);
    expect(() => render(ui)).toThrow(/not an absolute URL/);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('baseUrl "api.dfns.io" is not an absolute URL');
  });

  it('an answer the kit cannot read warns without quoting the code, the auth token or the answer', async () => {
    const emulator = useEmulator();
    const { registrationCode } = emulator.createUser({ username: 'jane@example.com' });
    const temporaryToken = 'eyJ.temporary-token-from-the-answer.sig';
    emulator.faults.set({
      path: '/auth/registration/init',
      method: 'POST',
      status: 200,
      body: JSON.stringify({ temporaryAuthenticationToken: temporaryToken }),
    });
    const authToken = 'eyJ.app-auth-token.sig';
    const wrapper = ({ children }: { children: ReactNode }) => (
      <DfnsAuthProvider baseUrl={BASE} orgId={emulator.orgId} rp={{ id: 'localhost', name: 'Example' }} authToken={authToken} authenticator={softwareAuthenticator()}>
        {children}
      </DfnsAuthProvider>
    );
    const { result } = renderHook(() => useRegisterPasskey(), { wrapper });
    act(() => result.current.start({ username: 'jane@example.com', registrationCode }));
    await waitFor(() => expect(result.current.state.status).toBe('error'));

    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('invalid_response: POST /auth/registration/init returned a response the kit does not understand');
    for (const secret of [registrationCode, temporaryToken, authToken]) expect(warnings()[0]).not.toContain(secret);
  });

  it('the credential list warns when its answer cannot be read', async () => {
    const emulator = useEmulator();
    await registeredUser(emulator, 'jane@example.com', softwareAuthenticator());
    const token = await emulator.loginAs('jane@example.com');
    emulator.faults.set({ path: '/auth/credentials', method: 'GET', status: 200, body: '<!doctype html><title>Vite app</title>' });
    render(
      <DfnsAuthProvider baseUrl={BASE} orgId={emulator.orgId} rp={{ id: 'localhost', name: 'Example' }} authToken={token}>
        <CredentialList />
      </DfnsAuthProvider>,
    );
    await screen.findByRole('alert');
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('invalid_response: GET /auth/credentials returned HTTP 200 but');
    expect(warnings()[0]).not.toContain(token);
  });

  it('errors a user can fix (a dismissed prompt) log nothing', async () => {
    const emulator = useEmulator();
    const { registrationCode } = emulator.createUser({ username: 'jane@example.com' });
    const dismissed = { create: () => Promise.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError')), get: () => Promise.reject(new Error('unused')) };
    renderKit(<RegisterPasskey username="jane@example.com" registrationCode={registrationCode} />, { emulator, authenticator: dismissed });
    await userEvent.setup().click(screen.getByRole('button', { name: englishMessages.buttons.register }));
    await screen.findByRole('alert');
    expect(warnings()).toEqual([]);
  });
});
