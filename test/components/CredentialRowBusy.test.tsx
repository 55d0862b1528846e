/**
 * A `<CredentialList>` row pressed while its actions' chunk is on its way (after a first load that
 * failed, so the rows show) is busy, and its hint says what comes next: a deactivation asks its
 * question first, so the row does not yet ask for the passkey.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { CredentialList } from '../../src/components/CredentialList';
import { englishMessages } from '../../src/messages/en';
import { emulatorServer, registeredUser, renderWithKit, softwareAuthenticator } from './credentialTestKit';

/** The chunk fails to arrive while `mode` is `fail`, and stays on its way while it is `hold`. */
const chunk = vi.hoisted(() => ({ mode: 'fail' as 'fail' | 'hold' }));
vi.mock('../../src/components/parts/CredentialRowActions', async (importActual) => {
  const actual = await importActual<typeof import('../../src/components/parts/CredentialRowActions')>();
  return {
    get CredentialRowActions() {
      if (chunk.mode === 'fail') throw new TypeError('Failed to fetch dynamically imported module');
      // Read inside the import's `.then`: a pending promise keeps the load on its way.
      return new Promise(() => undefined) as unknown as typeof actual.CredentialRowActions;
    },
  };
});

const { emulator, server } = emulatorServer();
const { buttons, credentialList: copy } = englishMessages;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('a Deactivate pressed while the actions load is busy without asking for the passkey (the question comes first)', async () => {
  const laptop = softwareAuthenticator();
  const token = await registeredUser(emulator, 'alice@example.com', laptop, 'Laptop');
  renderWithKit(<CredentialList />, { emulator, token, authenticator: laptop });
  const row = await screen.findByRole('listitem', { name: 'Laptop' });

  chunk.mode = 'hold';
  await userEvent.click(within(row).getByRole('button', { name: buttons.deactivate }));
  await waitFor(() => expect(within(row).getByRole('button', { name: buttons.deactivate })).toHaveAttribute('aria-busy', 'true'));
  expect(row).not.toHaveTextContent(copy.pending);
});
