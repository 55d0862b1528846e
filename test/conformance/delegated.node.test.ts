/**
 * Delegated flows through the kit's `./core`: a service account (server side, signing user actions
 * with its Key credential via `keySigner`) starts registration, login and recovery for an end user,
 * and the "browser" finishes with a real passkey and recovery key.
 */
import { describe, expect, it } from 'vitest';
import {
  completeEndUserRegistration,
  createPasskey,
  createRecoveryKey,
  delegatedLogin,
  DfnsApiError,
  findRecoveryKey,
  initDelegatedRecovery,
  initDelegatedRegistration,
  keySigner,
  listCredentials,
  recoverUser,
  signRecovery,
  unlockRecoveryKey,
  type ChallengeSigner,
} from '../../src/core';
import { createHarness, newDevice, ORIGIN, RP, type Harness } from './harness';
import { loginWithPasskey, tokenUserId } from './kitFlows';

/** A service account's client and its user action signer. */
async function serviceAccount(h: Harness): Promise<{ server: ReturnType<Harness['client']>; sign: ChallengeSigner }> {
  const sa = await h.emulator.createServiceAccount({ name: 'Backend' });
  return { server: h.client(sa.token), sign: keySigner({ credId: sa.credId, privateKey: sa.privateKey }) };
}

/** Delegated registration on the server, then the browser completes it as an end user with a wallet. */
async function registerEndUser(h: Harness, email: string, device = newDevice()) {
  const { server, sign } = await serviceAccount(h);
  const challenge = await initDelegatedRegistration(server, { email, kind: 'EndUser' }, { sign });
  const passkey = await createPasskey(challenge, { rp: RP, authenticator: device });
  const recovery = await createRecoveryKey({ challenge, origin: ORIGIN });
  const result = await completeEndUserRegistration(h.client(), {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: { firstFactorCredential: passkey, recoveryCredential: recovery.credential },
    wallets: [{ network: 'EthereumSepolia', name: 'Main' }],
  });
  return { server, sign, device, challenge, result, recovery };
}

describe('delegated flows through the kit', () => {
  it('registers an end user delegated by a service account, and returns a token and the wallets', async () => {
    const h = createHarness();
    const { server, sign } = await serviceAccount(h);

    const { result: challenge, requests } = await h.count(() =>
      initDelegatedRegistration(server, { email: 'eve@example.com', kind: 'EndUser' }, { sign }),
    );
    expect(requests).toEqual(['POST /auth/action/init', 'POST /auth/action', 'POST /auth/registration/delegated']);
    expect(challenge.user.name).toBe('eve@example.com');

    const device = newDevice();
    const passkey = await createPasskey(challenge, { rp: RP, authenticator: device });
    const recovery = await createRecoveryKey({ challenge, origin: ORIGIN });
    const { result, requests: completion } = await h.count(() =>
      completeEndUserRegistration(h.client(), {
        temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
        credentials: { firstFactorCredential: passkey, recoveryCredential: recovery.credential },
        wallets: [{ network: 'EthereumSepolia' }],
      }),
    );

    expect(completion).toEqual(['POST /auth/registration/enduser']);
    expect(tokenUserId(result.authentication.token)).toBe(challenge.user.id);
    expect(result.wallets.map((w) => w.network)).toEqual(['EthereumSepolia']);
    const list = await listCredentials(h.client(result.authentication.token));
    expect(list.items.map((c) => c.kind).sort()).toEqual(['Fido2', 'RecoveryKey']);
    // The end user can log in with the passkey the browser made.
    expect(tokenUserId(await loginWithPasskey(h, 'eve@example.com', device))).toBe(challenge.user.id);
  });

  it('logs an end user in for the service account without any passkey prompt', async () => {
    const h = createHarness();
    const { server, sign, result: registered } = await registerEndUser(h, 'eve@example.com');

    const { result, requests } = await h.count(() => delegatedLogin(server, { username: 'eve@example.com' }, { sign }));

    expect(requests).toEqual(['POST /auth/action/init', 'POST /auth/action', 'POST /auth/login/delegated']);
    expect(tokenUserId(result.token)).toBe(registered.user.id);
  });

  it('refuses delegated registration signed with a key that is not the service account\'s', async () => {
    const h = createHarness();
    const sa = await h.emulator.createServiceAccount({ name: 'Backend' });
    const other = await h.emulator.createServiceAccount({ name: 'Other' });
    // The right credential id, signed by the wrong private key: only the server can tell.
    const sign = keySigner({ credId: sa.credId, privateKey: other.privateKey });

    const refused = await initDelegatedRegistration(h.client(sa.token), { email: 'eve@example.com', kind: 'EndUser' }, { sign }).catch(
      (error: unknown) => error,
    );

    expect(refused).toBeInstanceOf(DfnsApiError);
    expect(refused).toMatchObject({ path: '/auth/action' });
    expect([401, 403]).toContain((refused as DfnsApiError).status);
    expect(h.emulator.users().map((u) => u.username)).not.toContain('eve@example.com');
  });

  it('starts a delegated recovery whose challenge offers the end user\'s recovery key', async () => {
    const h = createHarness();
    const { server, sign, recovery, challenge: registration } = await registerEndUser(h, 'eve@example.com');

    const { result: challenge, requests } = await h.count(() =>
      initDelegatedRecovery(server, { username: 'eve@example.com', credentialId: recovery.credId }, { sign }),
    );

    expect(requests).toEqual(['POST /auth/action/init', 'POST /auth/action', 'POST /auth/recover/user/delegated']);
    expect(challenge.user.id).toBe(registration.user.id);
    expect(challenge.allowedRecoveryCredentials.map((c) => c.id)).toEqual([recovery.credId]);
    expect(challenge.allowedRecoveryCredentials[0]?.encryptedRecoveryKey).toBe(recovery.credential.encryptedPrivateKey);
  });

  it('finishes a delegated recovery in the browser: the new passkey logs in, the old device is not offered', async () => {
    const h = createHarness();
    const { server, sign, recovery, device: oldDevice, challenge: registration } = await registerEndUser(h, 'eve@example.com');
    const challenge = await initDelegatedRecovery(server, { username: 'eve@example.com', credentialId: recovery.credId }, { sign });

    // The browser: unlock the old recovery key, make new credentials over the server challenge, sign them.
    const { encryptedRecoveryKey } = findRecoveryKey(challenge, recovery.credId);
    const privateKey = await unlockRecoveryKey({ encryptedRecoveryKey, recoveryCode: recovery.recoveryCode, username: challenge.user.name });
    const phone = newDevice();
    const passkey = await createPasskey(challenge, { rp: RP, authenticator: phone });
    const newRecovery = await createRecoveryKey({ challenge, origin: ORIGIN });
    const newCredentials = { firstFactorCredential: passkey, recoveryCredential: newRecovery.credential };
    const signed = await signRecovery({ newCredentials, credId: recovery.credId, privateKey, origin: ORIGIN });
    const { requests } = await h.count(() =>
      recoverUser(h.client(), {
        temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
        body: { recovery: signed.recovery, newCredentials },
      }),
    );

    expect(requests).toEqual(['POST /auth/recover/user']);
    expect(tokenUserId(await loginWithPasskey(h, 'eve@example.com', phone))).toBe(registration.user.id);
    await expect(loginWithPasskey(h, 'eve@example.com', oldDevice)).rejects.toMatchObject({ name: 'PasskeyError' });
  });
});
