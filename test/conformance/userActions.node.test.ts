/**
 * User action signing and credential management through the kit's `./core`: every protected call
 * is signed with a real passkey over the exact body the kit then sends.
 */
import { describe, expect, it } from 'vitest';
import {
  activateCredential,
  createCredential,
  createCredentialCode,
  createCredentialWithCode,
  createPasskey,
  createRecoveryKey,
  deactivateCredential,
  DfnsApiError,
  getUserActionToken,
  initCredential,
  initCredentialWithCode,
  listCredentials,
  passkeySigner,
  PolicyPendingError,
  signedRequest,
  type CreateCredentialBody,
  type DfnsClient,
} from '../../src/core';
import type { SoftwareAuthenticator } from '../../src/testing/softwareAuthenticator';
import { createHarness, newDevice, ORIGIN, RP, type Harness } from './harness';
import { loginWithPasskey, registerWithPasskey } from './kitFlows';

/** A registered, logged-in user: their client, their device and a signer over it. */
async function loggedIn(h: Harness, username = 'jane@example.com') {
  const device = newDevice();
  const user = await registerWithPasskey(h, username, device);
  const token = await loginWithPasskey(h, username, device);
  const client = h.client(token);
  return { user, device, client, sign: passkeySigner({ rp: RP, authenticator: device }) };
}

/** Adds a passkey from `newPasskeyDevice`, signing the user action with `signer`'s device. */
async function addPasskey(client: DfnsClient, newPasskeyDevice: SoftwareAuthenticator, sign: ReturnType<typeof passkeySigner>) {
  const challenge = await initCredential(client, { kind: 'Fido2' });
  const passkey = await createPasskey(challenge, { rp: RP, authenticator: newPasskeyDevice });
  const body: CreateCredentialBody = { ...passkey, credentialName: 'Phone', challengeIdentifier: challenge.challengeIdentifier };
  const userAction = await getUserActionToken(client, { method: 'POST', path: '/auth/credentials', payload: JSON.stringify(body) }, { sign });
  return createCredential(client, body, { userAction });
}

describe('user action signing through the kit', () => {
  it('creates a wallet with a passkey-signed request: action init, action, then the real call', async () => {
    const h = createHarness();
    const { client, sign, user } = await loggedIn(h);

    const { result, requests } = await h.count(() =>
      signedRequest<{ id: string; network: string }>(client, { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia' } }, { sign }),
    );

    expect(requests).toEqual(['POST /auth/action/init', 'POST /auth/action', 'POST /wallets']);
    expect(result.network).toBe('EthereumSepolia');
    expect(h.emulator.snapshot().wallets).toEqual([expect.objectContaining({ id: result.id, userId: user.userId })]);
    // The signed payload and the body sent are the same bytes, and the header carries the token.
    const init = h.sent.find((r) => r.path === '/auth/action/init');
    const real = h.sent.find((r) => r.path === '/wallets');
    expect(JSON.parse(init?.body ?? '{}').userActionPayload).toBe(real?.body);
    expect(real?.headers.get('x-dfns-useraction')).toMatch(/\S+/);
  });

  it('reports a policy awaiting approval as PolicyPendingError, without creating the wallet', async () => {
    const h = createHarness();
    const { client, sign } = await loggedIn(h);
    h.emulator.policies.requireApproval({ method: 'POST', path: '/wallets' });

    const pending = await signedRequest(client, { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia' } }, { sign }).catch(
      (error: unknown) => error,
    );

    expect(pending).toBeInstanceOf(PolicyPendingError);
    expect(pending).toMatchObject({ code: 'policy_pending', status: 202, retryable: false });
    expect(h.emulator.snapshot().wallets).toEqual([]);
  });

  it('adds a passkey in exactly four requests, and the new passkey can sign', async () => {
    const h = createHarness();
    const { client, sign, user } = await loggedIn(h);
    const phone = newDevice();

    const { result: credential, requests } = await h.count(() => addPasskey(client, phone, sign));

    expect(requests).toEqual(['POST /auth/credentials/init', 'POST /auth/action/init', 'POST /auth/action', 'POST /auth/credentials']);
    expect(credential).toMatchObject({ kind: 'Fido2', name: 'Phone', isActive: true });
    expect(h.emulator.credentials(user.userId)).toHaveLength(3);
    const fromPhone = passkeySigner({ rp: RP, authenticator: phone });
    await expect(signedRequest(client, { method: 'POST', path: '/wallets', body: { network: 'Bitcoin' } }, { sign: fromPhone })).resolves.toMatchObject({
      network: 'Bitcoin',
    });
  });

  it('adds a recovery key credential signed by the existing passkey', async () => {
    const h = createHarness();
    const { client, sign, user } = await loggedIn(h);

    const challenge = await initCredential(client, { kind: 'RecoveryKey' });
    const recovery = await createRecoveryKey({ challenge, origin: ORIGIN });
    const body: CreateCredentialBody = {
      ...recovery.credential,
      credentialName: 'Second kit',
      challengeIdentifier: challenge.challengeIdentifier,
    };
    const userAction = await getUserActionToken(client, { method: 'POST', path: '/auth/credentials', payload: JSON.stringify(body) }, { sign });
    const credential = await createCredential(client, body, { userAction });

    expect(credential).toMatchObject({ kind: 'RecoveryKey', credentialId: recovery.credId });
    expect(h.emulator.credentials(user.userId).filter((c) => c['kind'] === 'RecoveryKey')).toHaveLength(2);
  });

  it('deactivates and reactivates a credential, and lists it each time', async () => {
    const h = createHarness();
    const { client, sign } = await loggedIn(h);
    const added = await addPasskey(client, newDevice(), sign);
    const toggle = async (active: boolean) => {
      const body = { credentialUuid: added.credentialUuid };
      const path = active ? '/auth/credentials/activate' : '/auth/credentials/deactivate';
      const userAction = await getUserActionToken(client, { method: 'PUT', path, payload: JSON.stringify(body) }, { sign });
      return active ? activateCredential(client, body, { userAction }) : deactivateCredential(client, body, { userAction });
    };
    const isActive = async () => (await listCredentials(client)).items.find((c) => c.credentialUuid === added.credentialUuid)?.isActive;

    await toggle(false);
    expect(await isActive()).toBe(false);
    await toggle(true);
    expect(await isActive()).toBe(true);
  });

  it('refuses a user action token replayed on a second request', async () => {
    const h = createHarness();
    const { client, sign } = await loggedIn(h);
    const added = await addPasskey(client, newDevice(), sign);
    const body = { credentialUuid: added.credentialUuid };
    const userAction = await getUserActionToken(client, { method: 'PUT', path: '/auth/credentials/deactivate', payload: JSON.stringify(body) }, { sign });
    await deactivateCredential(client, body, { userAction });

    const replay = await deactivateCredential(client, body, { userAction }).catch((error: unknown) => error);

    expect(replay).toBeInstanceOf(DfnsApiError);
    expect(replay).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('adds a passkey on another device with a credential code', async () => {
    const h = createHarness();
    const { client, sign, user } = await loggedIn(h);
    const body = { expiration: new Date(Date.now() + 50_000).toISOString() };
    const userAction = await getUserActionToken(client, { method: 'POST', path: '/auth/credentials/code', payload: JSON.stringify(body) }, { sign });
    const { code } = await createCredentialCode(client, body, { userAction });

    // The other app has no token: only the code.
    const anonymous = h.client();
    const otherDevice = newDevice();
    const challenge = await initCredentialWithCode(anonymous, { code, credentialKind: 'Fido2' });
    const passkey = await createPasskey(challenge, { rp: RP, authenticator: otherDevice });
    const credential = await createCredentialWithCode(anonymous, {
      ...passkey,
      credentialName: 'Other app',
      challengeIdentifier: challenge.challengeIdentifier,
    });

    expect(credential).toMatchObject({ kind: 'Fido2', name: 'Other app' });
    expect(h.emulator.credentials(user.userId).map((c) => c.credentialId)).toContain(passkey.credentialInfo.credId);
    expect(await loginWithPasskey(h, user.username, otherDevice)).toMatch(/\./);
  });
});
