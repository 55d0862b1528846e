import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CredentialList } from '../src/components/CredentialList';
import { englishMessages } from '../src/messages';
import { booleanArg, kitArgTypes, eventArg } from './support/argTypes';
import type { DfnsGlobals, DfnsStoryParameters } from './support/dfnsParameters';
import { networkDown, serverError, stuck } from './support/faults';
import { ensureLiveSession, isStoryTest } from './support/live';
import { expectStatus } from './support/play';
import { StateGallery } from './support/StateGallery';
import { usage } from './support/usage';

const NAME = 'CredentialList';
const m = englishMessages;
const c = m.credentialList;
/** The story's own user (so deactivations do not touch other stories), signing with the fixture device. */
const OWN_USER: DfnsStoryParameters = { session: 'fresh', userPrefix: 'list', authenticator: { get: 'succeed' } };
const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });

/** The row of the credential named `name`. */
async function row(canvasElement: HTMLElement, name: string): Promise<HTMLElement> {
  return within(canvasElement).findByRole('listitem', { name });
}

/** Asks to deactivate the recovery key, then confirms. */
async function deactivateRecoveryKey(canvasElement: HTMLElement): Promise<HTMLElement> {
  const item = await row(canvasElement, 'Recovery kit');
  await userEvent.click(within(item).getByRole('button', { name: m.buttons.deactivate }));
  await userEvent.click(within(item).getByRole('button', { name: c.confirmDeactivate }));
  return item;
}

const meta = {
  title: 'Components/CredentialList',
  component: CredentialList,
  tags: ['autodocs'],
  args: { onChange: fn(), onError: fn() },
  argTypes: {
    ...kitArgTypes,
    onChange: eventArg('Called when a credential was activated or deactivated (the list is refreshed already)'),
    onError: eventArg('Called once per failed activate or deactivate'),
    signalPasskeys: booleanArg(
      'Tell the browser which passkeys still work each time the list changes (WebAuthn Signal API), so a deactivated one is no longer offered at sign-in (default false)',
    ),
  },
  parameters: {
    ...dfns(OWN_USER),
    ...usage(
      'Lists the logged-in user’s credentials (passkeys, keys, recovery keys) and activates or deactivates them; each change is a user action the user confirms with a passkey.',
      `import { CredentialList, DfnsAuthProvider } from 'dfns-react-kit';

<DfnsAuthProvider orgId="or-…" rp={{ id: 'app.example.com', name: 'Example' }} authToken={() => session.token}>
  <CredentialList onChange={({ credential, isActive }) => audit(credential.name, isActive)} />
</DfnsAuthProvider>`,
      '`const { data, status } = useCredentials()` and `useUserActionSigner()` for the toggles.',
    ),
  },
} satisfies Meta<typeof CredentialList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The list: a passkey and a recovery key, both active. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'ready');
    await expect(await row(canvasElement, 'Laptop passkey')).toHaveAttribute('data-active', 'true');
    await expect(await row(canvasElement, 'Recovery kit')).toHaveAttribute('data-active', 'true');
  },
};

/** Dfns is slow to list the credentials. */
export const Loading: Story = {
  parameters: dfns({ ...OWN_USER, faults: [stuck('GET', '/auth/credentials')] }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'loading');
  },
};

/** Listing failed: Dfns answered 500. */
export const ListServerError: Story = {
  parameters: dfns({ ...OWN_USER, faults: [serverError('GET', '/auth/credentials')] }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'error');
  },
};

/** Listing failed: the network is down. */
export const ListNetworkDown: Story = {
  parameters: dfns({ ...OWN_USER, faults: [networkDown('GET', '/auth/credentials')] }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'error');
  },
};

/** "Deactivate" asks first, naming the credential (a recovery key's question says its kit stops working). */
export const ConfirmingDeactivation: Story = {
  play: async ({ canvasElement }) => {
    const item = await row(canvasElement, 'Recovery kit');
    await userEvent.click(within(item).getByRole('button', { name: m.buttons.deactivate }));
    await expect(within(item).getByText(c.deactivateRecoveryKeyConfirm({ name: 'Recovery kit' }))).toBeInTheDocument();
    await expect(within(item).getByRole('button', { name: c.confirmDeactivate })).toBeInTheDocument();
  },
};

/** Confirmed and signed: the recovery key is deactivated and the list refreshed. */
export const Deactivated: Story = {
  play: async ({ canvasElement, args }) => {
    const item = await deactivateRecoveryKey(canvasElement);
    await waitFor(() => expect(item).toHaveAttribute('data-active', 'false'));
    await expect(args.onChange).toHaveBeenCalledWith(expect.objectContaining({ isActive: false }));
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The passkey prompt that signs the change is open. */
export const AwaitingAuthenticator: Story = {
  parameters: dfns({ ...OWN_USER, authenticator: { get: 'hang' } }),
  play: async ({ canvasElement }) => {
    const item = await deactivateRecoveryKey(canvasElement);
    await expect(await within(item).findByText(c.pending)).toBeInTheDocument();
  },
};

/** The user closed the passkey prompt: the row shows the error, with retry. */
export const Cancelled: Story = {
  parameters: dfns({ ...OWN_USER, authenticator: { get: 'cancel' } }),
  play: async ({ canvasElement, args }) => {
    const item = await deactivateRecoveryKey(canvasElement);
    await expect(await within(item).findByRole('alert')).toHaveAttribute('data-code', 'passkey_cancelled');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'passkey_cancelled' }));
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

/** A policy holds the deactivation until an approver agrees (HTTP 202). */
export const AwaitingApproval: Story = {
  parameters: dfns({ ...OWN_USER, requireApproval: [{ method: 'PUT', path: '/auth/credentials/deactivate' }] }),
  play: async ({ canvasElement }) => {
    const item = await deactivateRecoveryKey(canvasElement);
    await expect(await within(item).findByText(m.userAction.pendingApproval)).toBeInTheDocument();
    await expect(item).toHaveAttribute('data-active', 'true');
  },
};

/** Dfns answers 500 to the deactivation. */
export const DeactivationServerError: Story = {
  parameters: dfns({ ...OWN_USER, faults: [serverError('PUT', '/auth/credentials/deactivate')] }),
  play: async ({ canvasElement }) => {
    const item = await deactivateRecoveryKey(canvasElement);
    await expect(await within(item).findByRole('alert')).toHaveAttribute('data-code', 'server_error');
  },
};

/**
 * After logging in (LoginWithPasskey › Live): the passkeys and recovery keys of `demo@example.com`.
 * Deactivate one and confirm with your passkey; the emulator panel's credential count follows.
 */
export const Live: Story = {
  // The list loads on mount: without a session it could only say the page is misconfigured, so
  // the shell shows where to sign in instead and renders the list once the live session exists.
  parameters: dfns({ live: true, session: 'live', authenticator: 'browser', hideUntilLoggedIn: true }),
  play: async ({ canvasElement, args }) => {
    if (!isStoryTest()) return;
    await ensureLiveSession();
    const item = await deactivateRecoveryKey(canvasElement);
    await waitFor(() => expect(item).toHaveAttribute('data-active', 'false'), { timeout: 10_000 });
    await expect(args.onChange).toHaveBeenCalledWith(expect.objectContaining({ isActive: false }));
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
      stories={['Ready', 'Loading', 'ListServerError', 'ListNetworkDown', 'ConfirmingDeactivation', 'Deactivated', 'AwaitingAuthenticator', 'Cancelled', 'AwaitingApproval', 'DeactivationServerError']}
    />
  ),
};
