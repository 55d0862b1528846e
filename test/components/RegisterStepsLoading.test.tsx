/**
 * What <RegisterPasskey/> runs (the registration requests, the passkey ceremony, the recovery kit,
 * the login after it) is a chunk of its own (issue 19): not in what the page loads to show the form,
 * fetched by the hook as soon as it has mounted, and, when it cannot arrive, a retryable
 * network_error on the submit, with no request sent (the emailed code is not spent), whose Try again
 * fetches it again and registers. The tests share the module's one chunk state, as a page does, so
 * they run in order.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { englishMessages as en } from '../../src/messages/en';
import { createTestServer, renderKit, softwareAuthenticator } from './passkeyFlowHarness';

/** How often the steps' chunk was asked for, and whether it fails to arrive (as over a dropped connection). */
const chunk = vi.hoisted(() => ({ loads: 0, failing: true }));
vi.mock('../../src/hooks/registerSteps', async (importActual) =>
  (await import('./chunkOf')).chunkOf(await importActual<typeof import('../../src/hooks/registerSteps')>(), 'registerSteps', chunk),
);

const { server, requests, useEmulator } = createTestServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const JANE = 'jane@example.com';
const statusOf = (container: HTMLElement) => container.querySelector('.dfns-RegisterPasskey')?.getAttribute('data-status');

describe('the sign-up steps’ chunk', () => {
  it('is fetched when the card mounts, before anyone types; a failed fetch shows nothing', async () => {
    const emulator = useEmulator();
    const { container, unmount } = renderKit(<RegisterPasskey />, { emulator, authenticator: softwareAuthenticator() });
    await waitFor(() => expect(chunk.loads).toBeGreaterThan(0));
    expect(statusOf(container)).toBe('idle');
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

    chunk.failing = false;
    const loads = chunk.loads;
    await user.click(within(alert).getByRole('button', { name: en.buttons.retry }));
    await waitFor(() => expect(statusOf(container)).toBe('showing-recovery-kit'));
    expect(chunk.loads).toBeGreaterThan(loads);
    await user.click(screen.getByRole('checkbox', { name: en.buttons.savedKit }));
    await user.click(screen.getByRole('button', { name: en.buttons.continue }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect([...requests]).toEqual(['POST /auth/registration/init', 'POST /auth/registration']);
  });
});
