import { join } from 'node:path';
import { startStaticServer } from './serve.mjs';
import { buildExampleApp, examplePageUrl, kitDist, ROOT, spawnNode, type AppParams } from './stack';

/** The variables that point the e2e suite at a Dfns organisation instead of the emulator. */
export const REMOTE_VARIABLES = [
  'DFNS_API_URL',
  'DFNS_ORG_ID',
  'DFNS_SERVICE_ACCOUNT_TOKEN',
  'DFNS_SERVICE_ACCOUNT_CRED_ID',
  'DFNS_SERVICE_ACCOUNT_PRIVATE_KEY',
] as const;

/** A Dfns organisation (or anything that speaks its API) and a service account of it. */
export interface RemoteTarget {
  apiUrl: string;
  orgId: string;
  serviceAccount: { token: string; credId: string; privateKeyPem: string };
  /** The rp id allowed in the org's Passkey Settings (`DFNS_RP_ID`, default `localhost`). */
  rpId: string;
  /** The page origin allowed there (`DFNS_APP_ORIGIN`, default `http://localhost:4173`); the app is served on its port. */
  appOrigin: string;
}

/** The target the environment names, or the variables it lacks. */
export function remoteTargetFromEnv(env: NodeJS.ProcessEnv = process.env): { target: RemoteTarget | undefined; missing: string[] } {
  const missing = REMOTE_VARIABLES.filter((name) => !env[name]);
  if (missing.length > 0) return { target: undefined, missing };
  return {
    target: {
      apiUrl: env['DFNS_API_URL']!.replace(/\/+$/, ''),
      orgId: env['DFNS_ORG_ID']!,
      serviceAccount: {
        token: env['DFNS_SERVICE_ACCOUNT_TOKEN']!,
        credId: env['DFNS_SERVICE_ACCOUNT_CRED_ID']!,
        // A PEM in one environment line usually arrives with its line breaks written as \n.
        privateKeyPem: env['DFNS_SERVICE_ACCOUNT_PRIVATE_KEY']!.replace(/\\n/g, '\n'),
      },
      rpId: env['DFNS_RP_ID'] ?? 'localhost',
      appOrigin: env['DFNS_APP_ORIGIN'] ?? 'http://localhost:4173',
    },
    missing: [],
  };
}

/** The example app and its backend, talking to a remote Dfns: no admin routes, no inbox. */
export interface RemoteStack {
  appUrl: string;
  apiUrl: string;
  orgId: string;
  backendUrl: string;
  pageUrl(params?: AppParams): string;
  stop(): Promise<void>;
}

/**
 * Serves the example app at the target's allowed origin (its host must be localhost) and starts
 * the example backend with the target's service account (Dfns's own `@dfns/sdk`).
 */
export async function startRemoteStack(target: RemoteTarget): Promise<RemoteStack> {
  const origin = new URL(target.appOrigin);
  if (origin.hostname !== 'localhost') throw new Error(`DFNS_APP_ORIGIN must be http://localhost:<port> here, got ${target.appOrigin}`);
  const appDist = buildExampleApp(kitDist());
  const stops: (() => Promise<void>)[] = [];
  try {
    const app = await startStaticServer({ root: appDist, port: Number(origin.port || 80) });
    stops.push(app.close);
    const backend = await spawnNode<{ url: string }>([join(ROOT, 'examples/backend/server.mjs')], {
      DFNS_API_URL: target.apiUrl,
      DFNS_ORG_ID: target.orgId,
      DFNS_SERVICE_TOKEN: target.serviceAccount.token,
      DFNS_CRED_ID: target.serviceAccount.credId,
      DFNS_PRIVATE_KEY: target.serviceAccount.privateKeyPem,
      DFNS_EMULATOR_ADMIN_SECRET: '',
      APP_ORIGIN: app.url,
      PORT: '0',
    });
    stops.push(backend.stop);
    const api = { apiUrl: target.apiUrl, orgId: target.orgId, backendUrl: backend.banner.url, rpId: target.rpId };
    return {
      appUrl: app.url,
      apiUrl: target.apiUrl,
      orgId: target.orgId,
      backendUrl: backend.banner.url,
      pageUrl: (params = {}) => examplePageUrl(app.url, api, params),
      stop: async () => {
        for (const stop of stops.reverse()) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop();
    throw error;
  }
}
