/**
 * The error alert's code and the English of every error are a chunk of their own (issue 19): not
 * loaded with the page, fetched once a flow is under way (so it is usually here when an error
 * arrives), and, when it cannot arrive, an alert in the words of `network_error` whose Try again
 * fetches it again. The tests share the module's one chunk state, as a page does, so they run in order.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { ErrorAlert } from '../../src/components/parts/ErrorAlert';
import { DfnsAuthError } from '../../src/errors';
import { englishMessages as en } from '../../src/messages/en';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { emulatorServer, renderWithKit } from './credentialTestKit';

/** How often the alert's chunk was asked for, and whether it fails to arrive (as over a dropped connection). */
const chunk = vi.hoisted(() => ({ loads: 0, failing: false }));
vi.mock('../../src/components/parts/ErrorAlertView', async (importActual) =>
  (await import('./chunkOf')).chunkOf(await importActual<typeof import('../../src/components/parts/ErrorAlertView')>(), 'ErrorAlertView', chunk),
);

const { emulator, server } = emulatorServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => emulator.reset());
afterAll(() => server.close());

/** An authenticator whose prompt the person closes. */
const closingAuthenticator: PasskeyAuthenticator = {
  create: () => Promise.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError')),
  get: () => Promise.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError')),
};

/** The login card signed out, as an app renders it, with user events. */
function renderKit(ui: ReactNode, authenticator: PasskeyAuthenticator = closingAuthenticator) {
  return { ...renderWithKit(ui, { emulator, authenticator }), user: userEvent.setup() };
}

describe('the error alert’s chunk', () => {
  it('is not fetched with the page: a card at rest asks for nothing', () => {
    const { unmount } = renderKit(<LoginWithPasskey />);
    expect(chunk.loads).toBe(0);
    unmount();
  });

  it('is fetched once a flow starts, before any error needs it', async () => {
    // Dropped this time: a failed preload shows nothing (the next test sees what the alert does then).
    chunk.failing = true;
    const waiting: PasskeyAuthenticator = { ...closingAuthenticator, get: () => new Promise(() => undefined) };
    const { user, container, unmount } = renderKit(<LoginWithPasskey />, waiting);
    await user.click(screen.getByRole('button', { name: en.buttons.signInUsernameless }));
    await waitFor(() => expect(container.querySelector('[data-status="awaiting-authenticator"]')).not.toBeNull());
    await waitFor(() => expect(chunk.loads).toBe(1));
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
  });

  it('that cannot arrive still offers the step’s Back, under Try again, so the card is no dead end', async () => {
    const onBack = vi.fn();
    const { unmount } = render(
      <ErrorAlert error={new DfnsAuthError('passkey_cancelled', 'closed')} messages={en} onRetry={() => undefined} onBack={onBack} />,
    );
    const fallback = await screen.findByRole('alert');
    expect(fallback).toHaveAttribute('data-code', 'network_error');
    const buttons = within(fallback).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([en.buttons.retry, en.buttons.back]);
    await userEvent.click(buttons[1]!);
    expect(onBack).toHaveBeenCalledTimes(1);
    unmount();
  });

  it('that cannot arrive is an alert in the words of network_error, whose Try again brings the real one', async () => {
    const { user, container } = renderKit(<LoginWithPasskey />);
    await user.click(screen.getByRole('button', { name: en.buttons.signInUsernameless }));
    await waitFor(() => expect(container.querySelector('[data-status="error"]')).not.toBeNull());

    const fallback = await screen.findByRole('alert');
    expect(fallback).toHaveAttribute('data-code', 'network_error');
    expect(fallback).toHaveTextContent(en.errorTitles.network_error);
    expect(fallback).toHaveTextContent(en.errors.network_error);
    expect(fallback).toHaveFocus();

    chunk.failing = false;
    await user.click(within(fallback).getByRole('button', { name: en.buttons.retry }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveAttribute('data-code', 'passkey_cancelled'));
    expect(screen.getByRole('alert')).toHaveTextContent(en.errorTitles.passkey_cancelled);
    expect(screen.getByRole('alert')).toHaveFocus();
  });

  it('once here, shows an alert in the same render, with no wait', () => {
    const loads = chunk.loads;
    render(<ErrorAlert error={new DfnsAuthError('server_error', 'HTTP 500', { retryable: true })} messages={en} onRetry={() => undefined} />);
    expect(screen.getByRole('alert')).toHaveTextContent(en.errorTitles.server_error);
    expect(chunk.loads).toBe(loads);
  });
});
