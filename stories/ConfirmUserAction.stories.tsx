import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConfirmUserAction } from '../src/components/ConfirmUserAction';
import { englishMessages } from '../src/messages';
import { kitArgTypes, eventArg } from './support/argTypes';
import type { DfnsGlobals, DfnsStoryParameters } from './support/dfnsParameters';
import { StateGallery } from './support/StateGallery';
import { emulator } from './support/emulator';
import { ensureLiveSession, isStoryTest } from './support/live';
import { expectErrorCode, expectStatus } from './support/play';

const NAME = 'ConfirmUserAction';
const approve = englishMessages.buttons.approve;
const retry = englishMessages.buttons.retry;
const m = englishMessages;
/** A wallet creation: Dfns protects it with a user action, the emulator verifies the signature. */
const createWallet = { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia', name: 'Treasury' } } as const;
/** Long enough that the story stays in the step while a person (or a test) looks at it. */
const STUCK = { latencyMs: 120_000 };

const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });

const meta = {
  title: 'Components/ConfirmUserAction',
  component: ConfirmUserAction,
  tags: ['autodocs'],
  args: { request: createWallet, summary: 'Create the wallet “Treasury” on Ethereum Sepolia', onSuccess: fn(), onPending: fn(), onError: fn() },
  argTypes: {
    ...kitArgTypes,
    request: { description: 'The request to confirm: shown to the user, signed with their passkey, then sent', control: 'object' },
    summary: { description: 'What the request does, in your users’ words: the lead of the card, with the method, path and fields folded under it', control: 'text' },
    onCancel: eventArg('Decline: the user refused; nothing was signed or sent'),
    onSuccess: eventArg('Called with the parsed response of the request'),
    onPending: eventArg('Called on HTTP 202: the request waits for an approver under a policy'),
    onError: eventArg('Called once per failure, with a `DfnsAuthError` (`error.code` says which)'),
  },
  parameters: {
    ...dfns({ session: 'fixture', authenticator: { get: 'succeed' } }),
    docs: {
      description: {
        component: [
          'Shows a request Dfns protects with a user action, signs it with the user’s passkey on click, sends it once, and reports the response. HTTP 202 (a policy holds the request) shows “awaiting approval”.',
          '',
          '```tsx',
          "import { ConfirmUserAction, DfnsAuthProvider } from 'dfns-react-kit';",
          '',
          '<DfnsAuthProvider orgId="or-…" rp={{ id: \'app.example.com\', name: \'Example\' }} authToken={() => session.token}>',
          '  <ConfirmUserAction',
          "    request={{ method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia' } }}",
          '    summary="Create a wallet on Ethereum Sepolia"',
          '    onSuccess={(wallet) => save(wallet)}',
          '    onPending={() => toast(\'Waiting for approval\')}',
          '  />',
          '</DfnsAuthProvider>',
          '```',
          '',
          'The hook behind it, for your own markup: `const { state, signedFetch } = useUserActionSigner({ onSuccess })`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof ConfirmUserAction>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Before the click: the request is shown and its challenge is fetched in the background. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, NAME, 'idle');
    await expect(canvas.getByRole('button', { name: approve })).toBeEnabled();
    await expect(canvas.getByText('POST /wallets', { exact: false })).toBeInTheDocument();
  },
};

/**
 * The challenge request is slow: the button shows progress. (The mount-time prefetch is made to
 * fail first, so the click sends its own init: a click during a prefetch waits for it, in idle.)
 */
export const FetchingChallenge: Story = {
  parameters: dfns({
    session: 'fixture',
    authenticator: { get: 'succeed' },
    faults: [
      { method: 'POST', path: '/auth/action/init', status: 500, times: 1 },
      { path: '/auth/action/init', ...STUCK },
    ],
  }),
  play: async ({ canvasElement }) => {
    // The mount-time prefetch has used up the first fault (play waits up to PLAY_WAIT_MS for it).
    await waitFor(() => expect(emulator.faults.list()).toHaveLength(1));
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectStatus(canvasElement, NAME, 'fetching-challenge');
  },
};

/** The passkey prompt is open and the user has not answered yet. */
export const AwaitingAuthenticator: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'hang' } }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectStatus(canvasElement, NAME, 'awaiting-authenticator');
  },
};

/** Signed; the request itself is on its way. */
export const Submitting: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'succeed' }, faults: [{ method: 'POST', path: '/wallets', ...STUCK }] }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectStatus(canvasElement, NAME, 'submitting');
  },
};

/** The wallet was created: `onSuccess` receives Dfns's response. */
export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ network: 'EthereumSepolia', name: 'Treasury' }));
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** A policy holds the request (HTTP 202): not an error, the user waits for an approver. */
export const AwaitingApproval: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'succeed' }, requireApproval: [{ method: 'POST', path: '/wallets' }] }),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectStatus(canvasElement, NAME, 'awaiting-approval');
    await expect(args.onPending).toHaveBeenCalledTimes(1);
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

/** The user closed the passkey prompt. */
export const Cancelled: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'cancel' } }),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));
  },
};

/** The user declines: nothing is signed or sent, `onCancel` is called, and the card says so. */
export const Declined: Story = {
  args: { onCancel: fn() },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.decline }));
    await expectStatus(canvasElement, NAME, 'declined');
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await expect(args.onSuccess).not.toHaveBeenCalled();
    await expect(within(canvasElement).getByText(m.userAction.declined)).toBeInTheDocument();
  },
};

/** Cancelled once, then retried: the retry fetches a fresh challenge and succeeds. */
export const RetryAfterCancel: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: ['cancel', 'succeed'] } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: approve }));
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
    await userEvent.click(canvas.getByRole('button', { name: retry }));
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
  },
};

/** The page's domain does not match the rp id. */
export const InvalidDomain: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'invalid-domain' } }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectErrorCode(canvasElement, NAME, 'passkey_invalid_domain');
  },
};

/** The browser has no passkey support. */
export const Unsupported: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'unsupported' } }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectErrorCode(canvasElement, NAME, 'webauthn_unsupported');
  },
};

/** The network is down: the challenge request never reaches Dfns. */
export const NetworkDown: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'succeed' }, faults: [{ method: 'POST', path: '/auth/action/init', drop: true }] }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectErrorCode(canvasElement, NAME, 'network_error');
  },
};

/** Dfns answers 500. */
export const ServerError: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'succeed' }, faults: [{ method: 'POST', path: '/auth/action/init', status: 500 }] }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectErrorCode(canvasElement, NAME, 'server_error');
  },
};

/** Dfns answers 429. */
export const RateLimited: Story = {
  parameters: dfns({ session: 'fixture', authenticator: { get: 'succeed' }, faults: [{ method: 'POST', path: '/auth/action/init', status: 429 }] }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectErrorCode(canvasElement, NAME, 'rate_limited');
  },
};

/** A proxy answers HTML instead of Dfns's JSON. */
export const MalformedResponse: Story = {
  parameters: dfns({
    session: 'fixture',
    authenticator: { get: 'succeed' },
    faults: [{ method: 'POST', path: '/auth/action/init', status: 200, body: '<html>Bad gateway</html>' }],
  }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectErrorCode(canvasElement, NAME, 'invalid_response');
  },
};

/**
 * After logging in (LoginWithPasskey › Live): press “Confirm with passkey” to create a wallet as
 * `demo@example.com`. Your browser asks for your passkey to sign the request; the emulator panel
 * then counts one more wallet.
 */
export const Live: Story = {
  parameters: dfns({ live: true, session: 'live', authenticator: 'browser' }),
  play: async ({ canvasElement, args }) => {
    if (!isStoryTest()) return;
    await ensureLiveSession();
    await userEvent.click(within(canvasElement).getByRole('button', { name: approve }));
    await expectStatus(canvasElement, NAME, 'success', 10_000);
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ network: 'EthereumSepolia' }));
  },
};

/** Every state above, side by side (each in its own frame, brought to its state by its play function). */
export const AllStates: Story = {
  tags: ['!autodocs', '!test'],
  parameters: { ...dfns({ gallery: true, panel: false, expectFailedRequests: true }), layout: 'fullscreen' },
  render: (_args, { globals }) => (
    <StateGallery
      title={meta.title}
      globals={globals as DfnsGlobals}
      stories={[
        'Idle',
        'FetchingChallenge',
        'AwaitingAuthenticator',
        'Submitting',
        'AwaitingApproval',
        'Success',
        'Cancelled',
        'Declined',
        'InvalidDomain',
        'Unsupported',
        'NetworkDown',
        'ServerError',
        'RateLimited',
        'MalformedResponse',
      ]}
    />
  ),
};
