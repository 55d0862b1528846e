/**
 * Registration and login through the kit's `./core` against the emulator: real passkeys from the
 * software authenticator, real recovery and key credentials, and the fewest requests the API allows.
 */
import { describe, expect, it } from 'vitest';
import {
  completeLogin,
  completeRegistration,
  createKeyCredential,
  DfnsApiError,
  initLogin,
  initRegistration,
  keySigner,
  listCredentials,
  signWithPasskey,
} from '../../src/core';
import { createHarness, newDevice } from './harness';
import { loginWithPasskey, registerWithPasskey, tokenUserId } from './kitFlows';

describe('standard registration and login through the kit', () => {
  it('registers a passkey and a recovery key in exactly two requests', async () => {
    const h = createHarness();
    const device = newDevice();
    const { result: user, requests } = await h.count(() => registerWithPasskey(h, 'jane@example.com', device));

    expect(requests).toEqual(['POST /auth/registration/init', 'POST /auth/registration']);
    const stored = h.emulator.credentials(user.userId);
    expect(stored.map((c) => c['kind']).sort()).toEqual(['Fido2', 'RecoveryKey']);
    expect(stored.find((c) => c['kind'] === 'RecoveryKey')?.credentialId).toBe(user.recoveryKeyId);
    expect(h.emulator.users().find((u) => u.userId === user.userId)?.isRegistered).toBe(true);
  });

  it('logs the registered user in with the passkey in exactly two requests', async () => {
    const h = createHarness();
    const device = newDevice();
    const user = await registerWithPasskey(h, 'jane@example.com', device);

    const { result: token, requests } = await h.count(() => loginWithPasskey(h, user.username, device));

    expect(requests).toEqual(['POST /auth/login/init', 'POST /auth/login']);
    expect(tokenUserId(token)).toBe(user.userId);
    const list = await listCredentials(h.client(token));
    expect(list.items.map((c) => c.credentialId)).toContain(user.passkeyCredId);
  });

  it('logs in without a username when the passkey is discoverable', async () => {
    const h = createHarness();
    const device = newDevice();
    const user = await registerWithPasskey(h, 'jane@example.com', device);

    const challenge = await initLogin(h.client(), {});
    expect(challenge.allowCredentials.webauthn).toEqual([]);
    const token = await loginWithPasskey(h, undefined, device);

    expect(tokenUserId(token)).toBe(user.userId);
  });

  it('refuses a passkey the user never registered', async () => {
    const h = createHarness();
    await registerWithPasskey(h, 'jane@example.com', newDevice());
    const stranger = newDevice();
    // The stranger's device holds a passkey for another user of the same rp.
    await registerWithPasskey(h, 'mallory@example.com', stranger);

    const client = h.client();
    const challenge = await initLogin(client, { username: 'jane@example.com' });
    // Drop allowCredentials so the stranger's device answers with its own passkey.
    const firstFactor = await signWithPasskey({ ...challenge, allowCredentials: { ...challenge.allowCredentials, webauthn: [] } }, {
      rp: { id: 'localhost' },
      authenticator: stranger,
    });
    const refused = await completeLogin(client, { challengeIdentifier: challenge.challengeIdentifier, firstFactor }).catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(DfnsApiError);
    expect((refused as DfnsApiError).status).toBeGreaterThanOrEqual(400);
  });

  it('registers a Key credential and logs in with keySigner', async () => {
    const h = createHarness();
    const { registrationCode } = h.emulator.createUser({ username: 'robot@example.com' });
    const client = h.client();
    const challenge = await initRegistration(client, { username: 'robot@example.com', registrationCode });
    const key = await createKeyCredential(challenge);
    const registered = await completeRegistration(client, {
      temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
      credentials: { firstFactorCredential: { ...key.attestation, credentialName: 'Server key' } },
    });
    expect(registered.credential.kind).toBe('Key');

    const { result, requests } = await h.count(async () => {
      const login = await initLogin(client, { username: 'robot@example.com' });
      expect(login.allowCredentials.key.map((c) => c.id)).toEqual([key.credId]);
      const firstFactor = await keySigner({ credId: key.credId, privateKey: key.privateKey })(login);
      return completeLogin(client, { challengeIdentifier: login.challengeIdentifier, firstFactor });
    });

    expect(requests).toHaveLength(2);
    expect('token' in result && tokenUserId(result.token)).toBe(registered.user.id);
  });
});
