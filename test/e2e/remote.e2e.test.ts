/**
 * The e2e flows that need no inbox, against a Dfns organisation (issue 16 item 5). With
 * DFNS_API_URL, DFNS_ORG_ID and a service account (DFNS_SERVICE_ACCOUNT_TOKEN, _CRED_ID,
 * _PRIVATE_KEY) they run against that org; without them that part is skipped, by name, saying
 * why. The same flows always run against `dfns-emulator` started as if it were a remote Dfns: its
 * CLI in its own process, a service account made through its admin routes, and nothing else of
 * the emulator used (no outbox, no admin calls from the flows).
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { defineRemoteFlows } from './support/remoteFlows';
import { REMOTE_VARIABLES, remoteTargetFromEnv, type RemoteTarget } from './support/remoteTarget';
import { kitDist, spawnNode } from './support/stack';

const fromEnv = remoteTargetFromEnv();

describe('against the Dfns organisation in DFNS_API_URL', () => {
  if (fromEnv.target === undefined) {
    const why = `skipped: set ${REMOTE_VARIABLES.join(', ')} to run against a Dfns org (missing: ${fromEnv.missing.join(', ')}); README "End to end against a Dfns organisation"`;
    // The one line the run prints about it, besides the skipped test of the same name.
    console.log(`remote Dfns e2e ${why}`);
    it.skip(why, () => {});
  } else {
    const target = fromEnv.target;
    defineRemoteFlows(async () => target);
  }
});

/** A port nothing listens on now, for an origin the emulator must allow before the app serves it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('against npx dfns-emulator, as if it were a remote Dfns', () => {
  let stopEmulator: (() => Promise<void>) | undefined;
  defineRemoteFlows(async (): Promise<RemoteTarget> => {
    const appOrigin = `http://localhost:${await freePort()}`;
    const emulator = await spawnNode<{ url: string; orgId: string; adminSecret: string }>([
      join(kitDist(), 'cli.js'),
      ...['--port', '0', '--origin', appOrigin, '--rp-id', 'localhost'],
    ]);
    stopEmulator = emulator.stop;
    const response = await fetch(`${emulator.banner.url}/emulator/admin/service-accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-emulator-admin-secret': emulator.banner.adminSecret },
      body: JSON.stringify({ name: 'remote-target proof' }),
    });
    if (response.status !== 201) throw new Error(`no service account: HTTP ${response.status} ${await response.text()}`);
    const account = (await response.json()) as { token: string; credId: string; privateKeyPem: string };
    // Exactly what a maintainer exports for a real org (the PEM on one line, as in a .env file).
    const { target, missing } = remoteTargetFromEnv({
      DFNS_API_URL: emulator.banner.url,
      DFNS_ORG_ID: emulator.banner.orgId,
      DFNS_SERVICE_ACCOUNT_TOKEN: account.token,
      DFNS_SERVICE_ACCOUNT_CRED_ID: account.credId,
      DFNS_SERVICE_ACCOUNT_PRIVATE_KEY: account.privateKeyPem.replace(/\n/g, '\\n'),
      DFNS_APP_ORIGIN: appOrigin,
    });
    if (!target) throw new Error(`missing ${missing.join(', ')}`);
    return target;
  });
  afterAll(async () => {
    await stopEmulator?.();
  });
});
