/**
 * `<CredentialList addOnAnotherDevice>` loads the code steps (hook, flow, panel) in a chunk of
 * their own when the user asks for a code (issue 19): the click shows its button busy while the
 * chunk arrives, then runs the same requests as before; a chunk that does not arrive is a
 * retryable `network_error` under the list. The tests share the module's one chunk state, as a
 * page does, so they run in order.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CredentialList } from '../../src/components/CredentialList';
import { englishMessages } from '../../src/messages/en';
import type { SoftwareAuthenticator } from '../../src/testing/softwareAuthenticator';
import { axeViolations, emulatorServer, registeredUser, renderWithKit, softwareAuthenticator } from './credentialTestKit';

/** How often the chunk was asked for, and whether it fails to arrive (as over a dropped connection). */
const chunk = vi.hoisted(() => ({ loads: 0, failing: false }));
vi.mock('../../src/components/parts/CodeForAnotherDevice', async (importActual) =>
  (await import('./chunkOf')).chunkOf(await importActual<typeof import('../../src/components/parts/CodeForAnotherDevice')>(), 'CodeForAnotherDevice', chunk),
);

const { emulator, server, calls, requests } = emulatorServer();
const { buttons, errorTitles } = englishMessages;
const CODE = /^[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/;

let laptop: SoftwareAuthenticator;
let token: string;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(async () => {
  emulator.reset();
  laptop = softwareAuthenticator();
  token = await registeredUser(emulator, 'alice@example.com', laptop, 'Laptop');
  requests.length = 0;
});

describe('the code for another device under the list', () => {
  it('is not fetched with the list, only when asked for', async () => {
    const list = renderWithKit(<CredentialList addOnAnotherDevice />, { emulator, token, authenticator: laptop });
    await screen.findByRole('button', { name: buttons.getCredentialCode });
    expect(list.container.querySelector('.dfns-credential-code-section')).toHaveAttribute('data-status', 'idle');
    expect(chunk.loads).toBe(0);
  });

  it('that does not arrive is a retryable network_error under the list; Try again loads it and the code follows', async () => {
    chunk.failing = true;
    const { container } = renderWithKit(<CredentialList addOnAnotherDevice />, { emulator, token, authenticator: laptop });
    await userEvent.click(await screen.findByRole('button', { name: buttons.getCredentialCode }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'network_error');
    expect(alert).toHaveTextContent(errorTitles.network_error);
    // The list stays on screen above it.
    expect(screen.getByText('Laptop')).toBeInTheDocument();
    expect(container.querySelector('.dfns-credential-code-section')).toHaveAttribute('data-status', 'error');
    expect(await axeViolations(container)).toEqual([]);

    chunk.failing = false;
    await userEvent.click(screen.getByRole('button', { name: buttons.retry }));
    expect((await screen.findByTestId('credential-code')).textContent).toMatch(CODE);
  });

  it('asked for by keyboard: the button stays focused and busy until the chunk is here, then the same requests as before', async () => {
    const { container } = renderWithKit(<CredentialList addOnAnotherDevice />, { emulator, token, authenticator: laptop });
    const button = await screen.findByRole('button', { name: buttons.getCredentialCode });
    requests.length = 0;
    button.focus();
    await userEvent.keyboard('{Enter}');
    const section = container.querySelector('.dfns-credential-code-section')!;
    // The click's answer is immediate: the button says it is working (while the chunk or the request runs).
    expect(section.querySelector('button')).toHaveAttribute('aria-busy', 'true');
    expect(section.contains(document.activeElement)).toBe(true);
    expect((await screen.findByTestId('credential-code')).textContent).toMatch(CODE);
    // docs/credential-codes.md: 2 for the user action, 1 for the code, 1 for the list before it.
    expect(calls().sort()).toEqual(['GET /auth/credentials', 'POST /auth/action', 'POST /auth/action/init', 'POST /auth/credentials/code']);
  });
});
