/**
 * What <LoginWithPasskey/> runs (the two login requests, the passkey ceremony, the autofill check)
 * is a chunk of its own (issue 19): not in what the page loads to show the form, fetched by the hook
 * as soon as it has mounted, and, when it cannot arrive, a retryable network_error on the click, with
 * no request sent, whose Try again fetches it again and signs in. The tests share the module's one
 * chunk state, as a page does, so they run in order.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { englishMessages as en } from '../../src/messages/en';
import { createTestServer, registeredUser, renderKit, softwareAuthenticator } from './passkeyFlowHarness';

/** How often the steps' chunk was asked for, and whether it fails to arrive (as over a dropped connection). */
const chunk = vi.hoisted(() => ({ loads: 0, failing: true }));
vi.mock('../../src/hooks/loginSteps', async (importActual) =>
  (await import('./chunkOf')).chunkOf(await importActual<typeof import('../../src/hooks/loginSteps')>(), 'loginSteps', chunk),
);

const { server, requests, useEmulator } = createTestServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const JANE = 'jane@example.com';
const statusOf = (container: HTMLElement) => container.querySelector('.dfns-LoginWithPasskey')?.getAttribute('data-status');
const calls = () => [...requests];

describe('the sign-in steps’ chunk', () => {
  it('is fetched when the card mounts, before anyone types; a failed fetch shows nothing', async () => {
    const emulator = useEmulator();
    const { container, unmount } = renderKit(<LoginWithPasskey />, { emulator, authenticator: softwareAuthenticator() });
    await waitFor(() => expect(chunk.loads).toBeGreaterThan(0));
    expect(statusOf(container)).toBe('idle');
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
    expect(calls()).toEqual([]);

    chunk.failing = false;
    const loads = chunk.loads;
    await user.click(within(alert).getByRole('button', { name: en.buttons.retry }));
    await waitFor(() => expect(statusOf(container)).toBe('success'));
    expect(chunk.loads).toBeGreaterThan(loads);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(calls()).toEqual(['POST /auth/login/init', 'POST /auth/login']);
  });
});
