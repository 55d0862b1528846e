/**
 * The recovery kit file reader of `<RecoverAccount>` is a chunk of its own (issue 19): fetched when
 * a person chooses a kit file, never before; a chunk that does not arrive says so under the file
 * button, and choosing the file again reads it. The tests share the module's one chunk state, as
 * a page does, so they run in order.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import type { RecoveryKit } from '../../src/flows/flowState';
import { englishMessages as en } from '../../src/messages/en';
import { recoveryKitText } from '../../src/messages/recoveryKitText';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { BASE_URL, RP, emulatorServer, softwareAuthenticator } from './credentialTestKit';
import { sampleKit } from '../keys/sampleKit';

/** How often the reader's chunk was asked for, and whether it fails to arrive (as over a dropped connection). */
const chunk = vi.hoisted(() => ({ loads: 0, failing: false }));
vi.mock('../../src/keys/parseRecoveryKit', async (importActual) => {
  chunk.loads += 1;
  if (chunk.failing) throw new TypeError('Failed to fetch dynamically imported module');
  return importActual();
});

const { emulator, server, calls } = emulatorServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const kit: RecoveryKit = { ...sampleKit, server: BASE_URL };

function renderRecovery() {
  const view = render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulator.orgId} rp={RP} authenticator={softwareAuthenticator()}>
          <RecoverAccount />
        </DfnsAuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  return { ...view, user: userEvent.setup() };
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const kitFile = () => new File([recoveryKitText(kit, en)], 'recovery-kit.txt', { type: 'text/plain' });

describe('the recovery kit file reader’s chunk', () => {
  it('is not fetched until a file is chosen', async () => {
    const r = renderRecovery();
    await r.user.click(screen.getByRole('button', { name: en.buttons.haveCode }));
    await r.user.type(field(en.labels.recoveryCode), kit.recoveryCode);
    expect(chunk.loads).toBe(0);
  });

  it('that does not arrive says so under the file button; choosing the file again fills the codes', async () => {
    chunk.failing = true;
    const r = renderRecovery();
    await r.user.click(screen.getByRole('button', { name: en.buttons.haveCode }));
    await r.user.upload(screen.getByLabelText(en.buttons.uploadKit), kitFile());
    // The first import() of a module can take a while on a busy machine: the wait is for that, not for the kit.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(en.errors.network_error), { timeout: 5000 });
    expect(field(en.labels.recoveryCode).value).toBe('');

    chunk.failing = false;
    await r.user.upload(screen.getByLabelText(en.buttons.uploadKit), kitFile());
    await waitFor(() => expect(field(en.labels.recoveryCode).value).toBe(kit.recoveryCode), { timeout: 5000 });
    expect(field(en.labels.recoveryKeyId).value).toBe(kit.credId);
    expect(screen.getByRole('status').textContent).toBe(en.recoverAccount.kitFileRead);
    // Reading a file sends nothing.
    expect(calls()).toEqual([]);
  });
});
