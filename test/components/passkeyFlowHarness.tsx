/**
 * What the RegisterPasskey and LoginWithPasskey tests share: an emulator behind MSW with a
 * request log, a StrictMode render inside the provider, a direct (unlogged) emulator client
 * for setting users up, and an authenticator wrapper that records every ceremony.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { StrictMode, type ReactNode } from 'react';
import { createDfnsClient, type DfnsClient } from '../../src/api/createDfnsClient';
import { completeRegistration, initRegistration } from '../../src/api/registration';
import { createDfnsEmulator, type DfnsEmulator } from '../../src/emulator/index';
import { dfnsEmulatorHandlers } from '../../src/emulator/msw';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createSoftwareAuthenticator, type SoftwareAuthenticator } from '../../src/testing/index';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { createPasskey } from '../../src/webauthn/createPasskey';

export const BASE = 'https://api.dfns.test';
export const RP = { id: 'localhost', name: 'Test' };

/** One MSW server per test file; each test routes it to a fresh emulator. */
export function createTestServer() {
  const server = setupServer();
  /** `METHOD /path` of every request the page sent, in order. */
  const requests: string[] = [];
  /** Requests and ceremonies in one timeline, to check what happens between a click and a prompt. */
  const timeline: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const line = `${request.method} ${new URL(request.url).pathname}`;
    requests.push(line);
    timeline.push(`request ${line}`);
  });
  /** Request bodies as JSON, in order (cloned, so the handler still reads them). */
  const bodies: unknown[] = [];
  server.events.on('request:start', ({ request }) => {
    void request
      .clone()
      .text()
      .then((text) => bodies.push(text ? JSON.parse(text) : undefined));
  });
  const responses: string[] = [];
  server.events.on('response:mocked', ({ request }) => {
    responses.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  const useEmulator = (): DfnsEmulator => {
    const emulator = createDfnsEmulator({ origins: '*' });
    server.use(...dfnsEmulatorHandlers(emulator, { baseUrl: BASE }));
    requests.length = 0;
    timeline.length = 0;
    bodies.length = 0;
    responses.length = 0;
    return emulator;
  };
  return { server, requests, timeline, bodies, responses, useEmulator };
}

/** A client that talks to the emulator directly, outside MSW (so its requests are not counted). */
export function directClient(emulator: DfnsEmulator, authToken?: string): DfnsClient {
  return createDfnsClient({
    baseUrl: BASE,
    orgId: emulator.orgId,
    authToken,
    fetch: (input, init) => emulator.handle(new Request(input, init)),
  });
}

/** The page's software authenticator: real passkeys the emulator verifies. */
export const softwareAuthenticator = (): SoftwareAuthenticator =>
  createSoftwareAuthenticator({ origin: globalThis.location.origin, rpId: 'localhost' });

/** Registers `username` with a passkey on `authenticator`, without going through the page. */
export async function registeredUser(emulator: DfnsEmulator, username: string, authenticator: PasskeyAuthenticator) {
  const { registrationCode } = emulator.createUser({ username });
  const client = directClient(emulator);
  const challenge = await initRegistration(client, { username, registrationCode });
  const passkey = await createPasskey(challenge, { rp: RP, authenticator });
  return completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: { firstFactorCredential: passkey },
  });
}

/** Every ceremony an authenticator ran, with its signal and mediation. */
export interface CeremonyLog {
  create: AbortSignal[];
  get: { signal: AbortSignal | undefined; mediation: string | undefined }[];
}

/** Wraps an authenticator to log each ceremony (and push `create`/`get` to `timeline`). */
export function recording(inner: PasskeyAuthenticator, timeline: string[] = []): PasskeyAuthenticator & { log: CeremonyLog } {
  const log: CeremonyLog = { create: [], get: [] };
  return {
    log,
    create(options, call = {}) {
      timeline.push('create');
      if (call.signal) log.create.push(call.signal);
      return inner.create(options, call);
    },
    get(options, call = {}) {
      timeline.push(call.mediation === 'conditional' ? 'get conditional' : 'get');
      log.get.push({ signal: call.signal, mediation: call.mediation });
      return inner.get(options, call);
    },
  };
}

/** Renders `ui` as an app would: StrictMode, a fresh QueryClient, the kit's provider. */
export function renderKit(ui: ReactNode, { emulator, authenticator }: { emulator: DfnsEmulator; authenticator: PasskeyAuthenticator }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <DfnsAuthProvider baseUrl={BASE} orgId={emulator.orgId} rp={RP} authenticator={authenticator}>
          {ui}
        </DfnsAuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  return { ...result, queryClient };
}

/** axe violations of `container` (colour contrast needs layout, which jsdom has not). */
export async function axeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

/** Everything the page kept where a secret must never be: storage and the react-query caches. */
export function persistedText(queryClient: QueryClient): string {
  return [
    JSON.stringify({ ...localStorage }),
    JSON.stringify({ ...sessionStorage }),
    JSON.stringify(queryClient.getQueryCache().getAll().map((query) => query.state)),
    JSON.stringify(queryClient.getMutationCache().getAll().map((mutation) => mutation.state)),
  ].join('\n');
}
