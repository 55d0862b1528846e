/** One QueryClient, two users one after the other, and no `useLogout` in between (issue 15, item 1). */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthTokenSource } from '../../src/api/createDfnsClient';
import type { Credential } from '../../src/api/types';
import { CredentialList } from '../../src/components/CredentialList';
import { useSignalAcceptedPasskeys } from '../../src/hooks/useSignalAcceptedPasskeys';
import { utf8ToBase64url } from '../../src/encoding/base64url';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import type { SoftwareAuthenticator } from '../../src/testing/softwareAuthenticator';
import { BASE_URL, RP, emulatorServer, registeredUser, softwareAuthenticator } from './credentialTestKit';

const { emulator, server } = emulatorServer();

let alicesLaptop: SoftwareAuthenticator;
let bobsPhone: SoftwareAuthenticator;
let aliceToken: string;
let bobToken: string;
type Signal = { rpId: string; userId: string; allAcceptedCredentialIds: string[] };
let signals: Signal[];
/** The list's text after every DOM change, so a single render of the wrong list is caught. */
let seen: string[];
let observer: MutationObserver;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  observer.disconnect();
  vi.unstubAllGlobals();
});
afterAll(() => server.close());
beforeEach(async () => {
  emulator.reset();
  alicesLaptop = softwareAuthenticator();
  bobsPhone = softwareAuthenticator();
  aliceToken = await registeredUser(emulator, 'alice@example.com', alicesLaptop, 'Alice laptop');
  bobToken = await registeredUser(emulator, 'bob@example.com', bobsPhone, 'Bob phone');
  signals = [];
  vi.stubGlobal('PublicKeyCredential', {
    signalAllAcceptedCredentials: async (options: Signal) => {
      signals.push(options);
    },
  });
  seen = [];
  observer = new MutationObserver(() => seen.push(document.body.textContent ?? ''));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
});

const userId = (username: string) => utf8ToBase64url(emulator.users().find((u) => u.username === username)!.userId);
const passkeyIds = (name: string) => emulator.credentials().filter((c) => c['name'] === name).map((c) => c.credentialId);

/** The app: its own session (a token function, as the README shows), the kit's list, one QueryClient. */
function app(queryClient: QueryClient, authToken: AuthTokenSource, ui: ReactNode = <CredentialList signalPasskeys />) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulator.orgId} rp={RP} authenticator={alicesLaptop} authToken={authToken}>
          {ui}
        </DfnsAuthProvider>
      </QueryClientProvider>
    </StrictMode>
  );
}

const root = (container: HTMLElement) => container.querySelector('.dfns-CredentialList')!;

function expectBobNeverSawAlice(sinceBob: number): void {
  for (const text of [...seen.slice(sinceBob), document.body.textContent ?? '']) expect(text).not.toContain('Alice laptop');
  const bobSignals = signals.filter((s) => s.userId === userId('bob@example.com'));
  for (const signal of signals.slice(signals.findIndex((s) => s.userId === userId('bob@example.com')))) {
    expect(signal.userId).toBe(userId('bob@example.com'));
    expect(signal.allAcceptedCredentialIds).toEqual(passkeyIds('Bob phone'));
  }
  expect(bobSignals.length).toBeGreaterThan(0);
}

describe('<CredentialList> when the signed-in user changes without useLogout', () => {
  it('shows and signals only the new user’s passkeys after the app logs out its own way (token function)', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let session: string | undefined = aliceToken;
    const first = render(app(queryClient, () => session));
    await waitFor(() => expect(first.container).toHaveTextContent('Alice laptop'));
    await waitFor(() => expect(signals).toHaveLength(1));
    expect(signals[0]).toEqual({ rpId: RP.id, userId: userId('alice@example.com'), allAcceptedCredentialIds: passkeyIds('Alice laptop') });

    // The app's own logout: it forgets the token and unmounts the list; react-query keeps its cache.
    session = undefined;
    first.unmount();
    session = bobToken;
    const sinceBob = seen.length;
    const second = render(app(queryClient, () => session));
    // The very first commit for Bob must not show Alice's list.
    expect(second.container).not.toHaveTextContent('Alice laptop');
    await waitFor(() => expect(second.container).toHaveTextContent('Bob phone'));
    await waitFor(() => expect(signals.length).toBeGreaterThan(1));
    expectBobNeverSawAlice(sinceBob);
    expect(root(second.container)).toHaveAttribute('data-status', 'ready');
  });

  it('moves to the new user’s list when a new token string replaces the old one while the list stays mounted', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const view = render(app(queryClient, aliceToken));
    await waitFor(() => expect(view.container).toHaveTextContent('Alice laptop'));
    await waitFor(() => expect(signals).toHaveLength(1));

    const sinceBob = seen.length;
    view.rerender(app(queryClient, bobToken));
    expect(view.container).not.toHaveTextContent('Alice laptop');
    await waitFor(() => expect(view.container).toHaveTextContent('Bob phone'));
    await waitFor(() => expect(signals.length).toBeGreaterThan(1));
    expectBobNeverSawAlice(sinceBob);
  });

  it('never files one user’s list under another: a refetch after the identity changed unseen does not show Bob Alice’s list', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let session: string | undefined = aliceToken;
    const view = render(app(queryClient, () => session));
    await waitFor(() => expect(view.container).toHaveTextContent('Alice laptop'));
    // The identity changes behind the token function with no render; then something refetches.
    session = bobToken;
    const sinceBob = seen.length;
    await queryClient.invalidateQueries();
    await waitFor(() => expect(view.container).toHaveTextContent('Bob phone'));
    expect(view.container).not.toHaveTextContent('Alice laptop');
    for (const signal of signals) {
      const ids = signal.userId === userId('bob@example.com') ? passkeyIds('Bob phone') : passkeyIds('Alice laptop');
      expect(signal.allAcceptedCredentialIds).toEqual(ids);
    }
    expect(seen.slice(sinceBob).some((text) => text.includes('Bob phone'))).toBe(true);
  });

  it('does the same for an async token function, showing nothing until it answers', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let session: string | undefined = aliceToken;
    const first = render(app(queryClient, async () => session));
    await waitFor(() => expect(first.container).toHaveTextContent('Alice laptop'));
    session = undefined;
    first.unmount();
    session = bobToken;
    const sinceBob = seen.length;
    const second = render(app(queryClient, async () => session));
    expect(second.container).not.toHaveTextContent('Alice laptop');
    await waitFor(() => expect(second.container).toHaveTextContent('Bob phone'));
    await waitFor(() => expect(signals.length).toBeGreaterThan(1));
    expectBobNeverSawAlice(sinceBob);
  });

  it('useSignalAcceptedPasskeys never signals a list that was not fetched with the token’s user', async () => {
    const listOf = async (token: string) =>
      ((await (
        await emulator.handle(new Request(`${BASE_URL}/auth/credentials`, { headers: { authorization: `Bearer ${token}` } }))
      ).json()) as { items: Credential[] }).items;
    const alices = await listOf(aliceToken);
    function Probe({ items }: { items: Credential[] }) {
      useSignalAcceptedPasskeys(items);
      return <p>probe</p>;
    }
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const view = render(app(queryClient, bobToken, <Probe items={alices} />));
    await waitFor(() => expect(view.container).toHaveTextContent('probe'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(signals).toEqual([]);
  });

  it('keys the list by the token’s user, and never by the token', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const view = render(app(queryClient, aliceToken));
    await waitFor(() => expect(view.container).toHaveTextContent('Alice laptop'));
    const keys = JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.queryKey));
    expect(keys).toContain(emulator.users().find((u) => u.username === 'alice@example.com')!.userId);
    expect(keys).not.toContain(aliceToken);
  });
});
