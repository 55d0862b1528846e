/**
 * Budget: React commits per step of `<RecoverAccount>` after the codes are entered. Each step
 * should cost one commit (two where the step's own UI changes: the prompt opening, the "saved it"
 * tick). Clearing the typed codes in a layout effect once cost one more commit at three steps.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { completeRegistration, initRegistration } from '../../src/api/registration';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import { createRecoveryKey } from '../../src/keys/recoveryKey';
import { englishMessages as en } from '../../src/messages/en';
import { createPasskey } from '../../src/webauthn/createPasskey';
import { RP, createTestServer, directClient, renderKit, softwareAuthenticator } from '../components/passkeyFlowHarness';

const { server, useEmulator } = createTestServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('recovers with at most one commit per step, two where the step itself changes', async () => {
  const emulator = useEmulator();
  const client = directClient(emulator);
  const { registrationCode } = emulator.createUser({ username: 'jane@example.com' });
  const challenge = await initRegistration(client, { username: 'jane@example.com', registrationCode });
  const passkey = await createPasskey(challenge, { rp: RP, authenticator: softwareAuthenticator() });
  const kit = await createRecoveryKey({ challenge });
  await completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: { firstFactorCredential: passkey, recoveryCredential: kit.credential },
  });

  const commits: Record<string, number> = {};
  renderKit(
    <Profiler
      id="recovery"
      onRender={() => {
        const status = document.querySelector('.dfns-RecoverAccount')?.getAttribute('data-status') ?? '(none)';
        commits[status] = (commits[status] ?? 0) + 1;
      }}
    >
      <RecoverAccount />
    </Profiler>,
    { emulator, authenticator: softwareAuthenticator() },
  );
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: en.labels.username }), 'jane@example.com');
  await user.click(screen.getByRole('button', { name: en.buttons.sendCode }));
  const verification = await screen.findByRole('textbox', { name: en.labels.verificationCode });
  await user.type(verification, emulator.lastCode('jane@example.com', 'recovery')!);
  await user.type(screen.getByRole('textbox', { name: en.labels.recoveryCode }), kit.recoveryCode);
  await user.type(screen.getByRole('textbox', { name: en.labels.recoveryKeyId }), kit.credId);
  await user.click(screen.getByRole('button', { name: en.buttons.recover }));
  await user.click(await screen.findByRole('button', { name: en.buttons.createNewPasskey }, { timeout: 5000 }));
  await user.click(await screen.findByRole('checkbox', { name: en.buttons.savedKit }));
  await user.click(screen.getByRole('button', { name: en.buttons.continue }));
  await waitFor(() => expect(document.querySelector('.dfns-RecoverAccount')).toHaveAttribute('data-status', 'success'));

  // The form steps (idle, code-sent) commit once per keystroke: the fields are controlled.
  expect({
    'fetching-challenge': commits['fetching-challenge'],
    'unlocking-recovery-key': commits['unlocking-recovery-key'],
    'awaiting-authenticator': commits['awaiting-authenticator'],
    'signing-with-recovery-key': commits['signing-with-recovery-key'],
    submitting: commits['submitting'],
    'showing-recovery-kit': commits['showing-recovery-kit'],
    success: commits['success'],
  }).toEqual({
    'fetching-challenge': 1,
    'unlocking-recovery-key': 1,
    // Entering the step, then the prompt opening (the button turns busy).
    'awaiting-authenticator': 2,
    'signing-with-recovery-key': 1,
    submitting: 1,
    // Entering the step, then the "I have saved it" tick enabling Continue.
    'showing-recovery-kit': 2,
    success: 1,
  });
});
