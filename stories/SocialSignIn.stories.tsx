import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { SocialSignIn } from '../src/components/SocialSignIn';
import { createOidcIssuer } from '../src/emulator';
import { englishMessages } from '../src/messages';
import { kitArgTypes, eventArg, textArg } from './support/argTypes';
import type { DfnsStoryParameters } from './support/dfnsParameters';
import { emulator } from './support/emulator';
import { FIXTURE_USERNAME } from './support/fixtures';
import { isStoryTest } from './support/live';
import { setLiveSession } from './support/liveSession';
import { networkDown, stuck } from './support/faults';
import { expectErrorCode, expectStatus } from './support/play';
import { usage } from './support/usage';

const NAME = 'SocialSignIn';
const m = englishMessages;
const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });

let people = 0;
/** "Google" for a person the emulator has never seen: an id token from the emulator's own issuer. */
const newPerson = (): Promise<string> => {
  people += 1;
  return emulator.oidc.idTokenFor(`social-${Date.now().toString(36)}-${people}@example.com`);
};

/** Clicks "Continue with Google". */
async function continueWithGoogle(canvasElement: HTMLElement): Promise<void> {
  await userEvent.click(within(canvasElement).getByRole('button', { name: m.socialSignIn.continueWith({ provider: 'Google' }) }));
}

const meta = {
  title: 'Components/SocialSignIn',
  component: SocialSignIn,
  tags: ['autodocs'],
  args: { provider: 'Google', getIdToken: newPerson, onSuccess: fn(), onError: fn() },
  argTypes: {
    ...kitArgTypes,
    provider: textArg('The identity provider’s name on the button (default Google)'),
    getIdToken: { control: false, description: 'Your identity provider’s sign-in, answering its OIDC id token (here: the emulator’s test issuer)' },
    onSuccess: eventArg('Called once with `{ token, outcome, user?, wallets? }`: outcome `signed-in` or `registered`'),
    onError: eventArg('Called once per failure, with a `DfnsAuthError` (`error.code` says which)'),
  },
  parameters: {
    // A new person's sign-in starts with Dfns's 401 (unknown person): a failed request by design.
    ...dfns({ authenticator: { create: 'succeed' }, expectFailedRequests: true }),
    ...usage(
      'Continue with Google (or any OIDC provider) with a passkey behind the account: your `getIdToken()` brings the id token; a known person is signed in with one request, a new one gets an account, a passkey, a recovery kit and a wallet in the same click.',
      `import { DfnsAuthProvider, SocialSignIn } from 'dfns-react-kit';

<DfnsAuthProvider orgId="or-…" rp={{ id: 'app.example.com', name: 'Example' }}>
  <SocialSignIn provider="Google" getIdToken={signInWithGoogle} onSuccess={({ token }) => session.set(token)} />
</DfnsAuthProvider>`,
      '`const { state, start, retry, confirmKitSaved } = useSocialSignIn({ getIdToken, onSuccess })`.',
    ),
  },
} satisfies Meta<typeof SocialSignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ready: one button. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'idle');
  },
};

/** The provider's sign-in is open (your `getIdToken` has not answered). */
export const AwaitingIdToken: Story = {
  args: { getIdToken: () => new Promise<string>(() => undefined) },
  play: async ({ canvasElement }) => {
    await continueWithGoogle(canvasElement);
    await expectStatus(canvasElement, NAME, 'awaiting-id-token');
  },
};

/** Dfns is slow to answer the social login. */
export const SigningIn: Story = {
  parameters: dfns({ authenticator: { create: 'succeed' }, faults: [stuck('POST', '/auth/login/social')] }),
  play: async ({ canvasElement }) => {
    await continueWithGoogle(canvasElement);
    await expectStatus(canvasElement, NAME, 'signing-in');
  },
};

/** A new person (the login answered 401): Dfns is slow to answer the social registration. */
export const FetchingChallenge: Story = {
  parameters: dfns({ authenticator: { create: 'succeed' }, faults: [stuck('POST', '/auth/registration/social')] }),
  play: async ({ canvasElement }) => {
    await continueWithGoogle(canvasElement);
    await expectStatus(canvasElement, NAME, 'fetching-challenge');
  },
};

/** A new person: the passkey prompt is open. */
export const AwaitingAuthenticator: Story = {
  parameters: dfns({ authenticator: { create: 'hang' } }),
  play: async ({ canvasElement }) => {
    await continueWithGoogle(canvasElement);
    await expectStatus(canvasElement, NAME, 'awaiting-authenticator');
  },
};

/** The passkey exists; Dfns is creating the account and its wallet. */
export const Submitting: Story = {
  parameters: dfns({ authenticator: { create: 'succeed' }, faults: [stuck('POST', '/auth/registration/enduser')] }),
  play: async ({ canvasElement }) => {
    await continueWithGoogle(canvasElement);
    await expectStatus(canvasElement, NAME, 'submitting');
  },
};

/** The new account is signed in; its recovery kit is shown once. */
export const ShowingRecoveryKit: Story = {
  play: async ({ canvasElement, args }) => {
    await continueWithGoogle(canvasElement);
    await expectStatus(canvasElement, NAME, 'showing-recovery-kit');
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

/** A new person signed up: account, passkey, recovery key and wallet in one click. */
export const SignedUp: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await continueWithGoogle(canvasElement);
    await expectStatus(canvasElement, NAME, 'showing-recovery-kit');
    await userEvent.click(canvas.getByLabelText(m.buttons.savedKit));
    await userEvent.click(canvas.getByRole('button', { name: m.buttons.continue }));
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'registered' }));
    await expect(typeof (args.onSuccess as ReturnType<typeof fn>).mock.calls[0]?.[0]?.token).toBe('string');
  },
};

/** A person Dfns knows: signed in with one request, no passkey prompt. */
export const SignedIn: Story = {
  args: { getIdToken: () => emulator.oidc.idTokenFor(FIXTURE_USERNAME) },
  parameters: dfns({ authenticator: { create: 'cancel' } }),
  play: async ({ canvasElement, args }) => {
    await continueWithGoogle(canvasElement);
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledWith({ token: expect.any(String), outcome: 'signed-in' });
  },
};

/** An expired id token: Dfns refuses it; Try again asks the provider for a new one. */
export const ExpiredIdToken: Story = {
  args: { getIdToken: () => emulator.oidc.idTokenFor(FIXTURE_USERNAME, { expiresInSeconds: -600 }) },
  play: async ({ canvasElement }) => {
    await continueWithGoogle(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'id_token_refused');
  },
};

/** An id token from an issuer the organisation does not allow. */
export const ForeignIssuer: Story = {
  args: { getIdToken: () => createOidcIssuer({ issuer: 'https://accounts.other.example', clientId: emulator.oidc.clientId }).idTokenFor(FIXTURE_USERNAME) },
  play: async ({ canvasElement }) => {
    await continueWithGoogle(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'id_token_refused');
  },
};

/** The person closed the provider's sign-in: no id token. */
export const ProviderClosed: Story = {
  args: { getIdToken: () => Promise.reject(new Error('popup_closed_by_user')) },
  play: async ({ canvasElement }) => {
    await continueWithGoogle(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'id_token_unavailable');
  },
};

/** A new person closed the passkey prompt; Try again starts the registration again (no new id token). */
export const PasskeyCancelled: Story = {
  parameters: dfns({ authenticator: { create: 'cancel' } }),
  play: async ({ canvasElement }) => {
    await continueWithGoogle(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'passkey_cancelled');
  },
};

/** The network is down. */
export const NetworkDown: Story = {
  parameters: dfns({ authenticator: { create: 'succeed' }, faults: [networkDown('POST', '/auth/login/social')] }),
  play: async ({ canvasElement }) => {
    await continueWithGoogle(canvasElement);
    await expectErrorCode(canvasElement, NAME, 'network_error');
  },
};

/**
 * Live: your browser's own passkey prompt. Type the account "Google" should answer with (the
 * emulator's issuer signs its id token), then Continue with Google: a new account is created with
 * a passkey, a recovery kit and a wallet; open the story again and the same account signs in with
 * one click and no prompt. Signed in, the other live stories use the session.
 */
export const Live: Story = {
  parameters: dfns({ live: true, authenticator: 'browser' }),
  render: function LiveSocialSignIn(args) {
    const [account, setAccount] = useState('');
    return (
      <div style={{ display: 'grid', gap: 16 }}>
        <label style={{ display: 'grid', gap: 4, font: '14px system-ui' }}>
          Account at the identity provider (the emulator plays Google)
          <input type="email" value={account} onChange={(event) => setAccount(event.target.value)} placeholder="you@example.com" />
        </label>
        <SocialSignIn
          {...args}
          getIdToken={() => emulator.oidc.idTokenFor(account.trim() || 'you@example.com')}
          onSuccess={(result) => {
            args.onSuccess?.(result);
            setLiveSession({ username: result.user?.username ?? (account.trim() || 'you@example.com'), token: result.token });
          }}
        />
      </div>
    );
  },
  play: async ({ canvasElement, args }) => {
    if (!isStoryTest()) return;
    const canvas = within(canvasElement);
    const email = `live-${Date.now().toString(36)}@example.com`;
    await userEvent.type(canvas.getByLabelText(/Account at the identity provider/), email);
    await continueWithGoogle(canvasElement);
    await expectStatus(canvasElement, NAME, 'showing-recovery-kit', 15_000);
    await userEvent.click(canvas.getByLabelText(m.buttons.savedKit));
    await userEvent.click(canvas.getByRole('button', { name: m.buttons.continue }));
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'registered' }));
  },
};
