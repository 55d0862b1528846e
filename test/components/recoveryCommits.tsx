/**
 * What the commits-per-step bench and budget share: a Profiler that counts commits per
 * `data-status` of a component's root, and a standard-mode recovery driven as a user would.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ReactNode } from 'react';
import { expect } from 'vitest';
import { completeRegistration, initRegistration } from '../../src/api/registration';
import type { DfnsEmulator } from '../../src/emulator/index';
import { createRecoveryKey } from '../../src/keys/recoveryKey';
import { englishMessages as en } from '../../src/messages/en';
import { createPasskey } from '../../src/webauthn/createPasskey';
import { RP, directClient, softwareAuthenticator } from './passkeyFlowHarness';

/** Wraps `ui` in a Profiler that counts commits per `data-status` of the `.dfns-<name>` root. */
export function profiled(ui: ReactNode, name: string) {
  const commits: Record<string, number> = {};
  const tree = (
    <Profiler
      id={name}
      onRender={() => {
        const status = document.querySelector(`.dfns-${name}`)?.getAttribute('data-status') ?? '(none)';
        commits[status] = (commits[status] ?? 0) + 1;
      }}
    >
      {ui}
    </Profiler>
  );
  return { tree, commits };
}

/**
 * Registers `username` with a passkey and a recovery key outside MSW (not counted), and returns
 * the kit they saved: what they type when they recover on a new device.
 */
export async function userWithRecoveryKit(emulator: DfnsEmulator, username: string) {
  const client = directClient(emulator);
  const { registrationCode } = emulator.createUser({ username });
  const challenge = await initRegistration(client, { username, registrationCode });
  const passkey = await createPasskey(challenge, { rp: RP, authenticator: softwareAuthenticator() });
  const kit = await createRecoveryKey({ challenge });
  await completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: { firstFactorCredential: passkey, recoveryCredential: kit.credential },
  });
  return kit;
}

/** Drives a rendered `<RecoverAccount>` in standard mode to `success`: send code, codes, new passkey, kit saved. */
export async function recoverAsUser(emulator: DfnsEmulator, username: string, kit: { recoveryCode: string; credId: string }) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: en.labels.username }), username);
  await user.click(screen.getByRole('button', { name: en.buttons.sendCode }));
  // The code form replaces the username form only once the email went out.
  const verification = await screen.findByRole('textbox', { name: en.labels.verificationCode });
  await user.type(verification, emulator.lastCode(username, 'recovery')!);
  await user.type(screen.getByRole('textbox', { name: en.labels.recoveryCode }), kit.recoveryCode);
  await user.type(screen.getByRole('textbox', { name: en.labels.recoveryKeyId }), kit.credId);
  await user.click(screen.getByRole('button', { name: en.buttons.recover }));
  // PBKDF2 unlocks the old key before the step asks for the new passkey: it takes a moment.
  await user.click(await screen.findByRole('button', { name: en.buttons.createNewPasskey }, { timeout: 5000 }));
  await user.click(await screen.findByRole('checkbox', { name: en.buttons.savedKit }));
  await user.click(screen.getByRole('button', { name: en.buttons.continue }));
  await waitFor(() => expect(document.querySelector('.dfns-RecoverAccount')).toHaveAttribute('data-status', 'success'));
}
