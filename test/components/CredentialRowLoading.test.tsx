/**
 * A `<CredentialList>` row's actions (the passkey signing of activate / deactivate) are a chunk
 * of their own (issue 19), fetched while the list loads: the list shows its rows once the chunk is
 * here. A chunk that does not arrive still lets the rows show; a press on a row's button asks for it
 * again (busy meanwhile), a second failure is a retryable `network_error` in the row, and its Try
 * again fetches the chunk and carries the press out.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { CredentialList } from '../../src/components/CredentialList';
import { englishMessages } from '../../src/messages/en';
import { axeViolations, emulatorServer, registeredUser, renderWithKit, softwareAuthenticator } from './credentialTestKit';

/** The chunk is held back until `arrive()`, and fails to arrive (as over a dropped connection) while `failing`. */
const chunk = vi.hoisted(() => {
  let arrive = (): void => undefined;
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return { arrive: () => arrive(), arrived, failing: true };
});
vi.mock('../../src/components/parts/CredentialRowActions', async (importActual) => {
  const actual = await importActual<typeof import('../../src/components/parts/CredentialRowActions')>();
  await chunk.arrived;
  return {
    get CredentialRowActions() {
      if (chunk.failing) throw new TypeError('Failed to fetch dynamically imported module');
      return actual.CredentialRowActions;
    },
  };
});

const { emulator, server, calls, requests } = emulatorServer();
const { buttons, errorTitles, credentialList: copy } = englishMessages;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const row = (name: string) => screen.getByRole('listitem', { name });

it('shows the rows when their actions arrive; when they do not, a press asks again and Try again carries it out', async () => {
  const laptop = softwareAuthenticator();
  const token = await registeredUser(emulator, 'alice@example.com', laptop, 'Laptop');
  requests.length = 0;
  const { container } = renderWithKit(<CredentialList />, { emulator, token, authenticator: laptop });
  // The list's answer is in, the rows' actions are not: the list still says it is loading.
  await waitFor(() => expect(calls()).toEqual(['GET /auth/credentials']));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(container.querySelector('.dfns-CredentialList')).toHaveAttribute('data-status', 'loading');
  expect(screen.queryByRole('listitem')).toBeNull();

  // As a page's chunk would, it settles outside any handler; act() lets React render what it changed.
  await act(async () => {
    chunk.arrive();
    await chunk.arrived;
  });
  const deactivate = await within(await screen.findByRole('listitem', { name: 'Laptop' })).findByRole('button', { name: buttons.deactivate });
  // The actions did not arrive: the press asks for them again, and says it is under way.
  await userEvent.click(deactivate);
  const alert = await within(row('Laptop')).findByRole('alert');
  expect(alert).toHaveAttribute('data-code', 'network_error');
  expect(alert).toHaveTextContent(errorTitles.network_error);
  expect(await axeViolations(container)).toEqual([]);

  chunk.failing = false;
  await userEvent.click(within(alert).getByRole('button', { name: buttons.retry }));
  // The press was Deactivate: the question, focused, as when the actions were here at once.
  await waitFor(() => expect(within(row('Laptop')).getByText(copy.deactivateConfirm({ name: 'Laptop' }))).toHaveFocus());
  await waitFor(() => expect(calls()).toEqual(['GET /auth/credentials', 'POST /auth/action/init']));
});
