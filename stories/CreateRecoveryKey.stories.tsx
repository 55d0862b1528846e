import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CreateRecoveryKey } from '../src/components/CreateRecoveryKey';
import { englishMessages } from '../src/messages';
import { kitArgTypes, eventArg } from './support/argTypes';
import type { DfnsGlobals, DfnsStoryParameters, StoryAuthenticatorScripts } from './support/dfnsParameters';
import { malformed, networkDown, rateLimited, serverError, stuck } from './support/faults';
import { ensureLiveSession, isStoryTest } from './support/live';
import { expectErrorCode, expectStatus } from './support/play';
import { StateGallery } from './support/StateGallery';
import { usage } from './support/usage';

const NAME = 'CreateRecoveryKey';
const m = englishMessages;
const SCRIPTS: StoryAuthenticatorScripts = { get: 'succeed' };
const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });

/** Clicks the submit button of the form. */
async function submit(canvasElement: HTMLElement): Promise<void> {
  await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.addRecoveryKey }));
}

const meta = {
  title: 'Components/CreateRecoveryKey',
  component: CreateRecoveryKey,
  tags: ['autodocs'],
  args: { onSuccess: fn(), onError: fn() },
  argTypes: {
    ...kitArgTypes,
    onSuccess: eventArg('Called once the user confirmed they saved the new recovery kit'),
    onError: eventArg('Called once per failure, with a `DfnsAuthError` (`error.code` says which)'),
  },
  parameters: {
    ...dfns({ session: 'fixture', authenticator: SCRIPTS }),
    ...usage(
      "Creates a new recovery key for the logged-in user, shows its recovery kit once, and registers it after the user confirmed they stored the kit.",
      `import { CreateRecoveryKey, DfnsAuthProvider } from 'dfns-react-kit';

<DfnsAuthProvider orgId="or-…" rp={{ id: 'app.example.com', name: 'Example' }} authToken={() => session.token}>
  <CreateRecoveryKey onSuccess={() => router.push('/settings')} />
</DfnsAuthProvider>`,
      '`const { state, start, kitSaved } = useCreateRecoveryKey({ onSuccess })`.',
    ),
  },
} satisfies Meta<typeof CreateRecoveryKey>;

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
  parameters: dfns({ session: 'fixture', authenticator: SCRIPTS, faults: [stuck('POST', '/auth/credentials/init')] }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectStatus(canvasElement, NAME, 'fetching-challenge');
  },
};

/** The recovery key exists; the user's passkey prompt (to sign the change) is open. */
export const SigningUserAction: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'hang' } }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectStatus(canvasElement, NAME, 'signing-user-action');
  },
};

/** The user closed the passkey prompt that signs the change. */
export const Cancelled: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'cancel' } }),
  play: async ({ canvasElement, args }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));
  },
};

/** The recovery kit of the new key, shown once; "Continue" waits for the checkbox. */
export const ShowingRecoveryKit: Story = {
  play: async ({ canvasElement, args }) => {
    await submit(canvasElement);
    await expectStatus(canvasElement, NAME, 'showing-recovery-kit');
    await expect(within(canvasElement).getByRole('button', { name: m.buttons.continue })).toBeDisabled();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

/** Signed; Dfns is registering the credential. */
export const Submitting: Story = {
  parameters: dfns({ session: 'fixture', authenticator: SCRIPTS, faults: [stuck('POST', '/auth/credentials')] }),
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
  parameters: dfns({ session: 'fixture', authenticator: SCRIPTS, faults: [networkDown('POST', '/auth/credentials/init')] }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'network_error');
  },
};

/** Dfns answers 500. */
export const ServerError: Story = {
  parameters: dfns({ session: 'fixture', authenticator: SCRIPTS, faults: [serverError('POST', '/auth/credentials/init')] }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'server_error');
  },
};

/** Dfns answers 429. */
export const RateLimited: Story = {
  parameters: dfns({ session: 'fixture', authenticator: SCRIPTS, faults: [rateLimited('POST', '/auth/credentials/init')] }),
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'rate_limited');
  },
};

/** Something between the app and Dfns answers HTML. */
export const MalformedResponse: Story = {
  parameters: dfns({ session: 'fixture', authenticator: SCRIPTS, faults: [malformed('POST', '/auth/credentials/init')] }),
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

/** Confirms the recovery kit was saved, which registers the key. */
async function finish(canvasElement: HTMLElement): Promise<void> {
  const canvas = within(canvasElement);
  await expectStatus(canvasElement, NAME, 'showing-recovery-kit');
  await userEvent.click(canvas.getByLabelText(m.buttons.savedKit));
  await userEvent.click(canvas.getByRole('button', { name: m.buttons.continue }));
}

/**
 * After logging in (LoginWithPasskey › Live): press “Create recovery key”, confirm with your passkey, then
 * save the new recovery kit it shows (download or copy it) and tick “I have saved it” to finish.
 */
export const Live: Story = {
  parameters: dfns({ live: true, session: 'live', authenticator: 'browser' }),
  play: async ({ canvasElement, args }) => {
    if (!isStoryTest()) return;
    await ensureLiveSession();
    await submit(canvasElement);
    await finish(canvasElement);
    await expectStatus(canvasElement, NAME, 'success', 15_000);
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
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
      stories={['Idle', 'FetchingChallenge', 'SigningUserAction', 'ShowingRecoveryKit', 'Submitting', 'Success', 'Cancelled', 'NetworkDown', 'ServerError', 'RateLimited', 'MalformedResponse', 'NoAuthToken']}
    />
  ),
};
