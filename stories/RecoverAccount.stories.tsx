import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { RecoverAccount } from '../src/components/RecoverAccount';
import { generateRecoveryCode } from '../src/core';
import { englishMessages } from '../src/messages';
import { kitArgTypes, booleanArg, codeArg, eventArg, textArg } from './support/argTypes';
import type { DfnsGlobals, DfnsStoryParameters } from './support/dfnsParameters';
import { DEMO_USERNAME, emulator } from './support/emulator';
import { networkDown, serverError, stuck } from './support/faults';
import type { FixtureUser } from './support/fixtures';
import { ensureDemoRegistered, isStoryTest, loseDevice } from './support/live';
import { componentRoot, expectErrorCode, expectStatus } from './support/play';
import { StateGallery } from './support/StateGallery';
import type { LoadedDfns } from './support/storyLoader';
import { usage } from './support/usage';

const NAME = 'RecoverAccount';
const m = englishMessages;
/** A user registered for this story alone (recovery replaces their credentials), recovering on a new device. */
const OWN_USER: DfnsStoryParameters = { user: 'fresh', userPrefix: 'recover', newDevice: true, authenticator: { create: 'succeed' } };
const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });

/** The story's registered user, with their recovery kit. */
function ownUser(loaded: Record<string, unknown>): FixtureUser {
  const user = (loaded['dfns'] as LoadedDfns).user;
  if (!user) throw new Error("this story needs `user: 'fresh'`");
  return user;
}

/** Types the username and asks for the emailed verification code. */
async function sendCode(canvasElement: HTMLElement, username: string): Promise<void> {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText(m.labels.username), username);
  await userEvent.click(canvas.getByRole('button', { name: m.buttons.sendCode }));
}

/** Sends the code, fills the emailed code and the kit, and submits ("Recover account"). */
async function enterCodes(canvasElement: HTMLElement, user: FixtureUser, recoveryCode = user.recoveryCode): Promise<void> {
  await sendCode(canvasElement, user.username);
  await expectStatus(canvasElement, NAME, 'code-sent');
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText(m.labels.verificationCode), emulator.lastCode(user.username, 'recovery') ?? '');
  await userEvent.type(canvas.getByLabelText(m.labels.recoveryCode), recoveryCode);
  await userEvent.type(canvas.getByLabelText(m.labels.recoveryKeyId), user.recoveryKeyId);
  await userEvent.click(canvas.getByRole('button', { name: m.buttons.recover }));
}

/** Clicks "Create new passkey" when the flow waits for a click to open the prompt. */
async function openPromptIfAsked(canvasElement: HTMLElement): Promise<void> {
  await waitFor(() => expect(componentRoot(canvasElement, NAME).getAttribute('data-status')).not.toMatch(/^(code-sent|fetching-challenge|unlocking-recovery-key)$/));
  const button = within(canvasElement).queryByRole('button', { name: m.buttons.createNewPasskey });
  if (button && button.getAttribute('aria-busy') !== 'true') await userEvent.click(button);
}

/** Saves the new recovery kit (tick, continue). */
async function saveKit(canvasElement: HTMLElement, timeout?: number): Promise<void> {
  const canvas = within(canvasElement);
  await expectStatus(canvasElement, NAME, 'showing-recovery-kit', timeout);
  await userEvent.click(canvas.getByLabelText(m.buttons.savedKit));
  await userEvent.click(canvas.getByRole('button', { name: m.buttons.continue }));
}

const meta = {
  title: 'Components/RecoverAccount',
  component: RecoverAccount,
  tags: ['autodocs'],
  args: { onSuccess: fn(), onError: fn() },
  argTypes: {
    ...kitArgTypes,
    username: textArg('The Dfns username, when your app knows it; otherwise a field is shown'),
    autoLogin: booleanArg('Log in with the new passkey after the kit is saved (one more prompt)'),
    getChallenge: codeArg('Delegated mode: fetches the recovery challenge through your backend instead of the Dfns email'),
    onSuccess: eventArg('Called with the recovered user once the new kit is saved'),
    onError: eventArg('Called once per failure, with a `DfnsAuthError` (`error.code` says which)'),
  },
  parameters: {
    ...dfns(OWN_USER),
    ...usage(
      'Recovers an account whose passkeys are lost: the emailed verification code plus the recovery kit (code and key id, typed or read from the kit file) unlock the recovery key, which signs a new passkey and a new recovery key in. The old credentials are replaced.',
      `import { DfnsAuthProvider, RecoverAccount } from 'dfns-react-kit';

<DfnsAuthProvider orgId="or-…" rp={{ id: 'app.example.com', name: 'Example' }}>
  <RecoverAccount onSuccess={({ user }) => navigate(\`/login?username=\${user.username}\`)} />
</DfnsAuthProvider>`,
      '`const { state, sendCode, submitCodes, createNewPasskey } = useRecoverAccount({ onSuccess })`.',
    ),
  },
} satisfies Meta<typeof RecoverAccount>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Start: the username, then "Send verification code" (or "I already have a code"). */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'idle');
    await expect(within(canvasElement).getByRole('button', { name: m.buttons.haveCode })).toBeInTheDocument();
  },
};

/** Dfns is slow to send the verification code. */
export const SendingCode: Story = {
  parameters: dfns({ ...OWN_USER, faults: [stuck('POST', '/auth/recover/user/code')] }),
  play: async ({ canvasElement, loaded }) => {
    await sendCode(canvasElement, ownUser(loaded).username);
    await expectStatus(canvasElement, NAME, 'sending-code');
    // The busy button keeps the name of the action under way.
    await expect(within(canvasElement).getByRole('button', { name: m.buttons.sendCode })).toHaveAttribute('aria-busy', 'true');
  },
};

/** The code is in the outbox: the form for it and the recovery kit. */
export const CodeSent: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sendCode(canvasElement, ownUser(loaded).username);
    await expectStatus(canvasElement, NAME, 'code-sent');
    await expect(within(canvasElement).getByLabelText(m.labels.recoveryCode)).toBeInTheDocument();
  },
};

/** Dfns is slow to answer the recovery init. */
export const FetchingChallenge: Story = {
  parameters: dfns({ ...OWN_USER, faults: [stuck('POST', '/auth/recover/user/init')] }),
  play: async ({ canvasElement, loaded }) => {
    await enterCodes(canvasElement, ownUser(loaded));
    await expectStatus(canvasElement, NAME, 'fetching-challenge');
  },
};

/** The recovery key is unlocked; the new passkey's prompt is open. */
export const AwaitingAuthenticator: Story = {
  parameters: dfns({ ...OWN_USER, authenticator: { create: 'hang' } }),
  play: async ({ canvasElement, loaded }) => {
    await enterCodes(canvasElement, ownUser(loaded));
    await openPromptIfAsked(canvasElement);
    await expectStatus(canvasElement, NAME, 'awaiting-authenticator');
  },
};

/** Signed with the recovery key; Dfns is replacing the credentials. */
export const Submitting: Story = {
  parameters: dfns({ ...OWN_USER, faults: [stuck('POST', '/auth/recover/user')] }),
  play: async ({ canvasElement, loaded }) => {
    await enterCodes(canvasElement, ownUser(loaded));
    await openPromptIfAsked(canvasElement);
    await expectStatus(canvasElement, NAME, 'submitting');
  },
};

/** Recovered: the NEW recovery kit is shown once. */
export const ShowingRecoveryKit: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    await enterCodes(canvasElement, ownUser(loaded));
    await openPromptIfAsked(canvasElement);
    await expectStatus(canvasElement, NAME, 'showing-recovery-kit');
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

/** Kit saved: the account is recovered and `onSuccess` has the user. */
export const Success: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const user = ownUser(loaded);
    await enterCodes(canvasElement, user);
    await openPromptIfAsked(canvasElement);
    await saveKit(canvasElement);
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ user: expect.objectContaining({ username: user.username }) }));
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** A well-formed recovery code that is not this kit's: the key does not unlock, nothing is sent. */
export const WrongRecoveryCode: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    await enterCodes(canvasElement, ownUser(loaded), generateRecoveryCode());
    await expectErrorCode(canvasElement, NAME, 'recovery_code_invalid');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'recovery_code_invalid' }));
  },
};

/** A mistyped recovery code: caught before any request, shown at the field. */
export const MalformedRecoveryCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    await enterCodes(canvasElement, ownUser(loaded), 'D1-NOT-A-CODE');
    await expectErrorCode(canvasElement, NAME, 'recovery_code_malformed');
  },
};

/** The user closed the new passkey's prompt. */
export const Cancelled: Story = {
  parameters: dfns({ ...OWN_USER, authenticator: { create: 'cancel' } }),
  play: async ({ canvasElement, loaded }) => {
    await enterCodes(canvasElement, ownUser(loaded));
    await openPromptIfAsked(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
  },
};

/** The network is down when the codes are checked. */
export const NetworkDown: Story = {
  parameters: dfns({ ...OWN_USER, faults: [networkDown('POST', '/auth/recover/user/init')] }),
  play: async ({ canvasElement, loaded }) => {
    await enterCodes(canvasElement, ownUser(loaded));
    await expectErrorCode(canvasElement, NAME, 'network_error');
  },
};

/** Dfns answers 500 to "send the code". */
export const ServerError: Story = {
  parameters: dfns({ ...OWN_USER, faults: [serverError('POST', '/auth/recover/user/code')] }),
  play: async ({ canvasElement, loaded }) => {
    await sendCode(canvasElement, ownUser(loaded).username);
    await expectErrorCode(canvasElement, NAME, 'server_error');
  },
};

/**
 * Needs the recovery kit you saved in RegisterPasskey › Live. Press “Send verification code”, copy
 * the code from the emulator panel’s outbox, type the recovery code and key id from your kit, and
 * create a new passkey when asked. Your old passkeys for `demo@example.com` stop working.
 */
export const Live: Story = {
  args: { username: DEMO_USERNAME },
  parameters: dfns({ live: true, user: undefined, newDevice: false, authenticator: 'browser' }),
  play: async ({ canvasElement, args }) => {
    if (!isStoryTest()) return;
    const kit = await ensureDemoRegistered();
    await loseDevice();
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: m.buttons.sendCode }));
    await expectStatus(canvasElement, NAME, 'code-sent');
    await userEvent.type(canvas.getByLabelText(m.labels.verificationCode), emulator.lastCode(DEMO_USERNAME, 'recovery') ?? '');
    await userEvent.type(canvas.getByLabelText(m.labels.recoveryCode), kit.recoveryCode);
    await userEvent.type(canvas.getByLabelText(m.labels.recoveryKeyId), kit.recoveryKeyId);
    await userEvent.click(canvas.getByRole('button', { name: m.buttons.recover }));
    await openPromptIfAsked(canvasElement);
    await saveKit(canvasElement, 10_000);
    await expectStatus(canvasElement, NAME, 'success');
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
      stories={['Idle', 'SendingCode', 'CodeSent', 'FetchingChallenge', 'AwaitingAuthenticator', 'Submitting', 'ShowingRecoveryKit', 'Success', 'WrongRecoveryCode', 'MalformedRecoveryCode', 'Cancelled', 'NetworkDown', 'ServerError']}
    />
  ),
};
