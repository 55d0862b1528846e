import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { RegisterPasskey } from '../src/components/RegisterPasskey';
import { englishMessages } from '../src/messages';
import { kitArgTypes, booleanArg, codeArg, eventArg, textArg } from './support/argTypes';
import type { DfnsGlobals, DfnsStoryParameters } from './support/dfnsParameters';
import { DEMO_USERNAME, emulator } from './support/emulator';
import { isStoryTest } from './support/live';
import { setLiveSession } from './support/liveSession';
import { expectErrorCode, expectStatus } from './support/play';
import { StateGallery } from './support/StateGallery';
import type { LoadedDfns } from './support/storyLoader';
import { usage } from './support/usage';

const NAME = 'RegisterPasskey';
const m = englishMessages;
const STUCK = { latencyMs: 120_000 };
const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });

/** Fills the form with the story's invitation (from the loader) and submits it. */
async function fillAndSubmit(canvasElement: HTMLElement, loaded: Record<string, unknown>): Promise<void> {
  const invitation = (loaded['dfns'] as LoadedDfns).invitation;
  if (!invitation) throw new Error('this story needs `invite: true`');
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText(m.labels.username), invitation.username);
  await userEvent.type(canvas.getByLabelText(m.labels.registrationCode), invitation.registrationCode);
  await userEvent.click(canvas.getByRole('button', { name: m.buttons.register }));
}

/** Saves the recovery kit (tick, continue) once it is shown. */
async function saveKit(canvasElement: HTMLElement): Promise<void> {
  const canvas = within(canvasElement);
  await expectStatus(canvasElement, NAME, 'showing-recovery-kit');
  await userEvent.click(canvas.getByLabelText(m.buttons.savedKit));
  await userEvent.click(canvas.getByRole('button', { name: m.buttons.continue }));
}

const meta = {
  title: 'Components/RegisterPasskey',
  component: RegisterPasskey,
  tags: ['autodocs'],
  args: { onSuccess: fn(), onError: fn() },
  argTypes: {
    ...kitArgTypes,
    username: textArg('The user to register; leave empty to show a field'),
    registrationCode: textArg('The emailed registration code (`standard` and `endUser` modes); leave empty to show a field'),
    mode: { description: 'Who registers: `standard` (org user), `endUser` (with wallets) or `delegated` (your backend asks Dfns)', control: 'select', options: ['standard', 'endUser', 'delegated'] },
    autoLogin: booleanArg('Log in right after a registration that returns no token (a second passkey prompt)'),
    recoveryKey: booleanArg('Also create a recovery key and show its kit (default true)'),
    wallets: { description: 'Wallets made with an end user (`endUser` mode)', control: 'object' },
    getChallenge: codeArg('`delegated` mode: asks your backend for the registration challenge'),
    onSuccess: eventArg('Called with the registered user (and login token, when there is one)'),
    onError: eventArg('Called once per failure, with a `DfnsAuthError` (`error.code` says which)'),
  },
  parameters: {
    ...dfns({ invite: true, authenticator: { create: 'succeed' } }),
    ...usage(
      'Registers an invited user: username and the emailed registration code (as fields, or as props), a passkey from the browser, and a recovery key whose kit is shown once.',
      `import { DfnsAuthProvider, RegisterPasskey } from 'dfns-react-kit';

<DfnsAuthProvider orgId="or-…" rp={{ id: 'app.example.com', name: 'Example' }}>
  <RegisterPasskey onSuccess={({ user }) => navigate(\`/login?username=\${user.username}\`)} />
</DfnsAuthProvider>`,
      '`const { state, start, retry } = useRegisterPasskey({ onSuccess })`.',
    ),
  },
} satisfies Meta<typeof RegisterPasskey>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The form: username and registration code. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, NAME, 'idle');
    await expect(canvas.getByLabelText(m.labels.username)).toBeInTheDocument();
    await expect(canvas.getByLabelText(m.labels.registrationCode)).toBeInTheDocument();
  },
};

/** Dfns is slow to answer the registration init. */
export const FetchingChallenge: Story = {
  parameters: dfns({ invite: true, authenticator: { create: 'succeed' }, faults: [{ method: 'POST', path: '/auth/registration/init', ...STUCK }] }),
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectStatus(canvasElement, NAME, 'fetching-challenge');
  },
};

/** The browser's passkey prompt is open. */
export const AwaitingAuthenticator: Story = {
  parameters: dfns({ invite: true, authenticator: { create: 'hang' } }),
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectStatus(canvasElement, NAME, 'awaiting-authenticator');
  },
};

/** The passkey is made; Dfns is registering it. */
export const Submitting: Story = {
  parameters: dfns({ invite: true, authenticator: { create: 'succeed' }, faults: [{ method: 'POST', path: '/auth/registration', ...STUCK }] }),
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectStatus(canvasElement, NAME, 'submitting');
  },
};

/** Registered: the recovery kit is shown once, to be saved before going on. */
export const ShowingRecoveryKit: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectStatus(canvasElement, NAME, 'showing-recovery-kit');
    await expect(within(canvasElement).getByRole('button', { name: m.buttons.continue })).toBeDisabled();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

/** Kit saved: the user is registered, `onSuccess` has the user. */
export const Success: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    await fillAndSubmit(canvasElement, loaded);
    await saveKit(canvasElement);
    await expectStatus(canvasElement, NAME, 'success');
    const invitation = (loaded['dfns'] as LoadedDfns).invitation;
    await expect(args.onSuccess).toHaveBeenCalledWith(
      expect.objectContaining({ user: expect.objectContaining({ username: invitation?.username }) }),
    );
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The user closed the passkey prompt. */
export const Cancelled: Story = {
  parameters: dfns({ invite: true, authenticator: { create: 'cancel' } }),
  play: async ({ canvasElement, loaded, args }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));
  },
};

/** This authenticator already holds a passkey for the user. */
export const AlreadyRegistered: Story = {
  parameters: dfns({ invite: true, authenticator: { create: 'already-registered' } }),
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectErrorCode(canvasElement, NAME, 'passkey_already_registered');
    // No Try again (it would fail the same way) and no Sign in instead (the app passed no onSignInInstead).
    await expect(within(canvasElement).queryByRole('button', { name: m.buttons.retry })).toBeNull();
  },
};

/** The passkey exists already and the app passes `onSignInInstead`: the alert offers to sign in instead. */
export const AlreadyRegisteredSignInInstead: Story = {
  args: { onSignInInstead: fn() },
  parameters: dfns({ invite: true, authenticator: { create: 'already-registered' } }),
  play: async ({ canvasElement, loaded, args }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectErrorCode(canvasElement, NAME, 'passkey_already_registered');
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.signInInstead }));
    await expect(args.onSignInInstead).toHaveBeenCalledTimes(1);
  },
};

/** The app passes `onCancel`: a Cancel button under the step stops the flow and calls it. */
export const WithCancel: Story = {
  args: { onCancel: fn() },
  parameters: dfns({ invite: true, authenticator: { create: 'hang' } }),
  play: async ({ canvasElement, loaded, args }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectStatus(canvasElement, NAME, 'awaiting-authenticator');
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.cancel }));
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await expectStatus(canvasElement, NAME, 'idle');
  },
};

/**
 * The organisation asks for a passkey built into the device (Dfns Passkey Settings,
 * authenticatorAttachment "platform") and this device has none: no prompt opens.
 */
export const NoPlatformAuthenticator: Story = {
  parameters: dfns({
    invite: true,
    passkeySettings: { authenticatorAttachment: 'platform' },
    authenticator: { create: 'succeed', platformAuthenticator: false },
  }),
  play: async ({ canvasElement, loaded, args }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectErrorCode(canvasElement, NAME, 'passkey_platform_unavailable');
    await expect(canvasElement.textContent).not.toContain(m.errorTitles.passkey_cancelled);
    await expect(within(canvasElement).queryByRole('button', { name: m.buttons.retry })).toBeNull();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_platform_unavailable' }));
  },
};

/** The rp id does not match the page's domain. */
export const InvalidDomain: Story = {
  parameters: dfns({ invite: true, authenticator: { create: 'invalid-domain' } }),
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectErrorCode(canvasElement, NAME, 'passkey_invalid_domain');
  },
};

/** No passkey support in this browser. */
export const Unsupported: Story = {
  parameters: dfns({ invite: true, authenticator: { create: 'unsupported' } }),
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectErrorCode(canvasElement, NAME, 'webauthn_unsupported');
  },
};

/** The network is down. */
export const NetworkDown: Story = {
  parameters: dfns({ invite: true, authenticator: { create: 'succeed' }, faults: [{ method: 'POST', path: '/auth/registration/init', drop: true }] }),
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectErrorCode(canvasElement, NAME, 'network_error');
  },
};

/** Dfns answers 500. */
export const ServerError: Story = {
  parameters: dfns({ invite: true, authenticator: { create: 'succeed' }, faults: [{ method: 'POST', path: '/auth/registration/init', status: 500 }] }),
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectErrorCode(canvasElement, NAME, 'server_error');
  },
};

/** Dfns answers 429. */
export const RateLimited: Story = {
  parameters: dfns({ invite: true, authenticator: { create: 'succeed' }, faults: [{ method: 'POST', path: '/auth/registration/init', status: 429 }] }),
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectErrorCode(canvasElement, NAME, 'rate_limited');
  },
};

/** Something between the app and Dfns answers HTML. */
export const MalformedResponse: Story = {
  parameters: dfns({
    invite: true,
    authenticator: { create: 'succeed' },
    faults: [{ method: 'POST', path: '/auth/registration/init', status: 200, body: '<html>Bad gateway</html>' }],
  }),
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, loaded);
    await expectErrorCode(canvasElement, NAME, 'invalid_response');
  },
};

/**
 * Step 1 of the live tour, with your browser’s own passkey: copy the registration code for
 * `demo@example.com` from the emulator panel (right), paste it, press “Create passkey” and follow
 * your browser’s prompt. Save the recovery kit it then shows: RecoverAccount › Live needs it.
 */
export const Live: Story = {
  args: { username: DEMO_USERNAME },
  parameters: dfns({ live: true, authenticator: 'browser' }),
  render: (args) => (
    <RegisterPasskey
      {...args}
      onSuccess={(result) => {
        args.onSuccess?.(result);
        if (result.token) setLiveSession({ username: result.user.username, token: result.token });
      }}
    />
  ),
  play: async ({ canvasElement, args }) => {
    if (!isStoryTest()) return;
    const canvas = within(canvasElement);
    const code = emulator.lastCode(DEMO_USERNAME, 'registration') ?? '';
    await userEvent.type(canvas.getByLabelText(m.labels.registrationCode), code);
    await userEvent.click(canvas.getByRole('button', { name: m.buttons.register }));
    await expectStatus(canvasElement, NAME, 'showing-recovery-kit', 15_000);
    await saveKit(canvasElement);
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ user: expect.objectContaining({ username: DEMO_USERNAME }) }));
    await expect(emulator.users().find((user) => user.username === DEMO_USERNAME)?.isRegistered).toBe(true);
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
        'FetchingChallenge',
        'AwaitingAuthenticator',
        'Submitting',
        'ShowingRecoveryKit',
        'Success',
        'Cancelled',
        'AlreadyRegistered',
        'AlreadyRegisteredSignInInstead',
        'WithCancel',
        'NoPlatformAuthenticator',
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
