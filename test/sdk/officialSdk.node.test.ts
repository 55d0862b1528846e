/**
 * Dfns's official SDK (`@dfns/sdk@0.8.3`, `@dfns/sdk-keysigner@0.8.3`) against the emulator CLI run
 * as a child process (`node dist/cli.js --port 0`): if the SDK cannot complete a flow, the emulator
 * is wrong. Seeding (service accounts) goes through the emulator-only `/emulator/admin/*` routes.
 */
import { DfnsApiClient, DfnsAuthenticator, DfnsDelegatedApiClient, DfnsError } from '@dfns/sdk';
import { AsymmetricKeySigner } from '@dfns/sdk-keysigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorProcess, type EmulatorProcess } from './emulatorProcess';
import { NodeKeyCredential } from './nodeKeyCredential';

let emulator: EmulatorProcess;
let baseUrl = '';
let orgId = '';

beforeAll(async () => {
  emulator = await startEmulatorProcess(['--port', '0', '--origin', 'http://localhost:6006']);
  ({ url: baseUrl, orgId } = emulator.banner);
}, 60_000);

afterAll(async () => {
  await emulator?.stop();
});

/** Calls an emulator-only admin route. */
async function admin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/emulator/admin${path}`, {
    method,
    headers: { 'x-emulator-admin-secret': emulator.banner.adminSecret, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`admin ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface SeededServiceAccount {
  userId: string;
  token: string;
  credId: string;
  privateKeyPem: string;
}

/** A service account seeded over HTTP, as the SDK's server-side client. */
async function serviceAccountClient(): Promise<{ sa: SeededServiceAccount; client: DfnsApiClient }> {
  const sa = await admin<SeededServiceAccount>('POST', '/service-accounts', { name: 'Backend' });
  const signer = new AsymmetricKeySigner({ credId: sa.credId, privateKey: sa.privateKeyPem });
  return { sa, client: new DfnsApiClient({ baseUrl, orgId, authToken: sa.token, signer }) };
}

/** Delegated registration of an end user with a Key credential, a recovery key and one wallet. */
async function registerEndUser(client: DfnsApiClient, email: string) {
  const challenge = await client.auth.createDelegatedRegistrationChallenge({ body: { kind: 'EndUser', email } });
  const key = new NodeKeyCredential();
  const recoveryKey = new NodeKeyCredential();
  const registered = await new DfnsApiClient({ baseUrl, authToken: challenge.temporaryAuthenticationToken }).auth.registerEndUser({
    body: {
      firstFactorCredential: await key.create(challenge),
      recoveryCredential: recoveryKey.createRecoveryKey(challenge),
      wallets: [{ network: 'EthereumSepolia' }],
    },
  });
  return { challenge, key, recoveryKey, registered };
}

describe('Dfns official SDK against the emulator CLI', () => {
  it('prints a JSON banner with the real URL when started on port 0', () => {
    expect(baseUrl).toMatch(/^http:\/\/localhost:\d+$/);
    expect(baseUrl).not.toBe('http://localhost:0');
    expect(emulator.banner.origins).toEqual(['http://localhost:6006']);
  });

  it('registers the seeded user with a Key credential and logs in with DfnsAuthenticator', async () => {
    const key = new NodeKeyCredential();
    const authenticator = new DfnsAuthenticator({ baseUrl, signer: key });
    const { username, registrationCode } = emulator.banner;

    const registered = await authenticator.register({ orgId, username, registrationCode });
    expect(registered.credential.kind).toBe('Key');
    const { token } = await authenticator.login({ orgId, username });

    const client = new DfnsApiClient({ baseUrl, orgId, authToken: token, signer: key });
    const { items } = await client.auth.listCredentials();
    expect(items.map((c) => c.credentialId)).toEqual([key.credId]);
    const wallet = await client.wallets.createWallet({ body: { network: 'EthereumSepolia' } });
    expect(wallet.network).toBe('EthereumSepolia');
  });

  it('lets a service account create a wallet with user action signing', async () => {
    const { sa, client } = await serviceAccountClient();

    const wallet = await client.wallets.createWallet({ body: { network: 'EthereumSepolia', name: 'Treasury' } });

    expect(wallet).toMatchObject({ network: 'EthereumSepolia', name: 'Treasury' });
    const snapshot = await admin<{ wallets: { id: string; userId: string }[] }>('GET', '/snapshot');
    expect(snapshot.wallets).toContainEqual(expect.objectContaining({ id: wallet.id, userId: sa.userId }));
  });

  it('refuses a user action signed by a key that is not the service account\'s', async () => {
    const { sa } = await serviceAccountClient();
    const other = new NodeKeyCredential();
    const signer = new AsymmetricKeySigner({ credId: sa.credId, privateKey: other.privateKeyPem });
    const client = new DfnsApiClient({ baseUrl, orgId, authToken: sa.token, signer });

    const refused = await client.wallets.createWallet({ body: { network: 'EthereumSepolia' } }).catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(DfnsError);
    expect([401, 403]).toContain((refused as DfnsError).httpStatus);
  });

  it('registers an end user by delegation and returns a token and the wallet', async () => {
    const { client } = await serviceAccountClient();

    const { challenge, registered, key } = await registerEndUser(client, 'eve@example.com');

    expect(registered.user.id).toBe(challenge.user.id);
    expect(registered.wallets.map((w) => w.network)).toEqual(['EthereumSepolia']);
    const endUser = new DfnsApiClient({ baseUrl, orgId, authToken: registered.authentication.token, signer: key });
    const { items } = await endUser.auth.listCredentials();
    expect(items.map((c) => c.kind).sort()).toEqual(['Key', 'RecoveryKey']);
  });

  it('logs an end user in by delegation and relays a user action through DfnsDelegatedApiClient', async () => {
    const { client } = await serviceAccountClient();
    const { key, registered } = await registerEndUser(client, 'dana@example.com');

    const { token } = await client.auth.delegatedLogin({ body: { username: 'dana@example.com' } });
    // Server side: init with the end user's token; the "browser" signs; the server completes.
    const delegated = new DfnsDelegatedApiClient({ baseUrl, orgId, authToken: token });
    const request = { body: { network: 'EthereumSepolia' as const, name: 'Relayed' } };
    const challenge = await delegated.wallets.createWalletInit(request);
    const firstFactor = await key.sign(challenge);
    const wallet = await delegated.wallets.createWalletComplete(request, { challengeIdentifier: challenge.challengeIdentifier, firstFactor });

    expect(wallet).toMatchObject({ network: 'EthereumSepolia', name: 'Relayed' });
    const snapshot = await admin<{ wallets: { id: string; userId: string }[] }>('GET', '/snapshot');
    expect(snapshot.wallets).toContainEqual(expect.objectContaining({ id: wallet.id, userId: registered.user.id }));
  });

  it('recovers an end user by delegation: the new key logs in, the old one is refused', async () => {
    const { client } = await serviceAccountClient();
    const { key: oldKey, recoveryKey } = await registerEndUser(client, 'rita@example.com');

    const challenge = await client.auth.createDelegatedRecoveryChallenge({
      body: { username: 'rita@example.com', credentialId: recoveryKey.credId },
    });
    expect(challenge.allowedRecoveryCredentials.map((c) => c.id)).toEqual([recoveryKey.credId]);
    const newKey = new NodeKeyCredential();
    const newRecoveryKey = new NodeKeyCredential();
    const newCredentials = {
      firstFactorCredential: await newKey.create(challenge),
      recoveryCredential: newRecoveryKey.createRecoveryKey(challenge),
    };
    const recovered = await new DfnsApiClient({ baseUrl, authToken: challenge.temporaryAuthenticationToken }).auth.recover({
      body: { recovery: recoveryKey.signRecovery(newCredentials), newCredentials },
    });
    expect(recovered.user.username).toBe('rita@example.com');

    await expect(new DfnsAuthenticator({ baseUrl, signer: newKey }).login({ orgId, username: 'rita@example.com' })).resolves.toHaveProperty('token');
    // The old key is no longer offered, so Dfns's own signer refuses before sending anything.
    await expect(new DfnsAuthenticator({ baseUrl, signer: oldKey }).login({ orgId, username: 'rita@example.com' })).rejects.toThrow(
      /does not match allowed credentials/,
    );
  });

  it('answers admin routes only under /emulator/admin and lists the outbox', async () => {
    const { registrationCode } = await admin<{ registrationCode: string }>('POST', '/users', { username: 'sam@example.com' });
    const outbox = await admin<{ items: { to: string; kind: string; code: string }[] }>('GET', '/outbox');
    expect(outbox.items).toContainEqual(expect.objectContaining({ to: 'sam@example.com', kind: 'registration', code: registrationCode }));
    const unknown = await fetch(`${baseUrl}/emulator/admin/nothing`, { headers: { 'x-emulator-admin-secret': emulator.banner.adminSecret } });
    expect(unknown.status).toBe(404);
  });

  it('prints a fresh admin secret and refuses admin calls without it', async () => {
    expect(emulator.banner.adminSecret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const refused = await fetch(`${baseUrl}/emulator/admin/service-accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(401);
    expect(JSON.stringify(await refused.json())).not.toContain('PRIVATE KEY');
  });
});
