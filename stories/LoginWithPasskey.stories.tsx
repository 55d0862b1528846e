import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LoginWithPasskey } from '../src/components/LoginWithPasskey';
import { englishMessages } from '../src/messages';
import { kitArgTypes, booleanArg, eventArg, textArg } from './support/argTypes';
import type { DfnsGlobals, DfnsStoryParameters } from './support/dfnsParameters';
import { DEMO_USERNAME } from './support/emulator';
import { FIXTURE_USERNAME } from './support/fixtures';
import { ensureDemoRegistered, isStoryTest } from './support/live';
import { liveSession, setLiveSession } from './support/liveSession';
import { expectErrorCode, expectStatus } from './support/play';
import { StateGallery } from './support/StateGallery';
import { usage } from './support/usage';

const NAME = 'LoginWithPasskey';
const m = englishMessages;
const STUCK = { latencyMs: 120_000 };
const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });

/** Clicks "Sign in" (the username is a prop in the state stories). */
async function signIn(canvasElement: HTMLElement): Promise<void> {
  await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.signIn }));
}

const meta = {
  title: 'Components/LoginWithPasskey',
  component: LoginWithPasskey,
  tags: ['autodocs'],
  // Autofill opens a conditional passkey request on mount; the state stories script every prompt.
  args: { username: FIXTURE_USERNAME, autofill: false, onSuccess: fn(), onError: fn() },
  argTypes: {
    ...kitArgTypes,
    username: textArg('The user to log in; leave empty to show a username field (an empty field logs in without a username)'),
    usernameless: booleanArg('With the username field: also offer “Choose a saved passkey” (no username needed) (default true)'),
    autofill: booleanArg('Offer passkey autofill on the username field where the browser supports it (default true)'),
    onSuccess: eventArg('Called with the login token'),
    onError: eventArg('Called once per failure, with a `DfnsAuthError` (`error.code` says which)'),
  },
  parameters: {
    ...dfns({ authenticator: { get: 'succeed' } }),
    ...usage(
      'Logs a registered user in with their passkey: with a known username, with a username field, or usernameless (the browser offers the passkeys saved for this site). `onSuccess` receives the Dfns token.',
      `import { DfnsAuthProvider, LoginWithPasskey } from 'dfns-react-kit';

<DfnsAuthProvider orgId="or-…" rp={{ id: 'app.example.com', name: 'Example' }}>
  <LoginWithPasskey onSuccess={({ token }) => session.set(token)} />
</DfnsAuthProvider>`,
      '`const { state, start, prefetch } = useLoginWithPasskey({ onSuccess })`.',
    ),
  },
} satisfies Meta<typeof LoginWithPasskey>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ready: one click opens the passkey prompt. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'idle');
    await expect(within(canvasElement).getByRole('button', { name: m.buttons.signIn })).toBeEnabled();
  },
};

/** Without a `username` prop: a username field, and a usernameless sign-in. */
export const WithUsernameField: Story = {
  args: { username: undefined },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(m.labels.username)).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: m.buttons.signInUsernameless })).toBeInTheDocument();
  },
};

/** Dfns is slow to answer the login init. */
export const FetchingChallenge: Story = {
  parameters: dfns({ authenticator: { get: 'succeed' }, faults: [{ method: 'POST', path: '/auth/login/init', ...STUCK }] }),
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expectStatus(canvasElement, NAME, 'fetching-challenge');
  },
};

/** The passkey prompt is open. */
export const AwaitingAuthenticator: Story = {
  parameters: dfns({ authenticator: { get: 'hang' } }),
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expectStatus(canvasElement, NAME, 'awaiting-authenticator');
  },
};

/** Signed; Dfns is checking the assertion. */
export const Submitting: Story = {
  parameters: dfns({ authenticator: { get: 'succeed' }, faults: [{ method: 'POST', path: '/auth/login', ...STUCK }] }),
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expectStatus(canvasElement, NAME, 'submitting');
  },
};

/** Logged in: `onSuccess` has the token. */
export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await signIn(canvasElement);
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ token: expect.stringMatching(/^ey/) }));
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The user closed the passkey prompt. */
export const Cancelled: Story = {
  parameters: dfns({ authenticator: { get: 'cancel' } }),
  play: async ({ canvasElement, args }) => {
    await signIn(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));
  },
};

/** Cancelled once; the retry succeeds. */
export const RetryAfterCancel: Story = {
  parameters: dfns({ authenticator: { get: ['cancel', 'succeed'] } }),
  play: async ({ canvasElement, args }) => {
    await signIn(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.retry }));
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
  },
};

/** The rp id does not match the page's domain. */
export const InvalidDomain: Story = {
  parameters: dfns({ authenticator: { get: 'invalid-domain' } }),
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'passkey_invalid_domain');
  },
};

/** No passkey support in this browser. */
export const Unsupported: Story = {
  parameters: dfns({ authenticator: { get: 'unsupported' } }),
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'webauthn_unsupported');
  },
};

/** The network is down. */
export const NetworkDown: Story = {
  parameters: dfns({ authenticator: { get: 'succeed' }, faults: [{ method: 'POST', path: '/auth/login/init', drop: true }] }),
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'network_error');
  },
};

/** Dfns answers 500. */
export const ServerError: Story = {
  parameters: dfns({ authenticator: { get: 'succeed' }, faults: [{ method: 'POST', path: '/auth/login/init', status: 500 }] }),
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'server_error');
  },
};

/** Dfns answers 429. */
export const RateLimited: Story = {
  parameters: dfns({ authenticator: { get: 'succeed' }, faults: [{ method: 'POST', path: '/auth/login/init', status: 429 }] }),
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'rate_limited');
  },
};

/**
 * Dfns rate limits with `Retry-After` (one request a minute here: the login's second request is
 * refused): Try again counts down and becomes active when the wait is over.
 */
export const RateLimitedCountdown: Story = {
  parameters: dfns({ authenticator: { get: 'succeed' }, rateLimitPerMinute: 1 }),
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'rate_limited');
    const alert = within(canvasElement).getByRole('alert');
    await expect(within(alert).getByRole('button', { name: /\d+ s$/ })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The app passes `onCancel` (e.g. to close its dialog): Cancel under the step stops the sign-in and calls it. */
export const WithCancel: Story = {
  args: { username: undefined, onCancel: fn() },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.cancel }));
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
  },
};

/** Something between the app and Dfns answers HTML. */
export const MalformedResponse: Story = {
  parameters: dfns({
    authenticator: { get: 'succeed' },
    faults: [{ method: 'POST', path: '/auth/login/init', status: 200, body: '<html>Bad gateway</html>' }],
  }),
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'invalid_response');
  },
};

/**
 * Step 2 of the live tour (after RegisterPasskey › Live): press “Choose a saved passkey” and pick
 * the `demo@example.com` passkey in your browser’s prompt. You are then logged in for the other
 * live stories (the emulator panel says “Live session: demo@example.com”).
 */
export const Live: Story = {
  args: { username: undefined, autofill: false },
  parameters: dfns({ live: true, authenticator: 'browser', needsDemoPasskey: true }),
  render: (args) => (
    <LoginWithPasskey
      {...args}
      onSuccess={(result) => {
        args.onSuccess?.(result);
        setLiveSession({ username: result.username ?? DEMO_USERNAME, token: result.token });
      }}
    />
  ),
  play: async ({ canvasElement, args }) => {
    if (!isStoryTest()) return;
    await ensureDemoRegistered();
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(m.labels.username), DEMO_USERNAME);
    await userEvent.click(canvas.getByRole('button', { name: m.buttons.continue }));
    await expectStatus(canvasElement, NAME, 'success', 15_000);
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ token: expect.stringMatching(/^ey/) }));
    await expect(liveSession()?.username).toBe(DEMO_USERNAME);
  },
};

/**
 * Like Live, with passkey autofill: click into the username field and pick the `demo@example.com`
 * passkey from your browser’s suggestions; no button needed.
 */
export const LiveAutofill: Story = {
  ...Live,
  args: { username: undefined, autofill: true },
  play: async ({ canvasElement, args }) => {
    if (!isStoryTest()) return;
    // The virtual authenticator answers the conditional request by itself once a passkey exists.
    await ensureDemoRegistered();
    await expectStatus(canvasElement, NAME, 'success', 15_000);
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ token: expect.stringMatching(/^ey/) }));
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
      stories={[
        'Idle',
        'WithUsernameField',
        'FetchingChallenge',
        'AwaitingAuthenticator',
        'Submitting',
        'Success',
        'Cancelled',
        'InvalidDomain',
        'Unsupported',
        'NetworkDown',
        'ServerError',
        'RateLimited',
        'RateLimitedCountdown',
        'MalformedResponse',
        'WithCancel',
      ]}
    />
  ),
};
