/**
 * What <RecoverAccount/> runs once the codes are submitted (checking them, the challenge, the new
 * passkey, signing, the new kit) is a chunk of its own (issue 19): not loaded with the page, fetched
 * at the first click of the flow (at mount in delegated mode, where the codes form comes first),
 * and, when it cannot arrive, a retryable network_error before any request, whose Try again fetches
 * it again and recovers. The tests share the module's one chunk state, as a page does, so they run in order.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDfnsClient } from '../../src/api/createDfnsClient';
import { completeRegistration, initRegistration } from '../../src/api/registration';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import { createRecoveryKey } from '../../src/keys/recoveryKey';
import { englishMessages as en } from '../../src/messages/en';
import { createPasskey } from '../../src/webauthn/createPasskey';
import { BASE_URL, RP, emulatorServer, renderWithKit, softwareAuthenticator } from './credentialTestKit';

/** How often the steps' chunk was asked for, and whether it fails to arrive (as over a dropped connection). */
const chunk = vi.hoisted(() => ({ loads: 0, failing: true }));
vi.mock('../../src/hooks/recoverAccountSteps', async (importActual) =>
  (await import('./chunkOf')).chunkOf(
    await importActual<typeof import('../../src/hooks/recoverAccountSteps')>(),
    'recoverAccountSteps',
    chunk,
  ),
);

const JANE = 'jane@example.com';
const { emulator, server, calls } = emulatorServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => emulator.reset());
afterAll(() => server.close());

/** Registers Jane with a passkey and a recovery key; returns her recovery kit's code and key id. */
async function registerJane(): Promise<{ recoveryCode: string; credId: string }> {
  const client = createDfnsClient({ baseUrl: BASE_URL, orgId: emulator.orgId });
  const { registrationCode } = emulator.createUser({ username: JANE });
  const challenge = await initRegistration(client, { username: JANE, registrationCode });
  const passkey = await createPasskey(challenge, { rp: RP, authenticator: softwareAuthenticator() });
  const recoveryKey = await createRecoveryKey({ challenge });
  await completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: { firstFactorCredential: passkey, recoveryCredential: recoveryKey.credential },
  });
  return { recoveryCode: recoveryKey.recoveryCode, credId: recoveryKey.credId };
}

const statusOf = (container: HTMLElement) => container.querySelector('.dfns-RecoverAccount')?.getAttribute('data-status');

describe('the recovery steps’ chunk', () => {
  it('is not fetched with the page: a card at rest asks for nothing', () => {
    const { unmount } = renderWithKit(<RecoverAccount />, { emulator, authenticator: softwareAuthenticator() });
    expect(chunk.loads).toBe(0);
    unmount();
  });

  it('is fetched by the first click of the flow, before the codes are typed', async () => {
    const user = userEvent.setup();
    const { container, unmount } = renderWithKit(<RecoverAccount username={JANE} />, { emulator, authenticator: softwareAuthenticator() });
    await user.click(screen.getByRole('button', { name: en.buttons.haveCode }));
    await waitFor(() => expect(chunk.loads).toBe(1));
    // Dropped this time: a failed preload shows nothing; the form is there to be filled.
    expect(statusOf(container)).toBe('code-sent');
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
  });

  it('is fetched at mount in delegated mode, where the codes form is the first step', async () => {
    const loads = chunk.loads;
    const { unmount } = renderWithKit(<RecoverAccount username={JANE} getChallenge={() => Promise.resolve({})} />, {
      emulator,
      authenticator: softwareAuthenticator(),
    });
    await waitFor(() => expect(chunk.loads).toBeGreaterThan(loads));
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
  });

  it('that cannot arrive fails the submit with a retryable network_error before any code is spent; Try again recovers', async () => {
    const kit = await registerJane();
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    const { container } = renderWithKit(<RecoverAccount username={JANE} onSuccess={onSuccess} />, {
      emulator,
      authenticator: softwareAuthenticator(),
    });
    const sent = calls().length;
    await user.click(screen.getByRole('button', { name: en.buttons.sendCode }));
    await waitFor(() => expect(statusOf(container)).toBe('code-sent'));
    await user.type(screen.getByLabelText(en.labels.verificationCode), emulator.lastCode(JANE, 'recovery')!);
    await user.type(screen.getByLabelText(en.labels.recoveryCode), kit.recoveryCode);
    await user.type(screen.getByLabelText(en.labels.recoveryKeyId), kit.credId);
    await user.click(screen.getByRole('button', { name: en.buttons.recover }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveAttribute('data-code', 'network_error'));
    // Only the email went out: the verification code was not spent on a recovery the page cannot finish.
    expect(calls().slice(sent)).toEqual(['POST /auth/recover/user/code']);

    chunk.failing = false;
    await user.click(within(alert).getByRole('button', { name: en.buttons.retry }));
    await user.click(await screen.findByRole('button', { name: en.buttons.createNewPasskey }, { timeout: 5000 }));
    await waitFor(() => expect(statusOf(container)).toBe('showing-recovery-kit'), { timeout: 5000 });
    await user.click(screen.getByLabelText(en.buttons.savedKit));
    await user.click(screen.getByRole('button', { name: en.buttons.continue }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(calls().slice(sent)).toEqual(['POST /auth/recover/user/code', 'POST /auth/recover/user/init', 'POST /auth/recover/user']);
  });
});
