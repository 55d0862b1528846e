import { createDfnsClient, type DfnsClient } from '../../src/core';
import { createDfnsEmulator, type DfnsEmulator, type DfnsEmulatorOptions } from '../../src/emulator/index';
import { createSoftwareAuthenticator, type SoftwareAuthenticator } from '../../src/testing/softwareAuthenticator';

/** The page origin and rp the "browser" side of every conformance flow runs on. */
export const ORIGIN = 'http://localhost:6006';
export const RP = { id: 'localhost', name: 'Conformance' } as const;
/** A base URL the kit's client resolves paths against; requests never leave `emulator.handle`. */
export const BASE_URL = 'https://api.dfns.test';

/** One request the kit sent: method and path (no host), as the counter records it. */
export interface SentRequest {
  method: string;
  path: string;
  body: string | undefined;
  headers: Headers;
}

/** An emulator, the requests the kit sent to it, and clients wired to it through `emulator.handle`. */
export interface Harness {
  emulator: DfnsEmulator;
  /** Every request sent so far, oldest first. */
  sent: SentRequest[];
  /** Runs `flow` and returns its result with the requests it sent. */
  count<T>(flow: () => Promise<T>): Promise<{ result: T; requests: string[] }>;
  /** A kit client (org id set) whose fetch is `emulator.handle`, optionally with a user token. */
  client(authToken?: string): DfnsClient;
}

/** Creates an emulator and a request-counting fetch the kit's client uses to reach it. */
export function createHarness(options: DfnsEmulatorOptions = {}): Harness {
  const emulator = createDfnsEmulator({ origins: [ORIGIN], ...options });
  const sent: SentRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    sent.push({
      method: request.method,
      path: url.pathname,
      body: typeof init?.body === 'string' ? init.body : undefined,
      headers: request.headers,
    });
    return emulator.handle(request);
  };
  return {
    emulator,
    sent,
    async count(flow) {
      const start = sent.length;
      const result = await flow();
      return { result, requests: sent.slice(start).map((r) => `${r.method} ${r.path}`) };
    },
    client: (authToken) => createDfnsClient({ baseUrl: BASE_URL, orgId: emulator.orgId, fetch, authToken }),
  };
}

/** A "device": a software passkey authenticator on the conformance page origin. */
export function newDevice(): SoftwareAuthenticator {
  return createSoftwareAuthenticator({ origin: ORIGIN, rpId: RP.id });
}
