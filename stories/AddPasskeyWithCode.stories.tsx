import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { AddPasskeyWithCode } from '../src/components/AddPasskeyWithCode';
import { CreateCredentialCode } from '../src/components/CreateCredentialCode';
import { englishMessages } from '../src/messages';
import { DfnsAuthProvider } from '../src/provider/DfnsAuthProvider';
import { createFakeAuthenticator, createSoftwareAuthenticator } from '../src/testing';
import { eventArg, kitArgTypes } from './support/argTypes';
import type { DfnsGlobals, DfnsStoryParameters, StoryAuthenticatorScripts } from './support/dfnsParameters';
import { EMULATOR_BASE_URL, EMULATOR_RP, emulator, notifyEmulatorChanged } from './support/emulator';
import { networkDown, stuck } from './support/faults';
import { FIXTURE_USERNAME } from './support/fixtures';
import { componentRoot, expectErrorCode, expectStatus } from './support/play';
import { StateGallery } from './support/StateGallery';
import { usage } from './support/usage';

const NAME = 'AddPasskeyWithCode';
const m = englishMessages;
const SCRIPTS: StoryAuthenticatorScripts = { create: 'succeed', get: 'succeed' };
/** A device with no session; its new passkey is made on a device of its own. */
const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: { session: 'none', newDevice: true, ...parameters } });

/** A code for the fixture user, as their signed-in device would show it (`ttlMs` 0: already expired). */
function freshCode(ttlMs?: number): string {
  const code = emulator.issueCredentialCode(FIXTURE_USERNAME, ttlMs);
  notifyEmulatorChanged();
  return code;
}

/** Types `code` into the code field and clicks "Create passkey". */
async function submitCode(canvasElement: HTMLElement, code: string): Promise<void> {
  const canvas = within(canvasElement);
  const field = canvas.getByLabelText(m.labels.credentialCode);
  await userEvent.clear(field);
  await userEvent.type(field, code);
  await userEvent.click(canvas.getByRole('button', { name: m.buttons.register }));
}

const meta = {
  title: 'Components/AddPasskeyWithCode',
  component: AddPasskeyWithCode,
  tags: ['autodocs'],
  args: { onSuccess: fn(), onError: fn() },
  argTypes: {
    ...kitArgTypes,
    onSuccess: eventArg('Called with the new passkey and its user (and `token` with `autoLogin`)'),
    onError: eventArg('Called once per failure, with a `DfnsAuthError` (`credential_code_invalid`, `credential_code_expired`, …)'),
  },
  parameters: {
    ...dfns({ authenticator: SCRIPTS }),
    ...usage(
      'On a device or domain with no passkey and no session: the one-time code from `<CreateCredentialCode/>` on a signed-in device, then a passkey made here. Ends signed out with a success message, or signed in with `autoLogin`.',
      `import { AddPasskeyWithCode, DfnsAuthProvider } from 'dfns-react-kit';

<DfnsAuthProvider orgId="or-…" rp={{ id: 'new.example.com', name: 'Example' }}>
  <AddPasskeyWithCode onSuccess={() => navigate('/sign-in')} />
</DfnsAuthProvider>`,
      '`const { state, start } = useAddPasskeyWithCode({ autoLogin, onSuccess })`.',
    ),
  },
} satisfies Meta<typeof AddPasskeyWithCode>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The form: the code, and a name for the new passkey. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'idle');
    await expect(within(canvasElement).getByLabelText(m.labels.credentialCode)).toHaveValue('');
  },
};

/** Dfns is checking the code (and handing out the passkey challenge). */
export const FetchingChallenge: Story = {
  parameters: dfns({ authenticator: SCRIPTS, faults: [stuck('POST', '/auth/credentials/code/init')] }),
  play: async ({ canvasElement }) => {
    await submitCode(canvasElement, 'A7U-KY6-9PT');
    await expectStatus(canvasElement, NAME, 'fetching-challenge');
  },
};

/** The browser's prompt to create the passkey is open. */
export const AwaitingAuthenticator: Story = {
  parameters: dfns({ authenticator: { create: 'hang' } }),
  play: async ({ canvasElement }) => {
    await submitCode(canvasElement, freshCode());
    await expectStatus(canvasElement, NAME, 'awaiting-authenticator');
  },
};

/** The passkey is made; Dfns is adding it. */
export const Submitting: Story = {
  parameters: dfns({ authenticator: SCRIPTS, faults: [stuck('POST', '/auth/credentials/code/verify')] }),
  play: async ({ canvasElement }) => {
    await submitCode(canvasElement, freshCode());
    await expectStatus(canvasElement, NAME, 'submitting');
  },
};

/** Added; the user signs in with it next. */
export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await submitCode(canvasElement, freshCode());
    await expectStatus(canvasElement, NAME, 'success');
    await expect(componentRoot(canvasElement, NAME).querySelector('.dfns-success')).toHaveAttribute('data-result', 'signed-out');
    const [result] = (args.onSuccess as ReturnType<typeof fn>).mock.calls[0] ?? [];
    await expect(result).toMatchObject({ username: FIXTURE_USERNAME });
    await expect(result).not.toHaveProperty('token');
  },
};

/** `autoLogin`: added, and signed in with it at once (`onSuccess` gets the token). */
export const SignedIn: Story = {
  args: { autoLogin: true },
  play: async ({ canvasElement, args }) => {
    await submitCode(canvasElement, freshCode());
    await expectStatus(canvasElement, NAME, 'success');
    await expect(componentRoot(canvasElement, NAME).querySelector('.dfns-success')).toHaveAttribute('data-result', 'signed-in');
    const [result] = (args.onSuccess as ReturnType<typeof fn>).mock.calls[0] ?? [];
    await expect(typeof (result as { token?: unknown }).token).toBe('string');
  },
};

/** A code Dfns never made (a typo): said under the field, what was typed kept. */
export const WrongCode: Story = {
  // Dfns refuses the code with a 401 by design: Chromium may log the failed request, which the static tour then allows.
  parameters: dfns({ authenticator: SCRIPTS, expectFailedRequests: true }),
  play: async ({ canvasElement }) => {
    await submitCode(canvasElement, 'ZZZ-ZZZ-ZZZ');
    await expectErrorCode(canvasElement, NAME, 'credential_code_invalid');
    await expect(within(canvasElement).getByLabelText(m.labels.credentialCode)).toHaveValue('ZZZ-ZZZ-ZZZ');
  },
};

/** Not the shape of a code: refused before asking Dfns. */
export const MalformedCode: Story = {
  play: async ({ canvasElement }) => {
    await submitCode(canvasElement, 'D1-ABC');
    await expectErrorCode(canvasElement, NAME, 'credential_code_invalid');
  },
};

/** The code's minute is over: get a new one. */
export const ExpiredCode: Story = {
  // Dfns refuses the code with a 401 by design: Chromium may log the failed request, which the static tour then allows.
  parameters: dfns({ authenticator: SCRIPTS, expectFailedRequests: true }),
  play: async ({ canvasElement }) => {
    await submitCode(canvasElement, freshCode(0));
    await expectErrorCode(canvasElement, NAME, 'credential_code_expired');
  },
};

/** The code was used already (codes are single use). */
export const ReplayedCode: Story = {
  // Dfns refuses the code with a 401 by design: Chromium may log the failed request, which the static tour then allows.
  parameters: dfns({ authenticator: SCRIPTS, expectFailedRequests: true }),
  play: async ({ canvasElement }) => {
    const code = freshCode();
    await emulator.handle(
      new Request(`${EMULATOR_BASE_URL}/auth/credentials/code/init`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: location.origin },
        body: JSON.stringify({ code, credentialKind: 'Fido2' }),
      }),
    );
    await submitCode(canvasElement, code);
    await expectErrorCode(canvasElement, NAME, 'credential_code_expired');
  },
};

/** The user closed the passkey prompt: Try again reopens it with the same challenge (the code is spent). */
export const Cancelled: Story = {
  parameters: dfns({ authenticator: { create: ['cancel', 'succeed'] } }),
  play: async ({ canvasElement }) => {
    await submitCode(canvasElement, freshCode());
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.retry }));
    await expectStatus(canvasElement, NAME, 'success');
  },
};

/** The network is down when the code is sent. */
export const NetworkDown: Story = {
  parameters: dfns({ authenticator: SCRIPTS, faults: [networkDown('POST', '/auth/credentials/code/init')] }),
  play: async ({ canvasElement }) => {
    await submitCode(canvasElement, 'A7U-KY6-9PT');
    await expectErrorCode(canvasElement, NAME, 'network_error');
  },
};

/**
 * After CreateCredentialCode › Live: paste the code it shows (within its minute) and create the
 * passkey with your browser. A browser that already holds the demo user's passkey refuses a second
 * one for the same user (passkey_already_registered), as a phone would; a second device makes it.
 */
export const Live: Story = {
  parameters: dfns({ live: true, session: 'none', authenticator: 'browser' }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'idle');
  },
};

/** Device B: no session, a passkey store of its own. */
function NewDevice(): React.ReactNode {
  const authenticator = useMemo(
    () => createFakeAuthenticator({ authenticator: createSoftwareAuthenticator({ origin: location.origin, rpId: EMULATOR_RP.id }) }),
    [],
  );
  return (
    <DfnsAuthProvider baseUrl={EMULATOR_BASE_URL} orgId={emulator.orgId} rp={EMULATOR_RP} authenticator={authenticator}>
      <AddPasskeyWithCode />
    </DfnsAuthProvider>
  );
}

/**
 * Both devices side by side: on the left the signed-in laptop (`<CreateCredentialCode/>`), on
 * the right a new device with no session and its own passkeys (`<AddPasskeyWithCode/>`). Get a
 * code on the left, type it on the right: the left sees the new passkey arrive.
 */
export const TwoDevices: Story = {
  parameters: { dfns: { session: 'fixture', authenticator: { get: 'succeed' } } satisfies DfnsStoryParameters },
  render: () => (
    <div className="dfns-story-two-devices" style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-start' }}>
      <div aria-label="Signed-in device" role="group" style={{ flex: '1 1 320px' }}>
        <CreateCredentialCode />
      </div>
      <div aria-label="New device" role="group" style={{ flex: '1 1 320px' }}>
        <NewDevice />
      </div>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const laptop = within(canvas.getByRole('group', { name: 'Signed-in device' }));
    const device = within(canvas.getByRole('group', { name: 'New device' }));
    await userEvent.click(laptop.getByRole('button', { name: m.buttons.getCredentialCode }));
    const code = (await laptop.findByTestId('credential-code')).textContent ?? '';
    await userEvent.type(device.getByLabelText(m.labels.credentialCode), code);
    await userEvent.click(device.getByRole('button', { name: m.buttons.register }));
    await expectStatus(canvasElement, NAME, 'success');
    await waitFor(() => expect(componentRoot(canvasElement, 'CreateCredentialCode')).toHaveAttribute('data-status', 'success'), { timeout: 8000 });
  },
};

/** Every state above, side by side (each in its own frame, brought to its state by its play function). */
export const AllStates: Story = {
  tags: ['!autodocs', '!test'],
  parameters: dfns({ gallery: true, panel: false, expectFailedRequests: true }),
  render: (_args, { globals }) => (
    <StateGallery
      title={meta.title}
      globals={globals as DfnsGlobals}
      stories={['Idle', 'FetchingChallenge', 'AwaitingAuthenticator', 'Submitting', 'Success', 'SignedIn', 'WrongCode', 'MalformedCode', 'ExpiredCode', 'ReplayedCode', 'Cancelled', 'NetworkDown']}
    />
  ),
};
