import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LoginWithPasskey } from '../src/components/LoginWithPasskey';
import { SsoCallback } from '../src/components/SsoCallback';
import { createDfnsClient, initSsoLogin, savePendingSsoLogin, stateOfSsoRedirectUrl } from '../src/core';
import { englishMessages } from '../src/messages';
import { kitArgTypes, eventArg } from './support/argTypes';
import type { DfnsStoryParameters } from './support/dfnsParameters';
import { EMULATOR_BASE_URL, emulator } from './support/emulator';
import { registerFreshUser } from './support/fixtures';
import { stuck } from './support/faults';
import { expectErrorCode, expectStatus } from './support/play';
import { usage } from './support/usage';

const NAME = 'SsoCallback';
const m = englishMessages;
const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });
const REDIRECT_URI = () => `${location.origin}/sso`;

/**
 * The page as the emulator's identity provider leaves it: an SSO login started in this tab (its
 * state saved), a member signed in at the provider's page (or cancelled), and `code` and `state`
 * added to this page's URL. `tab` `other` forgets the saved state (a link opened elsewhere);
 * `forged` saves another one.
 */
async function backFromIdentityProvider(options: { action?: 'approve' | 'deny'; tab?: 'same' | 'other' | 'forged' } = {}): Promise<void> {
  const user = await registerFreshUser('sso');
  const client = createDfnsClient({ baseUrl: EMULATOR_BASE_URL, orgId: emulator.orgId, fetch: (input, init) => emulator.handle(new Request(input, init)) });
  const { ssoRedirectUrl } = await initSsoLogin(client, { clientId: emulator.sso.clientId, redirectUri: REDIRECT_URI() });
  const state = stateOfSsoRedirectUrl(ssoRedirectUrl);
  if (options.tab !== 'other') {
    const saved = options.tab === 'forged' ? 'a-state-this-tab-never-issued' : state;
    savePendingSsoLogin({ state: saved, clientId: emulator.sso.clientId, redirectUri: REDIRECT_URI(), createdAt: Date.now() });
  }
  const answer = await emulator.handle(
    new Request(new URL('/emulator/idp/authorize', ssoRedirectUrl), {
      method: 'POST',
      body: new URLSearchParams({ state, email: user.username, action: options.action ?? 'approve' }),
    }),
  );
  const back = new URL(answer.headers.get('location') ?? '');
  const here = new URL(location.href);
  for (const [name, value] of back.searchParams) here.searchParams.set(name, value);
  history.replaceState(history.state, '', here.href);
}

const meta = {
  title: 'Components/SsoCallback',
  component: SsoCallback,
  tags: ['autodocs'],
  args: { onSuccess: fn(), onError: fn(), onBack: fn(), navigate: fn() },
  argTypes: {
    ...kitArgTypes,
    onSuccess: eventArg('Called once with `{ token }`'),
    onError: eventArg('Called once per failure, with a `DfnsAuthError` (`error.code` says which)'),
    onBack: eventArg('Back to your sign-in page, offered beside an error'),
  },
  parameters: {
    ...dfns({ expectFailedRequests: true }),
    ...usage(
      'The page at your SSO `redirectUri`: finishes the login the organisation’s identity provider sent the user back from, refuses a `state` this tab did not issue, and leaves no `code` or `state` in the URL or history.',
      `import { DfnsAuthProvider, SsoCallback } from 'dfns-react-kit';

// at /sso; the sign-in page has <LoginWithPasskey sso={{ redirectUri: \`\${location.origin}/sso\` }} />
<DfnsAuthProvider orgId="or-…" rp={{ id: 'app.example.com', name: 'Example' }}>
  <SsoCallback onSuccess={({ token }) => { session.set(token); navigate('/'); }} onBack={() => navigate('/login')} />
</DfnsAuthProvider>`,
      '`const { state, retry } = useSsoCallback({ onSuccess })`; `useSsoRedirect({ redirectUri }).start(ssoClientId)` for the first half.',
    ),
  },
} satisfies Meta<typeof SsoCallback>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Back from the identity provider; Dfns is slow to trade the code. */
export const Completing: Story = {
  // Reads and cleans the page URL on mount: shown alone, not beside its siblings on the docs page.
  tags: ['!autodocs'],
  parameters: dfns({ faults: [stuck('POST', '/auth/login/sso')] }),
  loaders: [() => backFromIdentityProvider()],
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, NAME, 'completing');
    await expect(location.search).not.toContain('code=');
  },
};

/** Signed in: `onSuccess` has the token, and the URL no longer carries the code or state. */
export const Success: Story = {
  loaders: [() => backFromIdentityProvider()],
  play: async ({ canvasElement, args }) => {
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(location.search).not.toMatch(/[?&](code|state)=/);
  },
};

/** A state this tab did not issue: refused, the code never sent. */
export const ForgedState: Story = {
  // Reads and cleans the page URL on mount: shown alone, not beside its siblings on the docs page.
  tags: ['!autodocs'],
  loaders: [() => backFromIdentityProvider({ tab: 'forged' })],
  play: async ({ canvasElement }) => {
    await expectErrorCode(canvasElement, NAME, 'sso_state_invalid');
  },
};

/** A code link opened in a tab that started no SSO login (planted, or from another tab). */
export const NoLoginStartedHere: Story = {
  // Reads and cleans the page URL on mount: shown alone, not beside its siblings on the docs page.
  tags: ['!autodocs'],
  loaders: [() => backFromIdentityProvider({ tab: 'other' })],
  play: async ({ canvasElement, args }) => {
    await expectErrorCode(canvasElement, NAME, 'sso_state_invalid');
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.back }));
    await expect(args.onBack).toHaveBeenCalledTimes(1);
  },
};

/** The person cancelled at the identity provider; Try again starts a new SSO login. */
export const CancelledAtProvider: Story = {
  // Reads and cleans the page URL on mount: shown alone, not beside its siblings on the docs page.
  tags: ['!autodocs'],
  loaders: [() => backFromIdentityProvider({ action: 'deny' })],
  play: async ({ canvasElement, args }) => {
    await expectErrorCode(canvasElement, NAME, 'sso_cancelled');
    await userEvent.click(within(canvasElement).getByRole('button', { name: m.buttons.retry }));
    await waitFor(() => expect(args.navigate).toHaveBeenCalledTimes(1));
  },
};

/** `<LoginWithPasskey sso>`: Dfns answered `{ ssoClientId }`; the card offers the organisation's sign-in. */
export const SsoRequiredInLogin: Story = {
  parameters: dfns({ authenticator: { get: 'succeed' } }),
  loaders: [
    async () => {
      const user = await registerFreshUser('sso-login');
      emulator.sso.requireFor(user.username);
      return { ssoUser: user.username };
    },
  ],
  render: (args, { loaded }) => (
    <LoginWithPasskey username={(loaded as { ssoUser: string }).ssoUser} autofill={false} sso={{ redirectUri: REDIRECT_URI(), navigate: args.navigate }} />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: m.buttons.signIn }));
    await expectStatus(canvasElement, 'LoginWithPasskey', 'sso-required');
    // The offer's code arrives in a chunk of its own, maybe a moment after the status says SSO.
    await userEvent.click(await canvas.findByRole('button', { name: m.sso.continue }));
    await waitFor(() => expect(args.navigate).toHaveBeenCalledTimes(1));
    await expect(String((args.navigate as ReturnType<typeof fn>).mock.calls[0]?.[0])).toContain('/emulator/idp/authorize');
  },
};

/**
 * The whole SSO dance in one page: sign in with a passkey, Dfns answers that this user must use
 * SSO, "Continue to your organisation's sign-in" opens the emulator's identity provider (shown
 * inline here instead of leaving the page: its sign-in form posts to the emulator for real), which
 * sends the browser back with a code and state that `<SsoCallback/>` trades for the token.
 */
export const RoundTrip: Story = {
  tags: ['!autodocs'],
  parameters: dfns({ authenticator: { get: 'succeed' } }),
  loaders: [
    async () => {
      const user = await registerFreshUser('sso-trip');
      emulator.sso.requireFor(user.username);
      return { ssoUser: user.username };
    },
  ],
  render: function SsoRoundTrip(args, { loaded }) {
    const username = (loaded as { ssoUser: string }).ssoUser;
    const [step, setStep] = useState<{ at: 'login' } | { at: 'idp'; url: string } | { at: 'back' }>({ at: 'login' });
    const [email, setEmail] = useState(username);
    if (step.at === 'login') {
      return <LoginWithPasskey username={username} autofill={false} sso={{ redirectUri: REDIRECT_URI(), navigate: (url) => setStep({ at: 'idp', url }) }} />;
    }
    if (step.at === 'idp') {
      const signIn = async (): Promise<void> => {
        const state = new URL(step.url).searchParams.get('state') ?? '';
        const answer = await emulator.handle(
          new Request(new URL('/emulator/idp/authorize', step.url), { method: 'POST', body: new URLSearchParams({ state, email, action: 'approve' }) }),
        );
        const back = new URL(answer.headers.get('location') ?? '');
        const here = new URL(location.href);
        for (const [name, value] of back.searchParams) here.searchParams.set(name, value);
        // What the browser does when the provider redirects back to redirectUri.
        history.pushState(history.state, '', here.href);
        setStep({ at: 'back' });
      };
      return (
        <section aria-label="Organisation sign-in (emulator)" style={{ display: 'grid', gap: 8, maxWidth: 360, font: '14px system-ui' }}>
          <h2 style={{ margin: 0, fontSize: 18 }}>Sign in to your organisation</h2>
          <p style={{ margin: 0 }}>The emulator’s identity provider (a real app leaves the page for it).</p>
          <label style={{ display: 'grid', gap: 4 }}>
            Email
            <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
          </label>
          <button type="button" onClick={() => void signIn()}>
            Sign in
          </button>
        </section>
      );
    }
    return <SsoCallback {...args} />;
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: m.buttons.signIn }));
    await expectStatus(canvasElement, 'LoginWithPasskey', 'sso-required');
    // The offer's code arrives in a chunk of its own, maybe a moment after the status says SSO.
    await userEvent.click(await canvas.findByRole('button', { name: m.sso.continue }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign in' }));
    await expectStatus(canvasElement, NAME, 'success');
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(location.search).not.toMatch(/[?&](code|state)=/);
  },
};

/** `<LoginWithPasskey sso>` after "Continue to your organisation's sign-in": Dfns is slow to answer where to go. */
export const RedirectingInLogin: Story = {
  tags: ['!autodocs'],
  parameters: dfns({ authenticator: { get: 'succeed' }, faults: [stuck('POST', '/auth/login/sso/init')] }),
  loaders: SsoRequiredInLogin.loaders,
  render: SsoRequiredInLogin.render,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: m.buttons.signIn }));
    await expectStatus(canvasElement, 'LoginWithPasskey', 'sso-required');
    // The offer's code arrives in a chunk of its own, maybe a moment after the status says SSO.
    await userEvent.click(await canvas.findByRole('button', { name: m.sso.continue }));
    await waitFor(() => expect(canvasElement.querySelector('.dfns-sso')).toHaveAttribute('data-sso-status', 'redirecting'));
    await expect(args.navigate).not.toHaveBeenCalled();
  },
};
