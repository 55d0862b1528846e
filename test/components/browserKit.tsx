/// <reference types="@vitest/browser-playwright" />
/**
 * What the components' Chromium tests share: the emulator behind the page's MSW service worker,
 * a CDP virtual authenticator (one per test, removed after it), and a StrictMode render inside the
 * provider with NO `authenticator` prop, so the real @simplewebauthn/browser runs every ceremony.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { StrictMode, type ReactNode } from 'react';
import { cdp } from 'vitest/browser';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createDfnsClient, type DfnsClient } from '../../src/api/createDfnsClient';
import { completeRegistration, initRegistration } from '../../src/api/registration';
import { createDfnsEmulator, type DfnsEmulator } from '../../src/emulator/index';
import { dfnsEmulatorHandlers } from '../../src/emulator/msw';
import { createRecoveryKey } from '../../src/keys/recoveryKey';
import type { DeepPartial, DfnsMessages } from '../../src/messages/types';
import type { DfnsTheme } from '../../src/provider/DfnsAuthContext';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createPasskey } from '../../src/webauthn/createPasskey';

export const BASE_URL = 'https://api.dfns.test';
export const RP = { id: 'localhost', name: 'Chromium' };

/** One credential as the CDP WebAuthn domain reads and writes it. */
export interface StoredCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

/** The options of the virtual authenticator: a platform passkey provider with user verification. */
const AUTHENTICATOR = {
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
} as const;

/**
 * Registers the hooks of a component test file: one MSW worker for the file, a fresh emulator and
 * a fresh virtual authenticator per test. Returns accessors for the current test's pieces.
 */
export function useChromiumKit() {
  let worker: SetupWorker | undefined;
  let emulator: DfnsEmulator | undefined;
  let authenticatorId = '';
  const extraAuthenticators: string[] = [];
  const requests: string[] = [];
  const responses: string[] = [];

  beforeAll(async () => {
    worker = setupWorker();
    worker.events.on('request:start', ({ request }) => {
      if (request.url.startsWith(BASE_URL)) requests.push(`${request.method} ${new URL(request.url).pathname}`);
    });
    worker.events.on('response:mocked', ({ request }) => {
      responses.push(`${request.method} ${new URL(request.url).pathname}`);
    });
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
    await cdp().send('WebAuthn.enable', { enableUI: false });
  });
  beforeEach(async () => {
    emulator = createDfnsEmulator({ origins: '*' });
    worker?.use(...dfnsEmulatorHandlers(emulator, { baseUrl: BASE_URL }));
    requests.length = 0;
    responses.length = 0;
    authenticatorId = (await cdp().send('WebAuthn.addVirtualAuthenticator', { options: AUTHENTICATOR })).authenticatorId;
  });
  afterEach(async () => {
    worker?.resetHandlers();
    for (const id of [authenticatorId, ...extraAuthenticators]) {
      if (id !== '') await cdp().send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: id });
    }
    authenticatorId = '';
    extraAuthenticators.length = 0;
  });
  afterAll(async () => {
    await cdp().send('WebAuthn.disable');
    worker?.stop();
  });

  return {
    /** The current test's emulator. */
    emulator: (): DfnsEmulator => {
      if (!emulator) throw new Error('no emulator outside a test');
      return emulator;
    },
    /** `METHOD /path` of every request the page sent to the emulator in this test. */
    requests,
    /** `METHOD /path` of every emulator answer the page received in this test. */
    responses,
    /** Waits until the page received the emulator's answer to `line` (e.g. a prefetched challenge). */
    answered: async (line: string): Promise<void> => {
      await waitFor(() => expect(responses).toContain(line), { timeout: 8000 });
    },
    /** Makes the virtual authenticator refuse (false) or grant (true) user verification. */
    setUserVerified: async (isUserVerified: boolean): Promise<void> => {
      await cdp().send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified });
    },
    /** The same, on another authenticator (one from `addAuthenticator`). */
    setUserVerifiedOn: async (id: string, isUserVerified: boolean): Promise<void> => {
      await cdp().send('WebAuthn.setUserVerified', { authenticatorId: id, isUserVerified });
    },
    /** The credentials the virtual authenticator holds (with their private keys, to put back later). */
    storedCredentials: async () => (await cdp().send('WebAuthn.getCredentials', { authenticatorId })).credentials,
    /** The credentials another authenticator (one from `addAuthenticator`) holds. */
    storedCredentialsOn: async (id: string) => (await cdp().send('WebAuthn.getCredentials', { authenticatorId: id })).credentials,
    /**
     * Plugs in a USB security key (Chrome allows one internal authenticator per page), removed after
     * the test like the first; returns its id. `presence: false` leaves its prompts unanswered.
     */
    addAuthenticator: async ({ presence = true } = {}): Promise<string> => {
      const options = { ...AUTHENTICATOR, transport: 'usb' as const, automaticPresenceSimulation: presence };
      const { authenticatorId: id } = await cdp().send('WebAuthn.addVirtualAuthenticator', { options });
      extraAuthenticators.push(id);
      return id;
    },
    /** Takes the built-in (platform) authenticator away: the page then has no platform passkey provider. */
    removePlatformAuthenticator: async (): Promise<void> => {
      await cdp().send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
      authenticatorId = '';
    },
    /** Turns the simulated touch of the first (or the given) authenticator on or off. */
    setPresence: async (enabled: boolean, id = authenticatorId): Promise<void> => {
      await cdp().send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId: id, enabled });
    },
    /** Empties the virtual authenticator, as a lost device would. */
    clearCredentials: async (): Promise<void> => {
      await cdp().send('WebAuthn.clearCredentials', { authenticatorId });
    },
    /** Puts a credential read with `storedCredentials` back on the virtual authenticator. */
    addCredential: async (credential: StoredCredential): Promise<void> => {
      await cdp().send('WebAuthn.addCredential', { authenticatorId, credential });
    },
  };
}

/** A client that talks to the emulator directly, outside the worker (so its requests are not counted). */
export function directClient(emulator: DfnsEmulator, authToken?: string): DfnsClient {
  return createDfnsClient({
    baseUrl: BASE_URL,
    orgId: emulator.orgId,
    authToken,
    fetch: (input, init) => emulator.handle(new Request(input, init)),
  });
}

/**
 * Registers `username` with a real passkey on the virtual authenticator (and, when asked, a
 * recovery key), outside the page's components; returns the recovery kit values when made.
 */
export async function registeredUser(emulator: DfnsEmulator, username: string, { recoveryKey = false } = {}) {
  const { registrationCode } = emulator.createUser({ username });
  const client = directClient(emulator);
  const challenge = await initRegistration(client, { username, registrationCode });
  const passkey = await createPasskey(challenge, { rp: RP, timeout: 5000 });
  const recovery = recoveryKey ? await createRecoveryKey({ challenge }) : undefined;
  const registered = await completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: recovery
      ? { firstFactorCredential: passkey, recoveryCredential: recovery.credential }
      : { firstFactorCredential: passkey },
  });
  return {
    userId: registered.user.id,
    passkeyId: passkey.credentialInfo.credId,
    recovery: recovery ? { recoveryCode: recovery.recoveryCode, recoveryKeyId: recovery.credId } : undefined,
  };
}

/** Provider settings a test may change. */
export interface KitOptions {
  token?: string | undefined;
  rp?: { id: string; name: string } | undefined;
  theme?: DfnsTheme | undefined;
  messages?: DfnsMessages | DeepPartial<DfnsMessages> | undefined;
}

/** Renders `ui` as an app would: StrictMode, a fresh QueryClient, the provider, the real browser authenticator. */
export function renderKit(ui: ReactNode, emulator: DfnsEmulator, options: KitOptions = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrap = (node: ReactNode) => (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <DfnsAuthProvider
          baseUrl={BASE_URL}
          orgId={emulator.orgId}
          rp={options.rp ?? RP}
          authToken={options.token}
          theme={options.theme}
          messages={options.messages}
          // Short, so that a ceremony that should have failed at once fails the test quickly.
          timeout={10_000}
        >
          {node}
        </DfnsAuthProvider>
      </QueryClientProvider>
    </StrictMode>
  );
  const result = render(wrap(ui));
  return { ...result, queryClient, rerender: (node: ReactNode) => result.rerender(wrap(node)) };
}

/** The component root (`.dfns-<name>`) inside `container`. */
export function rootOf(container: HTMLElement, name: string): HTMLElement {
  const root = container.querySelector<HTMLElement>(`.dfns-${name}`);
  if (!root) throw new Error(`no .dfns-${name} rendered`);
  return root;
}

/** Waits until the component's `data-status` is `status` (real ceremonies take a moment). */
export async function statusBecomes(container: HTMLElement, name: string, status: string, timeout = 8000): Promise<void> {
  await waitFor(() => expect(rootOf(container, name).getAttribute('data-status')).toBe(status), { timeout });
}

/**
 * Every `data-status` the component root went through, in order. Built from each mutation's old
 * value, so a status that lasted less than one observer callback is still listed.
 */
export function statusHistory(container: HTMLElement, name: string): () => string[] {
  const root = rootOf(container, name);
  const before: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) before.push(record.oldValue ?? '');
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-status'], attributeOldValue: true });
  return () => {
    for (const record of observer.takeRecords()) before.push(record.oldValue ?? '');
    const all = [...before, root.getAttribute('data-status') ?? ''];
    return all.filter((status, index) => index === 0 || all[index - 1] !== status);
  };
}

/**
 * Checks a status history against the flow's full path: every status seen belongs to the path, in
 * its order, and the `required` ones were all seen. React may commit a fast step (a virtual
 * authenticator answers in milliseconds) together with the next, so brief steps are not required.
 */
export function expectStatusPath(seen: string[], path: string[], required: string[]): void {
  let at = 0;
  for (const status of seen) {
    const found = path.indexOf(status, at);
    expect(found, `status "${status}" out of order in [${seen.join(', ')}]`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
  for (const status of required) expect(seen).toContain(status);
}
