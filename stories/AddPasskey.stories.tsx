import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { AddPasskey } from '../src/components/AddPasskey';
import { englishMessages } from '../src/messages';
import { kitArgTypes, eventArg } from './support/argTypes';
import type { DfnsGlobals, DfnsStoryParameters, StoryAuthenticatorScripts } from './support/dfnsParameters';
import { malformed, networkDown, rateLimited, serverError, stuck } from './support/faults';
import { ensureLiveSession, isStoryTest } from './support/live';
import { expectErrorCode, expectStatus } from './support/play';
import { StateGallery } from './support/StateGallery';
import { usage } from './support/usage';

const NAME = 'AddPasskey';
const m = englishMessages;
const SCRIPTS: StoryAuthenticatorScripts = { create: 'succeed', get: 'succeed' };
const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });

/** Clicks the submit button of the form. */
async function submit(canvasElement: HTMLElement): Promise<void> {
  await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.addPasskey }));
}

const meta = {
  title: 'Components/AddPasskey',
  component: AddPasskey,
  tags: ['autodocs'],
  args: { onSuccess: fn(), onError: fn() },
  argTypes: {
    ...kitArgTypes,
    onSuccess: eventArg('Called with the new passkey credential'),
    onError: eventArg('Called once per failure, with a `DfnsAuthError` (`error.code` says which)'),
  },
  parameters: {
    ...dfns({ session: 'fixture', newDevice: true, authenticator: SCRIPTS }),
    ...usage(
      "Adds a passkey to the logged-in user's account (for example on a new device): a passkey from the browser, signed with an existing passkey as a user action.",
      `import { AddPasskey, DfnsAuthProvider } from 'dfns-react-kit';

<DfnsAuthProvider orgId="or-…" rp={{ id: 'app.example.com', name: 'Example' }} authToken={() => session.token}>
  <AddPasskey onSuccess={({ credential }) => toast(\`Added \${credential.name}\`)} />
</DfnsAuthProvider>`,
      '`const { state, start } = useAddPasskey({ onSuccess })`.',
    ),
  },
} satisfies Meta<typeof AddPasskey>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The form, with a default credential name. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'idle');
    // The default name is filled in after mount (it may read the platform), so wait for it.
    await waitFor(() => expect(within(canvasElement).getByLabelText(m.labels.credentialName)).not.toHaveValue(''));
  },
};

/** Dfns is slow to answer the credential challenge. */
export const FetchingChallenge: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: SCRIPTS, faults: [stuck('POST', '/auth/credentials/init')] }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectStatus(canvasElement, NAME, 'fetching-challenge');
  },
};

/** The browser's prompt to create the new passkey is open. */
export const AwaitingAuthenticator: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: { create: 'hang', get: 'succeed' } }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectStatus(canvasElement, NAME, 'awaiting-authenticator');
  },
};

/** The new passkey exists; the existing passkey's prompt (to sign the change) is open. */
export const SigningUserAction: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: { create: 'succeed', get: 'hang' } }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectStatus(canvasElement, NAME, 'signing-user-action');
  },
};

/** The user closed the passkey prompt. */
export const Cancelled: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: { create: 'cancel', get: 'succeed' } }),
  play: async ({ canvasElement, args }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));
  },
};

/** This authenticator already holds a passkey of this user. */
export const AlreadyRegistered: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: { create: 'already-registered', get: 'succeed' } }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'passkey_already_registered');
  },
};

/** The rp id does not match the page's domain. */
export const InvalidDomain: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: { create: 'invalid-domain', get: 'succeed' } }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'passkey_invalid_domain');
  },
};

/** No passkey support in this browser. */
export const Unsupported: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: { create: 'unsupported', get: 'succeed' } }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'webauthn_unsupported');
  },
};

/** Signed; Dfns is registering the credential. */
export const Submitting: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: SCRIPTS, faults: [stuck('POST', '/auth/credentials')] }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectStatus(canvasElement, NAME, 'submitting');
  },
};

/** Added: `onSuccess` has the new credential. */
export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await submit(canvasElement);
    await finish(canvasElement);
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ credential: expect.objectContaining({ isActive: true }) }));
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The network is down. */
export const NetworkDown: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: SCRIPTS, faults: [networkDown('POST', '/auth/credentials/init')] }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'network_error');
  },
};

/** Dfns answers 500. */
export const ServerError: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: SCRIPTS, faults: [serverError('POST', '/auth/credentials/init')] }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'server_error');
  },
};

/** Dfns answers 429. */
export const RateLimited: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: SCRIPTS, faults: [rateLimited('POST', '/auth/credentials/init')] }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'rate_limited');
  },
};

/** Something between the app and Dfns answers HTML. */
export const MalformedResponse: Story = {
  parameters: dfns({ session: 'fixture', newDevice: true, authenticator: SCRIPTS, faults: [malformed('POST', '/auth/credentials/init')] }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'invalid_response');
  },
};

/** No auth token (the app forgot `authToken`): the kit stops before calling Dfns and names the fix. */
export const NoAuthToken: Story = {
  parameters: dfns({ session: 'none', authenticator: SCRIPTS }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'config_error');
  },
};

/** Nothing to confirm after adding a passkey. */
async function finish(_canvasElement: HTMLElement): Promise<void> {}

/**
 * Step 3 of the live tour (after RegisterPasskey › Live and LoginWithPasskey › Live): name the new
 * passkey and press “Add passkey”. Your browser asks for the passkey you already have (to sign the
 * request), then creates a second one for `demo@example.com`.
 */
export const Live: Story = {
  parameters: dfns({ live: true, session: 'live', authenticator: 'browser' }),
  play: async ({ canvasElement, args }) => {
    if (!isStoryTest()) return;
    await ensureLiveSession();
    await submit(canvasElement);
    // One virtual authenticator holds one passkey per user: it refuses a second one, as a phone would not.
    await expectErrorCode(canvasElement, NAME, 'passkey_already_registered');
    await expect(args.onError).toHaveBeenCalledTimes(1);
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
      stories={['Idle', 'FetchingChallenge', 'AwaitingAuthenticator', 'SigningUserAction', 'Submitting', 'Success', 'Cancelled', 'AlreadyRegistered', 'InvalidDomain', 'Unsupported', 'NetworkDown', 'ServerError', 'RateLimited', 'MalformedResponse', 'NoAuthToken']}
    />
  ),
};
