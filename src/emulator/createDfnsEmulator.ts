import { checkAdminRequest, type HandleOptions } from './adminGuard';
import { ADMIN_PREFIX, handleAdminRequest } from './adminRoutes';
import { toBase64, toBase64Url } from './bytes';
import { corsHeaders } from './cors';
import { EmulatorEngine, type Route, type RouteRequest, type RouteResult } from './engine';
import { EmulatorHttpError, errorBody, tooManyRequests } from './EmulatorHttpError';
import { createFaults, type FaultController } from './faults';
import { dfnsId, humanCode, randomToken } from './ids';
import { createJwtKey } from './jwt';
import { matchPath, type RequestRule } from './matchPath';
import {
  checkPasskeySettings,
  DEFAULT_ORIGINS,
  DEFAULT_PASSKEY_SETTINGS,
  originPredicate,
  type DfnsEmulatorOptions,
  type EmulatorPasskeySettings,
  type ResolvedOptions,
} from './options';
import { actionRoutes } from './routes/actions';
import { credentialRoutes } from './routes/credentials';
import { loginRoutes } from './routes/login';
import { recoveryRoutes } from './routes/recovery';
import { registrationRoutes } from './routes/registration';
import { socialRoutes } from './routes/social';
import { createOidcIssuer, type EmulatorOidcIssuer } from './oidc/createOidcIssuer';
import { handleIdpRequest, IDP_PREFIX } from './oidc/idpPage';
import { attachSocialSetup, type SocialSetup } from './oidc/socialSetup';
import { userRoutes } from './routes/users';
import { walletRoutes } from './routes/wallets';
import { createState, type OutboxEmail, type UserKind } from './state';

const ROUTES: readonly Route[] = [
  ...registrationRoutes,
  ...loginRoutes,
  ...socialRoutes,
  ...recoveryRoutes,
  ...credentialRoutes,
  ...actionRoutes,
  ...walletRoutes,
  ...userRoutes,
];

/** A user as the inspection helpers show it (Dfns's user item). */
export type EmulatorUser = Record<string, unknown> & { userId: string; username: string; kind: UserKind; isRegistered: boolean };
/** A credential as the inspection helpers show it: Dfns's item plus its owner. */
export type EmulatorCredential = Record<string, unknown> & { credentialUuid: string; credentialId: string; isActive: boolean; userId: string };

/** A service account made by `createServiceAccount`, with the key it signs user actions with. */
export interface EmulatorServiceAccount {
  userId: string;
  /** Long-lived bearer token. */
  token: string;
  credId: string;
  /** ECDSA P-256 signing key (extractable, for tests). */
  privateKey: CryptoKey;
  /** The same key as PKCS#8 PEM, for signers such as `@dfns/sdk-keysigner`. */
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Serialisable state, for an inspection panel. */
export interface EmulatorSnapshot {
  orgId: string;
  rpId: string;
  users: EmulatorUser[];
  credentials: EmulatorCredential[];
  wallets: Record<string, unknown>[];
  outbox: OutboxEmail[];
  faults: ReturnType<FaultController['list']>;
  approvalRules: RequestRule[];
  rateLimitPerMinute: number | null;
}

/** An in-memory Dfns auth API. */
export interface DfnsEmulator {
  /**
   * Answers one Fetch API request, as the Dfns API would. Rejects with `TypeError` for a dropped
   * request. Paths under `/emulator/admin/` are the emulator-only admin API (see `handleAdminRequest`):
   * cross-site and non-JSON admin requests are refused, and with `options.adminSecret` so is any
   * admin request without that secret (see `checkAdminRequest`).
   */
  handle(request: Request, options?: HandleOptions): Promise<Response>;
  readonly orgId: string;
  readonly rpId: string;
  /** Creates a user and emails (to the outbox) a registration code. */
  createUser(input: { username: string; kind?: 'CustomerEmployee' | 'EndUser' }): { user: EmulatorUser; registrationCode: string };
  /** Creates a registered service account with a Key credential and a long-lived token. */
  createServiceAccount(input?: { name?: string }): Promise<EmulatorServiceAccount>;
  /** A login token for a user without any ceremony, for tests that start logged in. */
  loginAs(username: string): Promise<string>;
  /** Every email sent so far, oldest first. */
  readonly outbox: readonly OutboxEmail[];
  /** A copy of the outbox. */
  readOutbox(): OutboxEmail[];
  /** The latest code of `kind` sent to `username`, if any. */
  lastCode(username: string, kind: OutboxEmail['kind']): string | undefined;
  users(): EmulatorUser[];
  credentials(userId?: string): EmulatorCredential[];
  snapshot(): EmulatorSnapshot;
  /** Empties the state, faults, policies and rate limit, and takes back `advanceClock`; keeps org, rp id and options. */
  reset(): void;
  /** Per-endpoint fault injection. */
  readonly faults: FaultController;
  /** The approval switch: matching user-action-signed calls answer 202 instead of running. */
  readonly policies: { requireApproval(rule: RequestRule): void; clear(): void };
  /** Per-org requests per minute before 429; `undefined` removes the limit. */
  setRateLimit(perMinute: number | undefined): void;
  /** The organisation's passkey settings, which shape every challenge's `authenticatorSelection`. */
  readonly passkeySettings: Readonly<EmulatorPasskeySettings>;
  /** Changes some passkey settings (kept across `reset`, like the options); throws a TypeError for a bad value. */
  setPasskeySettings(settings: Partial<EmulatorPasskeySettings>): void;
  /**
   * A one-time credential code for `username` without the signed request (as `POST /auth/credentials/code`
   * makes), for tests and stories of the new-device side; `ttlMs` may be 0 or less for one already expired.
   */
  issueCredentialCode(username: string, ttlMs?: number): string;
  /** Moves the emulator's clock `ms` ahead (codes, challenges and tokens expire); returns the new time in epoch ms. */
  advanceClock(ms: number): number;
  /** The test OIDC identity provider the org allows for social login: mint id tokens with `idTokenFor(email)`. */
  readonly oidc: EmulatorOidcIssuer;
  /** The org's SSO: its client id, and which users must sign in through it. */
  readonly sso: {
    readonly clientId: string;
    /** From now on `/auth/login` answers this user `{ ssoClientId }` instead of a token. */
    requireFor(username: string): void;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Options with defaults applied. */
function resolveOptions(options: DfnsEmulatorOptions): ResolvedOptions {
  const rpId = options.rpId ?? 'localhost';
  return {
    rpId,
    rpName: options.rpName ?? 'Dfns Emulator',
    isOriginAllowed: originPredicate(options.origins ?? DEFAULT_ORIGINS, rpId),
    orgId: options.orgId ?? dfnsId('or'),
    now: options.now ?? Date.now,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    challengeTtlSeconds: options.challengeTtlSeconds ?? 300,
    latencyMs: options.latencyMs ?? 0,
    codeAttemptLimit: options.codeAttemptLimit ?? 5,
    codeLockoutSeconds: options.codeLockoutSeconds ?? 60,
    passkeySettings: { ...DEFAULT_PASSKEY_SETTINGS, ...checkPasskeySettings({ ...options.passkeySettings }) },
  };
}

/** A JSON response with CORS headers. */
function json(status: number, body: unknown, cors: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...cors } });
}

/**
 * Creates an in-memory Dfns auth API that verifies every ceremony for real.
 * @example
 * const emulator = createDfnsEmulator({ origins: '*' });
 * const { registrationCode } = emulator.createUser({ username: 'jane@example.com' });
 * const response = await emulator.handle(new Request('http://localhost/auth/registration/init', {
 *   method: 'POST',
 *   body: JSON.stringify({ orgId: emulator.orgId, username: 'jane@example.com', registrationCode }),
 * }));
 */
export function createDfnsEmulator(options: DfnsEmulatorOptions = {}): DfnsEmulator {
  const resolved = resolveOptions(options);
  // Tests move time forward without a clock of their own (e.g. over HTTP): an offset on the configured one.
  const baseNow = resolved.now;
  let clockOffset = 0;
  resolved.now = () => baseNow() + clockOffset;
  const state = createState();
  const engine = new EmulatorEngine(resolved, state, createJwtKey());
  const faults = createFaults();
  const oidc = createOidcIssuer({
    issuer: options.social?.issuer ?? 'https://oidc.dfns-emulator.test',
    clientId: options.social?.clientId ?? 'dfns-emulator-social-client',
    now: () => engine.now(),
  });
  const social: SocialSetup = {
    issuer: oidc,
    providers: [oidc],
    allowSocialRegistration: options.social?.allowRegistration ?? true,
    ssoClientId: options.sso?.clientId ?? 'dfns-emulator-sso-client',
    ssoRequired: new Set(),
    sessions: new Map(),
    codes: new Map(),
  };
  attachSocialSetup(engine, social);
  // One request runs at a time so single-use checks cannot interleave; delays stay outside.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(run: () => Promise<T>): Promise<T> => {
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  const userView = (id: string): EmulatorUser => engine.userView(engine.userById(id)) as EmulatorUser;
  const credentialViews = (userId?: string): EmulatorCredential[] =>
    [...state.credentials.values()]
      .filter((c) => userId === undefined || c.userId === userId)
      .map((c) => ({ ...engine.credentialView(c), userId: c.userId }) as EmulatorCredential);

  async function route(request: Request, method: string, path: string, cors: Record<string, string>): Promise<Response> {
    engine.prune();
    if (state.rateLimitPerMinute !== undefined) {
      const now = engine.now();
      state.requestTimes = state.requestTimes.filter((t) => t > now - 60_000);
      if (state.requestTimes.length >= state.rateLimitPerMinute) {
        const limited = tooManyRequests('rate limit exceeded, retry later', state.requestTimes[0]! + 60_000 - now);
        return json(429, errorBody(429, limited.message, limited.details), { ...cors, ...limited.headers });
      }
      state.requestTimes.push(now);
    }
    let params: Record<string, string> | undefined;
    const found = ROUTES.find((r) => r.method === method && (params = matchPath(r.path, path)) !== undefined);
    if (!found || !params) return json(404, errorBody(404, `no endpoint ${method} ${path}`), cors);
    const rawBody = method === 'GET' ? '' : await request.text();
    let body: unknown;
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return json(400, errorBody(400, 'request body is not valid JSON'), cors);
      }
    }
    const req: RouteRequest = { method, path, params, headers: request.headers, rawBody, body, origin: request.headers.get('origin'), url: request.url };
    let result: RouteResult;
    try {
      result = await found.handle(engine, req);
    } catch (error) {
      if (error instanceof EmulatorHttpError) return json(error.status, errorBody(error.status, error.message, error.details), { ...cors, ...error.headers });
      return json(500, errorBody(500, 'internal emulator error', { reason: error instanceof Error ? error.message : String(error) }), cors);
    }
    return json(result.status, result.body, cors);
  }

  const emulator: DfnsEmulator = {
    orgId: resolved.orgId,
    rpId: resolved.rpId,
    faults,
    get outbox() {
      return state.outbox;
    },

    async handle(request, options = {}) {
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      const path = url.pathname.replace(/\/+$/, '') || '/';
      const origin = request.headers.get('origin');
      const cors = corsHeaders(origin, resolved.isOriginAllowed);
      try {
        // Path parameters are percent-decoded later; a malformed escape is the client's error, not a crash.
        decodeURIComponent(path);
      } catch {
        return json(400, errorBody(400, 'the request path is not valid percent-encoding'), cors);
      }
      if (method === 'OPTIONS') {
        return origin && Object.keys(cors).length === 0
          ? json(403, errorBody(403, `origin ${origin} is not allowed`), cors)
          : new Response(null, { status: 204, headers: cors });
      }
      // Emulator-only seeding and inspection for other processes; no faults or rate limit apply.
      if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) {
        try {
          checkAdminRequest(request, method, { adminSecret: options.adminSecret, isOriginAllowed: resolved.isOriginAllowed });
          const { status, body } = await handleAdminRequest(emulator, method, path, request);
          return json(status, body, cors);
        } catch (error) {
          if (error instanceof EmulatorHttpError) return json(error.status, errorBody(error.status, error.message, error.details), cors);
          return json(500, errorBody(500, 'internal emulator error'), cors);
        }
      }
      // The test identity provider's pages (HTML and a redirect, not the Dfns API): no faults apply.
      if (path.startsWith(`${IDP_PREFIX}/`)) return serialized(() => handleIdpRequest(engine, request, path));
      const fault = faults.take(method, path);
      if (fault?.latencyMs) await sleep(fault.latencyMs);
      if (fault?.drop) throw new TypeError('Failed to fetch');
      if (fault && (fault.status !== undefined || fault.body !== undefined)) {
        const status = fault.status ?? 500;
        const headers = { ...fault.headers, ...cors };
        return fault.body !== undefined
          ? new Response(fault.body, { status, headers })
          : json(status, errorBody(status, 'injected fault'), headers);
      }
      if (resolved.latencyMs > 0) await sleep(resolved.latencyMs);
      return serialized(() => route(request, method, path, cors));
    },

    createUser({ username, kind = 'CustomerEmployee' }) {
      const user = engine.createUser({ username, kind });
      return { user: userView(user.id), registrationCode: user.registrationCode ?? '' };
    },

    async createServiceAccount({ name = 'Service Account' } = {}) {
      const keys = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
      const pem = (label: string, der: ArrayBuffer) =>
        `-----BEGIN ${label}-----\n${(toBase64(new Uint8Array(der)).match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----`;
      const publicKeyPem = pem('PUBLIC KEY', await globalThis.crypto.subtle.exportKey('spki', keys.publicKey));
      const privateKeyPem = pem('PRIVATE KEY', await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
      const user = engine.createUser({ username: `${randomToken(8).toLowerCase()}@serviceaccount`, kind: 'ServiceAccount', name });
      user.isRegistered = true;
      const credId = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
      engine.storeCredentials([
        {
          uuid: dfnsId('cr'),
          credId,
          userId: user.id,
          kind: 'Key',
          name,
          publicKey: publicKeyPem,
          counter: 0,
          isActive: true,
          dateCreated: engine.iso(),
          origin: '',
          relyingPartyId: resolved.rpId,
        },
      ]);
      // Service account tokens are long-lived in Dfns; ten years stands in for "until revoked".
      const token = await engine.issue(user, { kind: 'session' }, 10 * 365 * 24 * 3600);
      return { userId: user.id, token, credId, privateKey: keys.privateKey, privateKeyPem, publicKeyPem };
    },

    async loginAs(username) {
      const user = engine.userInOrg(resolved.orgId, username);
      return engine.issue(user, { kind: 'session' }, resolved.tokenTtlSeconds);
    },

    readOutbox: () => state.outbox.map((email) => ({ ...email })),
    lastCode(username, kind) {
      const wanted = username.toLowerCase();
      return state.outbox.findLast((email) => email.to.toLowerCase() === wanted && email.kind === kind)?.code;
    },
    users: () => [...state.users.keys()].map(userView),
    credentials: credentialViews,
    snapshot: () => ({
      orgId: resolved.orgId,
      rpId: resolved.rpId,
      users: [...state.users.keys()].map(userView),
      credentials: credentialViews(),
      wallets: [...state.wallets.values()].map((w) => ({ ...w })),
      outbox: state.outbox.map((email) => ({ ...email })),
      faults: faults.list(),
      approvalRules: state.approvalRules.map((rule) => ({ ...rule })),
      rateLimitPerMinute: state.rateLimitPerMinute ?? null,
    }),
    reset() {
      Object.assign(state, createState());
      clockOffset = 0;
      faults.clear();
      social.ssoRequired.clear();
      social.sessions.clear();
      social.codes.clear();
    },
    policies: {
      requireApproval(rule) {
        state.approvalRules.push({ method: rule.method?.toUpperCase(), path: rule.path });
      },
      clear() {
        state.approvalRules = [];
      },
    },
    issueCredentialCode(username, ttlMs = 60_000) {
      const user = [...state.users.values()].find((u) => u.username === username);
      if (!user) throw new TypeError(`no user ${username}`);
      const code = humanCode();
      state.credentialCodes.set(code, { code, userId: user.id, expiresAt: engine.now() + ttlMs, used: false });
      return code;
    },
    advanceClock(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new TypeError('advanceClock takes a number of milliseconds >= 0');
      clockOffset += ms;
      return resolved.now();
    },
    setRateLimit(perMinute) {
      state.rateLimitPerMinute = perMinute;
      state.requestTimes = [];
    },
    get passkeySettings() {
      return { ...resolved.passkeySettings };
    },
    setPasskeySettings(settings) {
      Object.assign(resolved.passkeySettings, checkPasskeySettings({ ...settings }));
    },
    oidc,
    sso: {
      clientId: social.ssoClientId,
      requireFor(username) {
        social.ssoRequired.add(engine.userInOrg(resolved.orgId, username).id);
      },
    },
  };
  return emulator;
}
