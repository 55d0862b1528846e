import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { CreateCredentialCode } from '../src/components/CreateCredentialCode';
import { createCredentialWithCode, createDfnsClient, createPasskey, initCredentialWithCode } from '../src/core';
import { englishMessages } from '../src/messages';
import { createSoftwareAuthenticator } from '../src/testing';
import { eventArg, kitArgTypes } from './support/argTypes';
import type { DfnsGlobals, DfnsStoryParameters, StoryAuthenticatorScripts } from './support/dfnsParameters';
import { EMULATOR_BASE_URL, EMULATOR_RP, emulator, notifyEmulatorChanged } from './support/emulator';
import { networkDown, rateLimited, stuck } from './support/faults';
import { ensureLiveSession, isStoryTest } from './support/live';
import { expectErrorCode, expectStatus } from './support/play';
import { StateGallery } from './support/StateGallery';
import { usage } from './support/usage';

const NAME = 'CreateCredentialCode';
const m = englishMessages;
const SCRIPTS: StoryAuthenticatorScripts = { get: 'succeed' };
const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });

/** Clicks "Add a passkey on another device" (a passkey signs the request). */
async function getCode(canvasElement: HTMLElement): Promise<string> {
  await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.getCredentialCode }));
  const code = await within(canvasElement).findByTestId('credential-code');
  return code.textContent ?? '';
}

/** The other device: spends `code` and adds a passkey of its own, straight through the core functions. */
async function addOnOtherDevice(code: string): Promise<void> {
  const client = createDfnsClient({ baseUrl: EMULATOR_BASE_URL, orgId: emulator.orgId, fetch: (input, init) => emulator.handle(new Request(input, init)) });
  const phone = createSoftwareAuthenticator({ origin: location.origin, rpId: EMULATOR_RP.id });
  const challenge = await initCredentialWithCode(client, { code, credentialKind: 'Fido2' });
  const passkey = await createPasskey(challenge, { rp: EMULATOR_RP, authenticator: phone });
  await createCredentialWithCode(client, { ...passkey, credentialName: 'Work PC', challengeIdentifier: challenge.challengeIdentifier });
  notifyEmulatorChanged();
}

const meta = {
  title: 'Components/CreateCredentialCode',
  component: CreateCredentialCode,
  tags: ['autodocs'],
  args: { onSuccess: fn(), onError: fn() },
  argTypes: {
    ...kitArgTypes,
    onSuccess: eventArg('Called with the passkey made with the code on the other device, once it appears'),
    onError: eventArg('Called once per failure, with a `DfnsAuthError` (`error.code` says which)'),
  },
  parameters: {
    ...dfns({ session: 'fixture', authenticator: SCRIPTS }),
    ...usage(
      'For a signed-in user: a one-time code (the request signed with a passkey) to type into `<AddPasskeyWithCode/>` on another device or domain, with a countdown, a new code once it expired, and the new passkey once it was added there.',
      `import { CreateCredentialCode, DfnsAuthProvider } from 'dfns-react-kit';

<DfnsAuthProvider orgId="or-…" rp={{ id: 'app.example.com', name: 'Example' }} authToken={() => session.token}>
  <CreateCredentialCode onSuccess={({ credential }) => toast(\`Added \${credential.name}\`)} />
</DfnsAuthProvider>`,
      '`const { state, start } = useCreateCredentialCode({ onSuccess })`; or `<CredentialList addOnAnotherDevice />`.',
    ),
  },
} satisfies Meta<typeof CreateCredentialCode>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The button, before any code. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'idle');
  },
};

/** The passkey prompt that signs the code request is open. */
export const SigningUserAction: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'hang' } }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.getCredentialCode }));
    await expectStatus(canvasElement, NAME, 'signing-user-action');
  },
};

/** Signed; Dfns is making the code. */
export const Submitting: Story = {
  parameters: dfns({ session: 'fixture', authenticator: SCRIPTS, faults: [stuck('POST', '/auth/credentials/code')] }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.getCredentialCode }));
    await expectStatus(canvasElement, NAME, 'submitting');
  },
};

/** The code, large, with Copy and a live countdown. */
export const ShowingCode: Story = {
  play: async ({ canvasElement }) => {
    await expect(await getCode(canvasElement)).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    await expectStatus(canvasElement, NAME, 'showing-code');
    await expect(within(canvasElement).getByText(/^Expires in \d+ s$/)).toBeInTheDocument();
  },
};

/** The code's time ran out (here after 2 s): a new one is one click away. */
export const Expired: Story = {
  args: { lifetimeMs: 2000 },
  play: async ({ canvasElement }) => {
    await getCode(canvasElement);
    await expectStatus(canvasElement, NAME, 'expired', 6000);
    await expect(within(canvasElement).getByRole('button', { name: m.buttons.newCredentialCode })).toBeInTheDocument();
  },
};

/** The other device added its passkey with the code: its name, and the list is refreshed. */
export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await addOnOtherDevice(await getCode(canvasElement));
    await expectStatus(canvasElement, NAME, 'success', 8000);
    await expect(args.onSuccess).toHaveBeenCalledWith({ credential: expect.objectContaining({ name: 'Work PC' }) });
  },
};

/** The user closed the passkey prompt: no code. */
export const Cancelled: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'cancel' } }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.getCredentialCode }));
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
  },
};

/** The network is down when the code is asked for. */
export const NetworkDown: Story = {
  parameters: dfns({ session: 'fixture', authenticator: SCRIPTS, faults: [networkDown('POST', '/auth/credentials/code')] }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.getCredentialCode }));
    await expectErrorCode(canvasElement, NAME, 'network_error');
  },
};

/** Dfns answers 429. */
export const RateLimited: Story = {
  parameters: dfns({ session: 'fixture', authenticator: SCRIPTS, faults: [rateLimited('POST', '/auth/credentials/code')] }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.getCredentialCode }));
    await expectErrorCode(canvasElement, NAME, 'rate_limited');
  },
};

/**
 * After logging in (LoginWithPasskey › Live): press “Add a passkey on another device” and confirm
 * with your passkey. Copy the code and, within the minute, paste it into AddPasskeyWithCode › Live
 * in this tab (the emulator lives in the page); or watch it count down and ask for a new one.
 */
export const Live: Story = {
  parameters: dfns({ live: true, session: 'live', authenticator: 'browser' }),
  play: async ({ canvasElement }) => {
    if (!isStoryTest()) return;
    await ensureLiveSession();
    await expect(await getCode(canvasElement)).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    await expectStatus(canvasElement, NAME, 'showing-code', 15_000);
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
      stories={['Idle', 'SigningUserAction', 'Submitting', 'ShowingCode', 'Expired', 'Success', 'Cancelled', 'NetworkDown', 'RateLimited']}
    />
  ),
};
