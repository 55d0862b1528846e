/**
 * Budget: React commits per step of `<RecoverAccount>` after the codes are entered. Each step
 * should cost one commit (two where the step's own UI changes: the prompt opening, the "saved it"
 * tick). Clearing the typed codes in a layout effect once cost one more commit at three steps.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import { createTestServer, renderKit, softwareAuthenticator } from '../components/passkeyFlowHarness';
import { profiled, recoverAsUser, userWithRecoveryKit } from '../components/recoveryCommits';

const { server, useEmulator } = createTestServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('recovers with at most one commit per step, two where the step itself changes', async () => {
  const emulator = useEmulator();
  const kit = await userWithRecoveryKit(emulator, 'jane@example.com');
  const { tree, commits } = profiled(<RecoverAccount />, 'RecoverAccount');
  renderKit(tree, { emulator, authenticator: softwareAuthenticator() });
  await recoverAsUser(emulator, 'jane@example.com', kit);

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
