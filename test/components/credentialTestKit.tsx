/** Shared set-up of the user action and credential component tests: emulator, MSW, users, render. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { StrictMode, type ReactNode } from 'react';
import { createDfnsClient, type DfnsClient } from '../../src/api/createDfnsClient';
import { createCredential, initCredential } from '../../src/api/credentials';
import { getUserActionToken } from '../../src/api/userActions';
import { completeRegistration, initRegistration } from '../../src/api/registration';
import { createDfnsEmulator, type DfnsEmulator } from '../../src/emulator/index';
import { dfnsEmulatorHandlers } from '../../src/emulator/msw';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createSoftwareAuthenticator } from '../../src/testing/softwareAuthenticator';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { createPasskey } from '../../src/webauthn/createPasskey';
import { passkeySigner } from '../../src/webauthn/signWithPasskey';

export const BASE_URL = 'https://api.dfns.test';
export const RP = { id: 'localhost', name: 'Test' };
/** An origin the emulator allows (`origins: '*'` allows any localhost port). */
export const ORIGIN = 'http://localhost:6006';

/** A software authenticator whose passkeys the emulator verifies for real. */
export const softwareAuthenticator = () => createSoftwareAuthenticator({ origin: ORIGIN, rpId: 'localhost' });

/** One emulator behind MSW for a test file, plus a log of every request the components send. */
export function emulatorServer() {
  const emulator = createDfnsEmulator({ origins: '*' });
  const server = setupServer(...dfnsEmulatorHandlers(emulator, { baseUrl: BASE_URL }));
  const requests: Array<{ method: string; path: string; body: string; userAction: string | null }> = [];
  server.events.on('request:start', ({ request }) => {
    const clone = request.clone();
    const entry = { method: request.method, path: new URL(request.url).pathname, body: '', userAction: request.headers.get('x-dfns-useraction') };
    requests.push(entry);
    void clone.text().then((text) => {
      entry.body = text;
    });
  });
  return { emulator, server, requests, calls: () => requests.map((r) => `${r.method} ${r.path}`) };
}

/** Registers `username` with a passkey of `authenticator` (outside MSW, so not counted) and logs them in. */
export async function registeredUser(
  emulator: DfnsEmulator,
  username: string,
  authenticator: PasskeyAuthenticator,
  credentialName?: string,
): Promise<string> {
  const client = createDfnsClient({
    baseUrl: BASE_URL,
    orgId: emulator.orgId,
    fetch: (input, init) => emulator.handle(new Request(input, init)),
  });
  const { registrationCode } = emulator.createUser({ username });
  const challenge = await initRegistration(client, { username, registrationCode });
  const firstFactorCredential = await createPasskey(challenge, { rp: RP, authenticator });
  await completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: { firstFactorCredential: credentialName ? { ...firstFactorCredential, credentialName } : firstFactorCredential },
  });
  return emulator.loginAs(username);
}

/** Renders `ui` as an app would: StrictMode, a fresh QueryClient, and the provider for the emulator (signed in with `token`, if given). */
export function renderWithKit(
  ui: ReactNode,
  options: { emulator: DfnsEmulator; token?: string | undefined; authenticator: PasskeyAuthenticator; queryClient?: QueryClient },
) {
  const queryClient = options.queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false, retryDelay: 0 } } });
  const wrap = (node: ReactNode) => (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <DfnsAuthProvider
          baseUrl={BASE_URL}
          orgId={options.emulator.orgId}
          rp={RP}
          authenticator={options.authenticator}
          authToken={options.token}
        >
          {node}
        </DfnsAuthProvider>
      </QueryClientProvider>
    </StrictMode>
  );
  const result = render(wrap(ui));
  return { ...result, queryClient, rerender: (node: ReactNode) => result.rerender(wrap(node)) };
}

/** Axe violations of `container` (colour contrast off: jsdom cannot compute it). */
export async function axeViolations(container: Element): Promise<axe.Result[]> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations;
}

/** Everything react-query holds, as a devtools panel or persister would print it. */
export function cacheText(queryClient: QueryClient): string {
  return JSON.stringify([
    queryClient.getQueryCache().getAll().map((q) => ({ key: q.queryKey, state: q.state })),
    queryClient.getMutationCache().getAll().map((m) => m.state),
  ]);
}

/** An authenticator whose first `get` is refused for lack of a user gesture, as Safari does. */
export function noGestureOnce(inner: PasskeyAuthenticator): PasskeyAuthenticator & { gets: number } {
  const wrapper = {
    gets: 0,
    create: inner.create.bind(inner),
    get(options: Parameters<PasskeyAuthenticator['get']>[0], call?: Parameters<PasskeyAuthenticator['get']>[1]) {
      wrapper.gets += 1;
      if (wrapper.gets === 1) {
        return Promise.reject(new DOMException('The request is not allowed: it requires user activation.', 'NotAllowedError'));
      }
      return inner.get(options, call);
    },
  };
  return wrapper;
}

/**
 * Adds a passkey on another device (`added`, named `credentialName`) through the core functions,
 * outside MSW, signed with a passkey the user already has (`signer`): as after buying a security key.
 */
export async function addPasskeyOnAnotherDevice(
  client: DfnsClient,
  rp: { id: string; name: string },
  { signer, added, credentialName }: { signer: PasskeyAuthenticator; added: PasskeyAuthenticator; credentialName: string },
): Promise<void> {
  const challenge = await initCredential(client, { kind: 'Fido2' });
  const attestation = await createPasskey(challenge, { rp, authenticator: added });
  const body = { ...attestation, credentialName, challengeIdentifier: challenge.challengeIdentifier };
  const sign = passkeySigner({ rp, authenticator: signer });
  const userAction = await getUserActionToken(client, { method: 'POST', path: '/auth/credentials', payload: JSON.stringify(body) }, { sign });
  await createCredential(client, body, { userAction });
}
