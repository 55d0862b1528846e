/// <reference types="@vitest/browser-playwright" />
/**
 * The same emulator core behind an MSW service worker in real Chromium: the kit's `./core`
 * registers a real passkey (CDP virtual authenticator), logs in and signs a user action, and every
 * request goes through `fetch` → the worker → `emulator.handle`.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { cdp } from 'vitest/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeLogin,
  completeRegistration,
  createDfnsClient,
  createPasskey,
  createRecoveryKey,
  initLogin,
  initRegistration,
  listCredentials,
  passkeySigner,
  signedRequest,
  signWithPasskey,
} from '../../src/core';
import { createDfnsEmulator } from '../../src/emulator/index';
import { dfnsEmulatorHandlers } from '../../src/emulator/msw';

const BASE_URL = 'https://api.dfns.test';
const rp = { id: 'localhost', name: 'MSW in Chromium' };
// '*' accepts the Vitest page origin, http://localhost:<whatever port Vitest picked>.
const emulator = createDfnsEmulator({ origins: '*' });
let worker: SetupWorker;
let authenticatorId = '';

beforeAll(async () => {
  worker = setupWorker(...dfnsEmulatorHandlers(emulator, { baseUrl: BASE_URL }));
  // The worker script is public/mockServiceWorker.js, served at the root by Vite's publicDir.
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  await cdp().send('WebAuthn.enable', { enableUI: false });
  const added = await cdp().send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  authenticatorId = added.authenticatorId;
});

afterAll(async () => {
  await cdp().send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  await cdp().send('WebAuthn.disable');
  worker.stop();
});

describe('the emulator behind MSW in Chromium', () => {
  it('registers a real passkey, logs in with it and signs a user action through the kit', async () => {
    const sent: string[] = [];
    const fetchAndCount: typeof fetch = (input, init) => {
      sent.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      // The page's own fetch: the service worker answers it.
      return fetch(input, init);
    };
    const anonymous = createDfnsClient({ baseUrl: BASE_URL, orgId: emulator.orgId, fetch: fetchAndCount });
    const { registrationCode } = emulator.createUser({ username: 'chromium@example.com' });

    const challenge = await initRegistration(anonymous, { username: 'chromium@example.com', registrationCode });
    const passkey = await createPasskey(challenge, { rp });
    const recovery = await createRecoveryKey({ challenge });
    const registered = await completeRegistration(anonymous, {
      temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
      credentials: { firstFactorCredential: passkey, recoveryCredential: recovery.credential },
    });
    expect(registered.user.id).toBe(challenge.user.id);
    // The browser wrote this very page into clientDataJSON, and the emulator accepted it.
    expect(emulator.credentials(registered.user.id).find((c) => c['kind'] === 'Fido2')?.['origin']).toBe(location.origin);

    const login = await initLogin(anonymous, { username: 'chromium@example.com' });
    const firstFactor = await signWithPasskey(login, { rp });
    const session = await completeLogin(anonymous, { challengeIdentifier: login.challengeIdentifier, firstFactor });
    if (!('token' in session)) throw new Error('expected a token');

    const client = createDfnsClient({ baseUrl: BASE_URL, orgId: emulator.orgId, fetch: fetchAndCount, authToken: session.token });
    const wallet = await signedRequest<{ id: string; network: string }>(
      client,
      { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia' } },
      { sign: passkeySigner({ rp }) },
    );

    expect(wallet.network).toBe('EthereumSepolia');
    expect(emulator.snapshot().wallets.map((w) => w['id'])).toEqual([wallet.id]);
    expect((await listCredentials(client)).items.map((c) => c.kind).sort()).toEqual(['Fido2', 'RecoveryKey']);
    expect(sent).toEqual([
      'POST /auth/registration/init',
      'POST /auth/registration',
      'POST /auth/login/init',
      'POST /auth/login',
      'POST /auth/action/init',
      'POST /auth/action',
      'POST /wallets',
      'GET /auth/credentials',
    ]);
  });

  it('turns a dropped request into the kit\'s network_error through the worker', async () => {
    emulator.faults.set({ path: '/auth/login/init', drop: true, times: 1 });
    const client = createDfnsClient({ baseUrl: BASE_URL, orgId: emulator.orgId });

    await expect(initLogin(client, {})).rejects.toMatchObject({ name: 'DfnsApiError', code: 'network_error' });
  });
});
