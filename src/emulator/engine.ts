import type {
  AllowCredentials,
  CredentialKind,
  RegistrationChallenge,
  SigningChallenge,
  SupportedCredentialKind,
} from '../api/types';
import { toBase64Url, toHex, utf8 } from './bytes';
import { asObject, optionalObject, optionalString, requireObject, requireOneOf, requireString, type JsonObject } from './bodyChecks';
import { badRequest, conflict, forbidden, notFound, tooManyRequests, unauthorized, type EmulatorHttpError } from './EmulatorHttpError';
import { cosePublicKeyToPem } from './cosePublicKeyToPem';
import { verifyFido2Assertion, verifyFido2Attestation } from './fido2';
import { dfnsId, humanCode, randomToken } from './ids';
import { ruleMatches } from './matchPath';
import { signJwt, verifyJwt } from './jwt';
import { verifyKeyAssertion, verifyKeyAttestation } from './keyCredential';
import type { ResolvedOptions } from './options';
import type {
  CredentialRecord,
  EmulatorState,
  Grant,
  GrantKind,
  OutboxEmail,
  TokenRecord,
  UserKind,
  UserRecord,
  WalletRecord,
} from './state';

/** A request as routes see it: body read once, both raw (for user action equality) and parsed. */
export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  headers: Headers;
  rawBody: string;
  body: unknown;
  /** The `Origin` header, for credentials whose client data carries no origin. */
  origin: string | null;
  /** The full request URL, for answers that point back at the emulator (the SSO identity provider). */
  url?: string | undefined;
}

/** What a route answers: a status and a JSON body. */
export interface RouteResult {
  status: number;
  body: unknown;
}

/** One endpoint: method, path pattern (`:param` segments) and handler. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handle: (engine: EmulatorEngine, req: RouteRequest) => Promise<RouteResult>;
}

/** A 200 JSON answer. */
export function ok(body: unknown): RouteResult {
  return { status: 200, body };
}

/** Kinds a credential can be created with in the emulator. */
const CREATABLE_KINDS = ['Fido2', 'Key', 'PasswordProtectedKey', 'RecoveryKey'] as const;
/** Kinds that can answer a login or user action challenge. */
const SIGNING_KINDS = ['Fido2', 'Key', 'PasswordProtectedKey'] as const;

/** How long an expired credential code is remembered, to tell it from a mistyped one. */
const SPENT_CODE_MEMORY_MS = 10 * 60_000;

/** How often, in emulator clock time, expired state is pruned. */
const PRUNE_INTERVAL_MS = 10_000;
/** Token count that triggers a prune before the interval is up. */
const TOKEN_SOFT_LIMIT = 20_000;
/** Token count kept at most even when nothing has expired (oldest go first). */
const TOKEN_HARD_LIMIT = 50_000;
/** Wrong code tries further apart than this do not add up to a lockout. */
const CODE_FAILURE_WINDOW_MS = 15 * 60_000;
/** Emails kept in the outbox (the newest). */
export const OUTBOX_LIMIT = 1_000;

/** The shared machinery every route uses: state, clock, tokens, challenges and verification. */
export class EmulatorEngine {
  constructor(
    readonly options: ResolvedOptions,
    readonly state: EmulatorState,
    private readonly jwtKey: Promise<CryptoKey>,
  ) {}

  /** Current time in ms, from the configured clock. */
  now(): number {
    return this.options.now();
  }

  /** ISO date of `ms` (default now). */
  iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }

  // ------------------------------------------------------------------ users

  /** The user with this username (case-insensitive, as emails are), if any. */
  findUser(username: string): UserRecord | undefined {
    const wanted = username.trim().toLowerCase();
    for (const user of this.state.users.values()) if (user.username.toLowerCase() === wanted) return user;
    return undefined;
  }

  /** The user with this username in this org, or 404. */
  userInOrg(orgId: string, username: string): UserRecord {
    const user = orgId === this.options.orgId ? this.findUser(username) : undefined;
    if (!user) throw notFound('user not found');
    return user;
  }

  /** The user with this id; a token naming an unknown user is invalid. */
  userById(userId: string): UserRecord {
    const user = this.state.users.get(userId);
    if (!user) throw unauthorized('token user no longer exists');
    return user;
  }

  /** Creates a user, and emails a registration code to people (not to service accounts). */
  createUser(input: {
    username: string;
    kind: UserKind;
    externalId?: string | undefined;
    name?: string | undefined;
    sendCode?: boolean | undefined;
  }): UserRecord {
    if (this.findUser(input.username)) throw conflict('a user with this username already exists');
    const user: UserRecord = {
      id: dfnsId('us'),
      username: input.username,
      orgId: this.options.orgId,
      kind: input.kind,
      name: input.name ?? input.username,
      externalId: input.externalId,
      isActive: true,
      isRegistered: false,
      dateCreated: this.iso(),
    };
    this.state.users.set(user.id, user);
    if (input.kind !== 'ServiceAccount' && input.sendCode !== false) this.sendRegistrationCode(user);
    return user;
  }

  /** Replaces the user's registration code and emails it. */
  sendRegistrationCode(user: UserRecord): string {
    user.registrationCode = humanCode();
    this.sendEmail(user.username, 'registration', user.registrationCode);
    return user.registrationCode;
  }

  /** Records an email in the outbox. */
  sendEmail(to: string, kind: OutboxEmail['kind'], code: string): void {
    this.state.outbox.push({ to, kind, code, sentAt: this.iso() });
  }

  /** A short-lived code bound to nothing but its user (login and recovery emails). */
  pendingCode(): { code: string; expiresAt: number } {
    return { code: humanCode(), expiresAt: this.now() + this.options.challengeTtlSeconds * 1000 };
  }

  /** Dfns's user item. */
  userView(user: UserRecord): JsonObject {
    return {
      userId: user.id,
      username: user.username,
      name: user.name,
      kind: user.kind,
      orgId: user.orgId,
      isActive: user.isActive,
      isServiceAccount: user.kind === 'ServiceAccount',
      isRegistered: user.isRegistered,
      externalId: user.externalId,
      dateCreated: user.dateCreated,
      permissionAssignments: [],
    };
  }

  /** `{ id, username, orgId }`, as registration and recovery report the user. */
  registeredUser(user: UserRecord): { id: string; username: string; orgId: string } {
    return { id: user.id, username: user.username, orgId: user.orgId };
  }

  // ----------------------------------------------------------------- tokens

  /** Issues a JWT carrying `grant` for `user`, recorded so it can be revoked or used once. */
  async issue(user: UserRecord | undefined, grant: Grant, ttlSeconds: number): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    const record: TokenRecord = {
      jti: randomToken(24),
      userId: user?.id ?? '',
      grant,
      expiresAt: this.now() + ttlSeconds * 1000,
      used: false,
      revoked: false,
    };
    this.state.tokens.set(record.jti, record);
    return signJwt(await this.jwtKey, {
      'https://custom/app_metadata': { orgId: this.options.orgId, userId: record.userId },
      'https://custom/username': user?.username ?? '',
      'https://custom/grant': grant.kind,
      iss: 'dfns-emulator',
      aud: 'dfns:auth:user',
      sub: record.userId,
      jti: record.jti,
      iat,
      exp: Math.floor(record.expiresAt / 1000),
    });
  }

  /**
   * The record of a token this emulator issued for one of `kinds`, or `status` (401 for tokens,
   * 403 for user actions) when it is forged, unknown, revoked, expired, used or of another flow.
   */
  async readToken<K extends GrantKind>(
    token: string,
    kinds: readonly K[],
    what: string,
    status: 401 | 403 = 401,
  ): Promise<TokenRecord & { grant: Extract<Grant, { kind: K }> }> {
    const fail = status === 401 ? unauthorized : forbidden;
    const claims = await verifyJwt(await this.jwtKey, token);
    const record = claims ? this.state.tokens.get(claims.jti) : undefined;
    // An expired record may have been pruned; the signed exp still tells why it is refused.
    if (!record && claims && claims.exp * 1000 <= this.now()) throw fail(`${what} has expired`);
    if (!record) throw fail(`${what} is invalid`);
    if (!(kinds as readonly string[]).includes(record.grant.kind)) {
      throw fail(`${what} is invalid: it belongs to the ${record.grant.kind} flow`);
    }
    if (record.revoked) throw fail(`${what} has been revoked`);
    if (record.used) throw fail(`${what} has already been used`);
    if (record.expiresAt <= this.now()) throw fail(`${what} has expired`);
    return record as TokenRecord & { grant: Extract<Grant, { kind: K }> };
  }

  /** The bearer token string, or 401. */
  bearerToken(req: RouteRequest): string {
    const header = req.headers.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized('authorization token is missing');
    return match[1];
  }

  /** The logged-in user (or service account) behind the bearer token, or 401. */
  async sessionUser(req: RouteRequest): Promise<{ user: UserRecord; token: TokenRecord }> {
    const token = await this.readToken(this.bearerToken(req), ['session'], 'authorization token');
    const user = this.userById(token.userId);
    if (!user.isActive) throw unauthorized('user account has been deactivated');
    return { user, token };
  }

  /**
   * Consumes the `X-DFNS-USERACTION` token of `user`: it must be unused and bound to exactly
   * this method, path and raw body, byte for byte. 403 otherwise.
   */
  async consumeUserAction(req: RouteRequest, user: UserRecord): Promise<void> {
    const header = req.headers.get('x-dfns-useraction');
    if (!header) throw forbidden('user action signature is missing or invalid');
    const record = await this.readToken(header, ['user-action'], 'user action', 403);
    if (record.userId !== user.id) throw forbidden('user action was signed by another user');
    const signed = record.grant.request;
    if (signed.method !== req.method || signed.path !== req.path || signed.payload !== req.rawBody) {
      throw forbidden('user action does not match this request: method, path or body differ from the signed payload');
    }
    record.used = true;
  }

  /**
   * Runs a user-action-protected call: bearer session, the user action bound to this exact
   * request, then either 202 (a policy requires approval) or `run`.
   */
  async protectedCall(
    req: RouteRequest,
    run: (user: UserRecord) => Promise<RouteResult>,
    options: { serviceAccountOnly?: boolean } = {},
  ): Promise<RouteResult> {
    const { user } = await this.sessionUser(req);
    if (options.serviceAccountOnly && user.kind !== 'ServiceAccount') {
      throw forbidden('this endpoint needs a service account token');
    }
    await this.consumeUserAction(req, user);
    if (this.state.approvalRules.some((rule) => ruleMatches(rule, req.method, req.path))) {
      return {
        status: 202,
        body: {
          id: dfnsId('ap'),
          orgId: this.options.orgId,
          status: 'Pending',
          initiatorId: user.id,
          dateCreated: this.iso(),
          activity: { kind: 'Request', method: req.method, path: req.path, body: req.body ?? null },
          decisions: [],
        },
      };
    }
    return run(user);
  }

  /**
   * Forgets what has expired: tokens (sessions, temporary tokens, challenges, user actions),
   * credential codes, emailed login and recovery codes, stale wrong-code counts, and keeps the newest `OUTBOX_LIMIT`
   * emails. Runs at most once per `PRUNE_INTERVAL_MS` of the emulator's clock, or sooner when the
   * tokens pass `TOKEN_SOFT_LIMIT`, so a long run (or a flood of inits) does not grow the heap.
   */
  prune(): void {
    const now = this.now();
    if (now - this.lastPrune < PRUNE_INTERVAL_MS && this.state.tokens.size < TOKEN_SOFT_LIMIT) return;
    this.lastPrune = now;
    for (const [jti, token] of this.state.tokens) if (token.expiresAt <= now) this.state.tokens.delete(jti);
    // Still over the limit with nothing expired (the clock stands still): drop the oldest, a
    // refusal a flood deserves more than the heap does.
    for (const jti of this.state.tokens.keys()) {
      if (this.state.tokens.size <= TOKEN_HARD_LIMIT) break;
      this.state.tokens.delete(jti);
    }
    // Spent codes stay a while, so a late try hears "expired" rather than "invalid".
    for (const [code, record] of this.state.credentialCodes) {
      if (record.expiresAt + SPENT_CODE_MEMORY_MS <= now) this.state.credentialCodes.delete(code);
    }
    for (const user of this.state.users.values()) {
      if (user.loginCode && user.loginCode.expiresAt <= now) user.loginCode = undefined;
      if (user.recoveryCode && user.recoveryCode.expiresAt <= now) user.recoveryCode = undefined;
    }
    for (const [key, attempts] of this.state.codeAttempts) {
      if (attempts.lockedUntil <= now && now - attempts.lastFailureAt >= CODE_FAILURE_WINDOW_MS) this.state.codeAttempts.delete(key);
    }
    if (this.state.outbox.length > OUTBOX_LIMIT) this.state.outbox.splice(0, this.state.outbox.length - OUTBOX_LIMIT);
  }

  /**
   * Checks one try of an emailed or one-time code, as Dfns rate-limits them: while `key` is locked
   * out every try (even the right code) gets 429 with `Retry-After`; a wrong try throws `refusal`
   * and the `codeAttemptLimit`-th wrong try in a row locks `key` for `codeLockoutSeconds`; a right
   * try clears the count.
   */
  checkCode(key: string, isRight: boolean, refusal: EmulatorHttpError, what: string): void {
    const now = this.now();
    const attempts = this.state.codeAttempts.get(key);
    if (attempts && attempts.lockedUntil > now) {
      throw tooManyRequests(`too many wrong ${what} tries; retry later`, attempts.lockedUntil - now);
    }
    if (isRight) {
      this.state.codeAttempts.delete(key);
      return;
    }
    const recent = attempts && now - attempts.lastFailureAt < CODE_FAILURE_WINDOW_MS ? attempts.failures : 0;
    const failures = recent + 1;
    const locked = failures >= this.options.codeAttemptLimit;
    this.state.codeAttempts.set(key, {
      failures: locked ? 0 : failures,
      lastFailureAt: now,
      lockedUntil: locked ? now + this.options.codeLockoutSeconds * 1000 : 0,
    });
    throw refusal;
  }

  /** Clock time of the last `prune`. */
  private lastPrune = Number.NEGATIVE_INFINITY;

  /** Revokes every token of a user (recovery). */
  revokeTokens(userId: string): void {
    for (const token of this.state.tokens.values()) if (token.userId === userId) token.revoked = true;
  }

  // ------------------------------------------------------------- challenges

  /** A fresh challenge string, shaped like Dfns's (base64url of a `ch-…` id). */
  newChallenge(): string {
    return toBase64Url(utf8(dfnsId('ch')));
  }

  /** Challenge lifetime in seconds. */
  get challengeTtl(): number {
    return this.options.challengeTtlSeconds;
  }

  /** The organisation's passkey settings as a challenge carries them (no attachment field for `null`). */
  authenticatorSelection(): RegistrationChallenge['authenticatorSelection'] {
    const { authenticatorAttachment, residentKey, requireResidentKey, userVerification } = this.options.passkeySettings;
    return {
      ...(authenticatorAttachment === null ? {} : { authenticatorAttachment }),
      residentKey,
      requireResidentKey,
      userVerification,
    };
  }

  /** The fields every credential-creating challenge shares, for `user`. */
  creationOptions(user: UserRecord): Omit<RegistrationChallenge, 'temporaryAuthenticationToken' | 'challenge' | 'supportedCredentialKinds'> {
    return {
      user: { id: user.id, displayName: user.username, name: user.username },
      rp: { id: this.options.rpId, name: this.options.rpName },
      authenticatorSelection: this.authenticatorSelection(),
      attestation: 'none',
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      excludeCredentials: this.userCredentials(user.id)
        .filter((c) => c.kind === 'Fido2')
        .map((c) => ({ type: 'public-key' as const, id: c.credId })),
    };
  }

  /** A registration-style challenge with a temporary token bound to `grant`'s flow. */
  async registrationChallenge(
    user: UserRecord,
    grant: (challenge: string) => Extract<Grant, { kind: 'registration' | 'recovery' }>,
  ): Promise<RegistrationChallenge> {
    const challenge = this.newChallenge();
    return {
      ...this.creationOptions(user),
      temporaryAuthenticationToken: await this.issue(user, grant(challenge), this.challengeTtl),
      challenge,
      supportedCredentialKinds: {
        firstFactor: ['Fido2', 'Key', 'PasswordProtectedKey'],
        secondFactor: ['Fido2', 'Key', 'PasswordProtectedKey'],
      },
      otpUrl: '',
    };
  }

  /** A login or user action challenge; `user` undefined gives the usernameless form (empty lists). */
  async signingChallenge(
    user: UserRecord | undefined,
    grant: (challenge: string) => Extract<Grant, { kind: 'login' | 'action' }>,
    withPasswordProtectedKeys: boolean,
  ): Promise<SigningChallenge> {
    const challenge = this.newChallenge();
    const active = user ? this.userCredentials(user.id).filter((c) => c.isActive) : [];
    const refs = (kind: CredentialKind) =>
      active.filter((c) => c.kind === kind).map((c) => ({ type: 'public-key' as const, id: c.credId }));
    const allowCredentials: AllowCredentials = { key: refs('Key'), webauthn: refs('Fido2') };
    if (withPasswordProtectedKeys) {
      allowCredentials.passwordProtectedKey = active
        .filter((c) => c.kind === 'PasswordProtectedKey')
        .map((c) => ({ type: 'public-key' as const, id: c.credId, encryptedPrivateKey: c.encryptedPrivateKey ?? '' }));
    }
    const supportedCredentialKinds: SupportedCredentialKind[] = SIGNING_KINDS.map((kind) => ({
      kind,
      factor: 'either',
      requiresSecondFactor: false,
    }));
    return {
      challenge,
      challengeIdentifier: await this.issue(user, grant(challenge), this.challengeTtl),
      rp: { id: this.options.rpId, name: this.options.rpName },
      supportedCredentialKinds,
      userVerification: 'required',
      attestation: 'none',
      allowCredentials,
      externalAuthenticationUrl: '',
    };
  }

  // ------------------------------------------------------------ credentials

  /** Every credential of a user, oldest first. */
  userCredentials(userId: string): CredentialRecord[] {
    return [...this.state.credentials.values()].filter((c) => c.userId === userId);
  }

  /** The credential with this credId, anywhere in the org. */
  findCredential(credId: string): CredentialRecord | undefined {
    for (const credential of this.state.credentials.values()) if (credential.credId === credId) return credential;
    return undefined;
  }

  /**
   * Verifies a credential attestation (`{credentialKind, credentialInfo, …}`) over `challenge`
   * and returns the record to store; nothing is stored, so a later failure leaves no trace.
   */
  async verifyAttestation(
    value: unknown,
    field: string,
    challenge: string,
    user: UserRecord,
    allowedKinds: readonly CredentialKind[],
    req: RouteRequest,
  ): Promise<CredentialRecord> {
    // The credential is the whole body of /auth/credentials, a field of registration bodies.
    const p = field ? `${field}.` : '';
    const label = field || 'credential';
    const body = asObject(value, label);
    const kind = requireOneOf(body, 'credentialKind', CREATABLE_KINDS, p);
    if (!allowedKinds.includes(kind)) throw badRequest(`${p}credentialKind cannot be ${kind} here`, { field: `${p}credentialKind` });
    const info = requireObject(body, 'credentialInfo', p);
    const credId = requireString(info, 'credId', `${p}credentialInfo.`);
    const clientData = requireString(info, 'clientData', `${p}credentialInfo.`);
    const attestationData = requireString(info, 'attestationData', `${p}credentialInfo.`);
    const name = optionalString(body, 'credentialName', p);
    const encryptedPrivateKey = optionalString(body, 'encryptedPrivateKey', p);
    if (kind === 'PasswordProtectedKey' && !encryptedPrivateKey) {
      throw badRequest(`${p}encryptedPrivateKey is required`, { field: `${p}encryptedPrivateKey` });
    }
    if (this.findCredential(credId)) throw conflict('a credential with this credId already exists');
    const expectation = { challenge, isOriginAllowed: this.options.isOriginAllowed };
    const base = {
      uuid: dfnsId('cr'),
      credId,
      userId: user.id,
      kind,
      name: name ?? '',
      isActive: true,
      dateCreated: this.iso(),
      relyingPartyId: this.options.rpId,
      encryptedPrivateKey,
    };
    if (kind === 'Fido2') {
      const verified = await verifyFido2Attestation(
        { credId, clientData, attestationData },
        { ...expectation, rpId: this.options.rpId },
        label,
      );
      return {
        ...base,
        publicKey: cosePublicKeyToPem(verified.publicKey) ?? toBase64Url(verified.publicKey),
        cosePublicKey: verified.publicKey,
        counter: verified.counter,
        origin: verified.origin,
      };
    }
    const verified = await verifyKeyAttestation({ clientData, attestationData }, expectation, label);
    return { ...base, publicKey: verified.publicKeyPem, counter: 0, origin: verified.origin ?? req.origin ?? '' };
  }

  /** Stores verified credentials together, refusing two with the same credId in one request. */
  storeCredentials(records: readonly CredentialRecord[]): void {
    const ids = new Set(records.map((r) => r.credId));
    if (ids.size !== records.length) throw conflict('two new credentials share a credId');
    for (const record of records) this.state.credentials.set(record.uuid, record);
  }

  /**
   * Verifies a login or user action assertion over `challenge` with an active credential of
   * `userId` (any user when empty: usernameless login). Returns the credential, counter updated.
   */
  async verifyAssertion(value: unknown, field: string, challenge: string, userId: string): Promise<CredentialRecord> {
    const body = asObject(value, field);
    const kind = requireOneOf(body, 'kind', SIGNING_KINDS, `${field}.`);
    const assertion = requireObject(body, 'credentialAssertion', `${field}.`);
    const prefix = `${field}.credentialAssertion.`;
    const credId = requireString(assertion, 'credId', prefix);
    const clientData = requireString(assertion, 'clientData', prefix);
    const signature = requireString(assertion, 'signature', prefix);
    const credential = this.findCredential(credId);
    if (!credential || credential.kind !== kind || (userId !== '' && credential.userId !== userId)) {
      throw forbidden(`${field} credential is not one of the user's credentials`);
    }
    if (!credential.isActive) throw forbidden(`${field} credential is not active`);
    const owner = this.userById(credential.userId);
    if (!owner.isActive || !owner.isRegistered) throw forbidden(`${field} credential belongs to an inactive user`);
    const expectation = { challenge, isOriginAllowed: this.options.isOriginAllowed };
    if (kind === 'Fido2') {
      const authenticatorData = requireString(assertion, 'authenticatorData', prefix);
      const userHandle = optionalString(assertion, 'userHandle', prefix);
      // A discoverable passkey names its user; it must be the credential's owner.
      if (userHandle && userHandle !== toBase64Url(utf8(owner.id))) throw forbidden(`${field}.userHandle does not match the credential`);
      credential.counter = await verifyFido2Assertion(
        { credId, clientData, authenticatorData, signature, userHandle },
        { publicKey: credential.cosePublicKey ?? new Uint8Array(), counter: credential.counter },
        { ...expectation, rpId: this.options.rpId },
        field,
      );
    } else {
      await verifyKeyAssertion({ clientData, signature }, credential.publicKey, expectation, field);
    }
    return credential;
  }

  // ---------------------------------------------------------------- wallets

  /** Creates a wallet for `user` with a random address and signing key (nothing is derived). */
  createWallet(user: UserRecord, spec: { network: string; name?: string | undefined }): WalletRecord {
    const eddsa = spec.network === 'KeyEdDSA' || /Solana|Aptos|Stellar|Ton|Near|Sui|Algorand|Cardano|Polkadot/.test(spec.network);
    const wallet: WalletRecord = {
      id: dfnsId('wa'),
      userId: user.id,
      network: spec.network,
      address: spec.network.startsWith('Key') ? undefined : `0x${toHex(globalThis.crypto.getRandomValues(new Uint8Array(20)))}`,
      status: 'Active',
      dateCreated: this.iso(),
      name: spec.name,
      custodial: false,
      tags: [],
      signingKey: {
        id: dfnsId('key'),
        scheme: eddsa ? 'EdDSA' : 'ECDSA',
        curve: eddsa ? 'ed25519' : 'secp256k1',
        publicKey: toHex(globalThis.crypto.getRandomValues(new Uint8Array(33))),
      },
    };
    this.state.wallets.set(wallet.id, wallet);
    return wallet;
  }

  /** A wallet as Dfns returns it (without the emulator's owner field). */
  walletView(wallet: WalletRecord): JsonObject {
    const { userId: _owner, ...view } = wallet;
    return view;
  }

  /** Dfns's credential item. */
  credentialView(c: CredentialRecord): JsonObject {
    return {
      kind: c.kind,
      credentialId: c.credId,
      credentialUuid: c.uuid,
      dateCreated: c.dateCreated,
      isActive: c.isActive,
      name: c.name,
      publicKey: c.publicKey,
      relyingPartyId: c.relyingPartyId,
      origin: c.origin,
    };
  }

  /** `{uuid, kind, name}`, as registration and recovery report the credential. */
  credentialSummary(c: CredentialRecord): { uuid: string; kind: CredentialKind; name: string } {
    return { uuid: c.uuid, kind: c.kind, name: c.name };
  }

  /** The registration body's credentials, verified over one challenge (first factor, second, recovery). */
  async verifyRegistrationCredentials(body: JsonObject, challenge: string, user: UserRecord, req: RouteRequest): Promise<CredentialRecord[]> {
    const records = [
      await this.verifyAttestation(
        requireObject(body, 'firstFactorCredential'),
        'firstFactorCredential',
        challenge,
        user,
        ['Fido2', 'Key', 'PasswordProtectedKey'],
        req,
      ),
    ];
    const second = optionalObject(body, 'secondFactorCredential');
    if (second) {
      records.push(
        await this.verifyAttestation(second, 'secondFactorCredential', challenge, user, ['Fido2', 'Key', 'PasswordProtectedKey'], req),
      );
    }
    const recovery = optionalObject(body, 'recoveryCredential');
    if (recovery) records.push(await this.verifyAttestation(recovery, 'recoveryCredential', challenge, user, ['RecoveryKey'], req));
    return records;
  }
}
