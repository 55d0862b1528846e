/**
 * What <LoginWithPasskey/> and <RegisterPasskey/> run (their requests, the passkey ceremony, and
 * for a sign-up the recovery kit and the login after it) is a chunk per flow (issue 19): not in what
 * the page loads to show the form, fetched by the hook as soon as it has mounted, and, when it cannot
 * arrive, a retryable network_error on the click or submit, with no request sent (an emailed code is
 * not spent), whose Try again fetches it again and finishes in the usual requests. The tests share
 * each module's one chunk state, as a page does, so they run in order.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { englishMessages as en } from '../../src/messages/en';
import { createTestServer, registeredUser, renderKit, softwareAuthenticator } from './passkeyFlowHarness';

/** How often each flow's steps chunk was asked for, and whether it fails to arrive (as over a dropped connection). */
const chunks = vi.hoisted(() => ({ login: { loads: 0, failing: true }, register: { loads: 0, failing: true } }));
vi.mock('../../src/hooks/loginSteps', async (importActual) =>
  (await import('./chunkOf')).chunkOf(await importActual<typeof import('../../src/hooks/loginSteps')>(), 'loginSteps', chunks.login),
);
vi.mock('../../src/hooks/registerSteps', async (importActual) =>
  (await import('./chunkOf')).chunkOf(await importActual<typeof import('../../src/hooks/registerSteps')>(), 'registerSteps', chunks.register),
);

const { server, requests, useEmulator } = createTestServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const JANE = 'jane@example.com';
const statusOf = (container: HTMLElement, name: string) => container.querySelector(`.dfns-${name}`)?.getAttribute('data-status');

describe('the sign-in steps’ chunk', () => {
  it('is fetched when the card mounts, before anyone types; a failed fetch shows nothing', async () => {
    const emulator = useEmulator();
    const { container, unmount } = renderKit(<LoginWithPasskey />, { emulator, authenticator: softwareAuthenticator() });
    await waitFor(() => expect(chunks.login.loads).toBeGreaterThan(0));
    expect(statusOf(container, 'LoginWithPasskey')).toBe('idle');
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
  });

  it('that cannot arrive fails the click with a retryable network_error and no request; Try again signs in', async () => {
    const emulator = useEmulator();
    const device = softwareAuthenticator();
    await registeredUser(emulator, JANE, device);
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderKit(<LoginWithPasskey onSuccess={onSuccess} />, { emulator, authenticator: device });
    await user.type(screen.getByRole('textbox', { name: en.labels.username }), JANE);
    await user.click(screen.getByRole('button', { name: en.buttons.continue }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveAttribute('data-code', 'network_error'));
    expect([...requests]).toEqual([]);

    chunks.login.failing = false;
    const loads = chunks.login.loads;
    await user.click(within(alert).getByRole('button', { name: en.buttons.retry }));
    await waitFor(() => expect(statusOf(container, 'LoginWithPasskey')).toBe('success'));
    expect(chunks.login.loads).toBeGreaterThan(loads);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect([...requests]).toEqual(['POST /auth/login/init', 'POST /auth/login']);
  });
});

describe('the sign-up steps’ chunk', () => {
  it('is fetched when the card mounts, before anyone types; a failed fetch shows nothing', async () => {
    const emulator = useEmulator();
    const { container, unmount } = renderKit(<RegisterPasskey />, { emulator, authenticator: softwareAuthenticator() });
    await waitFor(() => expect(chunks.register.loads).toBeGreaterThan(0));
    expect(statusOf(container, 'RegisterPasskey')).toBe('idle');
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
  });

  it('that cannot arrive fails the submit with a retryable network_error and no request; Try again registers', async () => {
    const emulator = useEmulator();
    const { registrationCode } = emulator.createUser({ username: JANE });
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderKit(<RegisterPasskey onSuccess={onSuccess} />, { emulator, authenticator: softwareAuthenticator() });
    await user.type(screen.getByRole('textbox', { name: en.labels.username }), JANE);
    await user.type(screen.getByRole('textbox', { name: en.labels.registrationCode }), `${registrationCode}{Enter}`);

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveAttribute('data-code', 'network_error'));
    expect([...requests]).toEqual([]);

    chunks.register.failing = false;
    const loads = chunks.register.loads;
    await user.click(within(alert).getByRole('button', { name: en.buttons.retry }));
    await waitFor(() => expect(statusOf(container, 'RegisterPasskey')).toBe('showing-recovery-kit'));
    expect(chunks.register.loads).toBeGreaterThan(loads);
    await user.click(screen.getByRole('checkbox', { name: en.buttons.savedKit }));
    await user.click(screen.getByRole('button', { name: en.buttons.continue }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect([...requests]).toEqual(['POST /auth/registration/init', 'POST /auth/registration']);
  });
});
