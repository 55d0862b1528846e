/**
 * React commits per flow step, in jsdom: each component runs through its flow inside a
 * `<Profiler>` with the software authenticator against the emulator (MSW), and every commit is
 * counted under the root's `data-status` at that moment. Writes JSON to $BENCH_RENDERS_OUT.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AddPasskey } from '../../src/components/AddPasskey';
import { ConfirmUserAction } from '../../src/components/ConfirmUserAction';
import { CreateRecoveryKey } from '../../src/components/CreateRecoveryKey';
import { CredentialList } from '../../src/components/CredentialList';
import { englishMessages as en } from '../../src/messages/en';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { addPasskeyOnAnotherDevice, registeredUser as loggedInUser, renderWithKit } from '../../test/components/credentialTestKit';
import { profiled, recoverAsUser, userWithRecoveryKit } from '../../test/components/recoveryCommits';
import {
  RP,
  createTestServer,
  directClient,
  registeredUser,
  renderKit,
  softwareAuthenticator,
} from '../../test/components/passkeyFlowHarness';

const { server, requests, useEmulator } = createTestServer();
const results: { flow: string; commits: Record<string, number>; requests: string[] }[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  const out = process.env['BENCH_RENDERS_OUT'];
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
});

it('counts commits per step of a login with a fixed username', async () => {
  const emulator = useEmulator();
  const authenticator = softwareAuthenticator();
  await registeredUser(emulator, 'jane@example.com', authenticator);
  requests.length = 0;
  const { tree, commits } = profiled(<LoginWithPasskey username="jane@example.com" />, 'LoginWithPasskey');
  renderKit(tree, { emulator, authenticator });
  await userEvent.setup().click(screen.getByRole('button', { name: en.buttons.signIn }));
  await waitFor(() => expect(document.querySelector('.dfns-LoginWithPasskey')).toHaveAttribute('data-status', 'success'));
  results.push({ flow: '<LoginWithPasskey username> (hover prefetch, click)', commits, requests: [...requests] });
});

for (const autoLogin of [false, true]) {
  it(`counts commits per step of a registration${autoLogin ? ' with autoLogin' : ''}`, async () => {
    const emulator = useEmulator();
    const { registrationCode } = emulator.createUser({ username: 'joe@example.com' });
    const { tree, commits } = profiled(<RegisterPasskey autoLogin={autoLogin} />, 'RegisterPasskey');
    renderKit(tree, { emulator, authenticator: softwareAuthenticator() });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: en.labels.username }), 'joe@example.com');
    await user.type(screen.getByRole('textbox', { name: en.labels.registrationCode }), `${registrationCode}{Enter}`);
    await user.click(await screen.findByRole('checkbox', { name: en.buttons.savedKit }));
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: en.buttons.continue }));
    await waitFor(() => expect(document.querySelector('.dfns-RegisterPasskey')).toHaveAttribute('data-status', 'success'));
    results.push({ flow: `<RegisterPasskey${autoLogin ? ' autoLogin' : ''}> (type, submit, save kit, continue)`, commits, requests: [...requests] });
  });
}

it('counts commits per step of a recovery in standard mode', async () => {
  const emulator = useEmulator();
  // Jane's saved kit is what she types now, on a new device (a fresh authenticator).
  const kit = await userWithRecoveryKit(emulator, 'jane@example.com');
  requests.length = 0;
  const { tree, commits } = profiled(<RecoverAccount />, 'RecoverAccount');
  renderKit(tree, { emulator, authenticator: softwareAuthenticator() });
  await recoverAsUser(emulator, 'jane@example.com', kit);
  results.push({ flow: '<RecoverAccount> (send code, enter codes, create passkey, save kit, continue)', commits, requests: [...requests] });
});

/** A logged-in user: registered with a passkey on `authenticator`, outside MSW, and their token. */
async function signedIn(authenticator: PasskeyAuthenticator, credentialName?: string) {
  const emulator = useEmulator();
  const token = await loggedInUser(emulator, 'alice@example.com', authenticator, credentialName);
  return { emulator, token };
}

it('counts commits per step of adding a passkey', async () => {
  const laptop = softwareAuthenticator();
  const securityKey = softwareAuthenticator();
  // The new passkey is made on a second device: the first one already holds this user's passkey.
  const devices: PasskeyAuthenticator = { create: (o, c) => securityKey.create(o, c), get: (o, c) => laptop.get(o, c) };
  const { emulator, token } = await signedIn(laptop);
  requests.length = 0;
  const { tree, commits } = profiled(<AddPasskey />, 'AddPasskey');
  renderWithKit(tree, { emulator, token, authenticator: devices });
  // The prefilled name lands one commit after mount: wait for it, as a user sees it before clicking,
  // so that commit is always counted under idle.
  await waitFor(() => expect(screen.getByRole('textbox', { name: en.labels.credentialName })).not.toHaveValue(''));
  await userEvent.setup().click(screen.getByRole('button', { name: en.buttons.addPasskey }));
  await waitFor(() => expect(document.querySelector('.dfns-AddPasskey')).toHaveAttribute('data-status', 'success'));
  results.push({ flow: '<AddPasskey> (prefilled name, click)', commits, requests: [...requests] });
});

it('counts commits per step of creating a recovery key', async () => {
  const passkeys = softwareAuthenticator();
  const { emulator, token } = await signedIn(passkeys);
  requests.length = 0;
  const { tree, commits } = profiled(<CreateRecoveryKey />, 'CreateRecoveryKey');
  renderWithKit(tree, { emulator, token, authenticator: passkeys });
  const user = userEvent.setup();
  await waitFor(() => expect(screen.getByRole('textbox', { name: en.labels.credentialName })).not.toHaveValue(''));
  await user.click(screen.getByRole('button', { name: en.buttons.addRecoveryKey }));
  await user.click(await screen.findByRole('checkbox', { name: en.buttons.savedKit }));
  await user.click(screen.getByRole('button', { name: en.buttons.continue }));
  await waitFor(() => expect(document.querySelector('.dfns-CreateRecoveryKey')).toHaveAttribute('data-status', 'success'));
  results.push({ flow: '<CreateRecoveryKey> (prefilled name, click, save kit, continue)', commits, requests: [...requests] });
});

it('counts commits per step of confirming a user action', async () => {
  const passkeys = softwareAuthenticator();
  const { emulator, token } = await signedIn(passkeys);
  requests.length = 0;
  // A wallet, as in the component tests: the flow ends with the real call the user confirmed.
  const request = { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia', name: 'Treasury' } } as const;
  const { tree, commits } = profiled(<ConfirmUserAction request={request} />, 'ConfirmUserAction');
  renderWithKit(tree, { emulator, token, authenticator: passkeys });
  // The challenge is fetched on mount, while the user reads the summary.
  await waitFor(() => expect(requests).toEqual(['POST /auth/action/init']));
  await userEvent.setup().click(screen.getByRole('button', { name: en.buttons.approve }));
  await waitFor(() => expect(document.querySelector('.dfns-ConfirmUserAction')).toHaveAttribute('data-status', 'success'));
  results.push({ flow: '<ConfirmUserAction> POST /wallets (mount prefetch, click)', commits, requests: [...requests] });
});

it('counts commits per step of loading the credential list and deactivating one', async () => {
  const laptop = softwareAuthenticator();
  const securityKey = softwareAuthenticator();
  const { emulator, token } = await signedIn(laptop, 'Laptop');
  // A second passkey, on another device and added outside MSW: the user signs with it to retire the
  // laptop's, as after losing a device (the component test's flow).
  await addPasskeyOnAnotherDevice(directClient(emulator, token), RP, { signer: laptop, added: securityKey, credentialName: 'Security key' });
  requests.length = 0;
  // The root's data-status is only loading / ready / error: a row's signing flow marks nothing
  // on the row (data-active changes only once the refreshed list arrives), so this counts per root.
  const { tree, commits } = profiled(<CredentialList />, 'CredentialList');
  renderWithKit(tree, { emulator, token, authenticator: securityKey });
  const user = userEvent.setup();
  const row = async () => screen.findByRole('listitem', { name: 'Laptop' });
  await user.click(within(await row()).getByRole('button', { name: en.buttons.deactivate }));
  await user.click(within(await row()).getByRole('button', { name: en.credentialList.confirmDeactivate }));
  await waitFor(async () => expect(within(await row()).getByText(en.credentialList.inactive)).toBeInTheDocument());
  // The announcement comes after the refetch settles: the flow is over only then.
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(en.credentialList.deactivated({ name: 'Laptop' })));
  results.push({ flow: '<CredentialList> (load, deactivate, confirm)', commits, requests: [...requests] });
});
