import type { CredentialKind, Wallet } from '../api/types';
import type { RequestRule } from './matchPath';

/** Kinds of user the emulator keeps; service accounts are users that sign with a Key credential. */
export type UserKind = 'CustomerEmployee' | 'EndUser' | 'ServiceAccount';

/** A code sent by email, valid until `expiresAt` and only once. */
export interface PendingCode {
  code: string;
  expiresAt: number;
}

/** A user of the organisation. */
export interface UserRecord {
  id: string;
  username: string;
  orgId: string;
  kind: UserKind;
  name: string;
  externalId?: string | undefined;
  registrationCode?: string | undefined;
  loginCode?: PendingCode | undefined;
  recoveryCode?: PendingCode | undefined;
  isActive: boolean;
  isRegistered: boolean;
  dateCreated: string;
}

/** A credential of any kind. */
export interface CredentialRecord {
  uuid: string;
  credId: string;
  userId: string;
  kind: CredentialKind;
  name: string;
  /** PEM for key-style credentials and P-256 passkeys; base64url COSE for other passkeys. */
  publicKey: string;
  /** COSE public key of a passkey, for SimpleWebAuthn. */
  cosePublicKey?: Uint8Array | undefined;
  counter: number;
  isActive: boolean;
  dateCreated: string;
  origin: string;
  relyingPartyId: string;
  encryptedPrivateKey?: string | undefined;
}

/** HTTP request a user action is bound to, byte for byte. */
export interface SignedRequest {
  method: string;
  path: string;
  payload: string;
}

/** What a token lets its bearer do; temporary tokens and challenge identifiers are bound to one flow. */
export type Grant =
  | { kind: 'session' }
  | { kind: 'registration'; challenge: string }
  | { kind: 'recovery'; challenge: string; recoveryCredId: string }
  | { kind: 'login'; challenge: string; withLoginCode: boolean }
  | { kind: 'action'; challenge: string; request: SignedRequest }
  | { kind: 'credential'; challenge: string; credentialKind: CredentialKind; viaCode: boolean }
  | { kind: 'user-action'; request: SignedRequest };

/** The kind names of `Grant`. */
export type GrantKind = Grant['kind'];

/** An issued JWT, by its `jti`; the record, not the JWT, is the authority (revocation, single use). */
export interface TokenRecord {
  jti: string;
  /** Empty for a usernameless login challenge, whose user is known only from the assertion. */
  userId: string;
  grant: Grant;
  expiresAt: number;
  used: boolean;
  revoked: boolean;
}

/** An email the emulator "sent". */
export interface OutboxEmail {
  to: string;
  kind: 'registration' | 'recovery' | 'login';
  code: string;
  sentAt: string;
}

/** A one-time code to create a credential from another app (`/auth/credentials/code`). */
export interface CredentialCodeRecord {
  code: string;
  userId: string;
  expiresAt: number;
  used: boolean;
}

/** Wrong tries of one kind of code for one user (or org-wide for credential codes). */
export interface CodeAttempts {
  /** Wrong tries since the last lockout, success or quiet window. */
  failures: number;
  lastFailureAt: number;
  /** Until when every try answers 429; 0 when not locked. */
  lockedUntil: number;
}

/** A wallet owned by a user. */
export interface WalletRecord extends Wallet {
  userId: string;
}

/** The whole in-memory state. */
export interface EmulatorState {
  users: Map<string, UserRecord>;
  credentials: Map<string, CredentialRecord>;
  tokens: Map<string, TokenRecord>;
  wallets: Map<string, WalletRecord>;
  credentialCodes: Map<string, CredentialCodeRecord>;
  /** Wrong-code tries, by `<kind>:<user id>` (`credential` alone for credential codes). */
  codeAttempts: Map<string, CodeAttempts>;
  outbox: OutboxEmail[];
  /** Timestamps of recent requests, for the per-minute rate limit. */
  requestTimes: number[];
  /** User-action-signed calls that answer 202 (policy pending approval) instead of running. */
  approvalRules: RequestRule[];
  /** Requests per minute before 429; `undefined` for no limit. */
  rateLimitPerMinute: number | undefined;
}

/** An empty state. */
export function createState(): EmulatorState {
  return {
    users: new Map(),
    credentials: new Map(),
    tokens: new Map(),
    wallets: new Map(),
    credentialCodes: new Map(),
    codeAttempts: new Map(),
    outbox: [],
    requestTimes: [],
    approvalRules: [],
    rateLimitPerMinute: undefined,
  };
}
