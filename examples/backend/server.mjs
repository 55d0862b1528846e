/**
 * A customer's backend for the delegated flows, as Dfns documents them: it holds a SERVICE ACCOUNT
 * and calls Dfns with Dfns's official SDK (`@dfns/sdk` + `@dfns/sdk-keysigner`), so the browser
 * never sees the service account's token or key.
 *
 *   POST /api/register/delegated  { username }                → Dfns's delegated registration challenge
 *   POST /api/login/delegated     { username }                → { token } (delegated login, no passkey)
 *   POST /api/recover/delegated   { username, credentialId }  → Dfns's delegated recovery challenge
 *
 * Environment: DFNS_API_URL (the emulator or Dfns), DFNS_ORG_ID, APP_ORIGIN (for CORS), PORT (0 = any).
 * Against the emulator the service account comes from `POST /emulator/admin/service-accounts`,
 * with DFNS_EMULATOR_ADMIN_SECRET (the `adminSecret` the emulator printed at start);
 * against Dfns set DFNS_SERVICE_TOKEN, DFNS_CRED_ID and DFNS_PRIVATE_KEY instead.
 * Prints one JSON line `{ "url": "http://localhost:<port>" }` once it listens.
 */
import { createServer } from 'node:http';
import { DfnsApiClient, DfnsError } from '@dfns/sdk';
import { AsymmetricKeySigner } from '@dfns/sdk-keysigner';

const apiUrl = required('DFNS_API_URL');
const orgId = required('DFNS_ORG_ID');
const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:5173';
const port = Number(process.env.PORT ?? 0);

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`examples/backend: set ${name}`);
    process.exit(2);
  }
  return value;
}

/** The service account: from the environment for Dfns, from the emulator's admin API otherwise. */
async function serviceAccount() {
  if (process.env.DFNS_SERVICE_TOKEN) {
    return { token: process.env.DFNS_SERVICE_TOKEN, credId: required('DFNS_CRED_ID'), privateKeyPem: required('DFNS_PRIVATE_KEY') };
  }
  const response = await fetch(`${apiUrl}/emulator/admin/service-accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-emulator-admin-secret': required('DFNS_EMULATOR_ADMIN_SECRET') },
    body: JSON.stringify({ name: 'example backend' }),
  });
  if (response.status !== 201) throw new Error(`the emulator refused a service account: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

const account = await serviceAccount();
const dfns = new DfnsApiClient({
  baseUrl: apiUrl,
  orgId,
  authToken: account.token,
  signer: new AsymmetricKeySigner({ credId: account.credId, privateKey: account.privateKeyPem }),
});

/** The routes: each reads a JSON body and answers with what Dfns answered. */
const routes = {
  'POST /api/register/delegated': ({ username }) =>
    dfns.auth.createDelegatedRegistrationChallenge({ body: { kind: 'EndUser', email: text(username, 'username') } }),
  'POST /api/login/delegated': ({ username }) => dfns.auth.delegatedLogin({ body: { username: text(username, 'username') } }),
  'POST /api/recover/delegated': ({ username, credentialId }) =>
    dfns.auth.createDelegatedRecoveryChallenge({
      body: { username: text(username, 'username'), credentialId: text(credentialId, 'credentialId') },
    }),
};

class BadRequest extends Error {}

function text(value, field) {
  if (typeof value !== 'string' || value.trim() === '') throw new BadRequest(`${field} is required`);
  return value;
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw.trim() === '') return {};
  try {
    const parsed = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
  } catch {
    // answered below
  }
  throw new BadRequest('the body must be a JSON object');
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', ...cors() });
  res.end(JSON.stringify(body));
}

function cors() {
  return {
    'access-control-allow-origin': appOrigin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type',
    vary: 'origin',
  };
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors());
    res.end();
    return;
  }
  const route = routes[`${req.method} ${path}`];
  if (!route) {
    send(res, 404, { error: { message: `no route ${req.method} ${path}` } });
    return;
  }
  readJson(req)
    .then((body) => route(body))
    .then((answer) => send(res, 200, answer))
    .catch((error) => {
      if (error instanceof BadRequest) return send(res, 400, { error: { message: error.message } });
      // Dfns's own answer goes back as it was (status and error body), so the kit reports it
      // with its usual codes; nothing about the service account is in it.
      if (error instanceof DfnsError && error.httpStatus >= 400) {
        return send(res, error.httpStatus, error.context?.body ?? { error: { message: error.message } });
      }
      console.error(`examples/backend: ${req.method} ${path} failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      return send(res, 502, { error: { message: 'the backend could not reach Dfns' } });
    });
});

server.listen(port, 'localhost', () => {
  const address = server.address();
  console.log(JSON.stringify({ url: `http://localhost:${address.port}` }));
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
