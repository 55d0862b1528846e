/**
 * Which page origins may run ceremonies: a list, a predicate, or `'*'` for any origin whose
 * host is the rp id or one of its subdomains, on any scheme and port (handy for test runners
 * whose port varies, such as Vitest browser mode on `http://localhost:<port>`).
 */
export type OriginPolicy = readonly string[] | '*' | ((origin: string) => boolean);

/**
 * The organisation's passkey settings that shape every credential-creating challenge's
 * `authenticatorSelection` (registration, recovery, new Fido2 credentials). `authenticatorAttachment`
 * `null` sends none (any authenticator: built-in, security key, phone).
 */
export interface EmulatorPasskeySettings {
  authenticatorAttachment: 'platform' | 'cross-platform' | null;
  residentKey: 'required' | 'preferred' | 'discouraged';
  requireResidentKey: boolean;
  userVerification: 'required' | 'preferred' | 'discouraged';
}

/**
 * What Dfns's API reference shows in its registration, recovery and credential challenge examples:
 * a platform passkey, discoverable, with user verification.
 */
export const DEFAULT_PASSKEY_SETTINGS: Readonly<EmulatorPasskeySettings> = {
  authenticatorAttachment: 'platform',
  residentKey: 'required',
  requireResidentKey: true,
  userVerification: 'required',
};

/** Passkey settings with every field checked; throws a TypeError naming a bad one. */
export function checkPasskeySettings(input: Record<string, unknown>): Partial<EmulatorPasskeySettings> {
  const settings: Partial<EmulatorPasskeySettings> = {};
  const level = ['required', 'preferred', 'discouraged'] as const;
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    switch (field) {
      case 'authenticatorAttachment':
        if (value !== 'platform' && value !== 'cross-platform' && value !== null) {
          throw new TypeError('authenticatorAttachment must be "platform", "cross-platform" or null');
        }
        settings.authenticatorAttachment = value;
        break;
      case 'residentKey':
      case 'userVerification':
        if (!level.includes(value as (typeof level)[number])) throw new TypeError(`${field} must be "required", "preferred" or "discouraged"`);
        settings[field] = value as (typeof level)[number];
        break;
      case 'requireResidentKey':
        if (typeof value !== 'boolean') throw new TypeError('requireResidentKey must be a boolean');
        settings.requireResidentKey = value;
        break;
      default:
        throw new TypeError(`unknown passkey setting ${field}`);
    }
  }
  return settings;
}

/** Options of `createDfnsEmulator`. */
export interface DfnsEmulatorOptions {
  /** WebAuthn relying party id every passkey is bound to. Default `'localhost'`. */
  rpId?: string | undefined;
  /** Relying party name sent in the (deprecated) `rp` of challenges. Default `'Dfns Emulator'`. */
  rpName?: string | undefined;
  /** Allowed origins. Default `['http://localhost:6006', 'http://localhost:63315']` (Storybook, the Node server). */
  origins?: OriginPolicy | undefined;
  /** The organisation id; a fresh `or-xxxxx-xxxxx-xxxxxxxxxxxxxxxx` when absent. */
  orgId?: string | undefined;
  /** Clock in epoch milliseconds; tests pass a movable one to expire tokens. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Lifetime of login tokens. Default 3600 s. */
  tokenTtlSeconds?: number | undefined;
  /** Lifetime of challenges, temporary tokens, user action tokens and emailed codes. Default 300 s. */
  challengeTtlSeconds?: number | undefined;
  /** Delay added to every response, to show loading states. Default 0. */
  latencyMs?: number | undefined;
  /** Wrong tries of a registration, login, recovery or credential code before 429. Default 5. */
  codeAttemptLimit?: number | undefined;
  /** How long those codes answer 429 (with `Retry-After`) once the limit is reached. Default 60 s. */
  codeLockoutSeconds?: number | undefined;
  /** The organisation's passkey settings; fields left out take `DEFAULT_PASSKEY_SETTINGS` (a platform passkey). */
  passkeySettings?: Partial<EmulatorPasskeySettings> | undefined;
  /**
   * Social login: the emulator's own test OIDC issuer (`iss`, default `'https://oidc.dfns-emulator.test'`)
   * and the client id its id tokens are for (`aud`, default `'dfns-emulator-social-client'`); and whether
   * `/auth/registration/social` creates unknown users (default true).
   */
  social?: { issuer?: string | undefined; clientId?: string | undefined; allowRegistration?: boolean | undefined } | undefined;
  /** SSO: the organisation's SSO client id (default `'dfns-emulator-sso-client'`). */
  sso?: { clientId?: string | undefined } | undefined;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  rpId: string;
  rpName: string;
  isOriginAllowed: (origin: string) => boolean;
  orgId: string;
  now: () => number;
  tokenTtlSeconds: number;
  challengeTtlSeconds: number;
  latencyMs: number;
  codeAttemptLimit: number;
  codeLockoutSeconds: number;
  /** Changed in place by `setPasskeySettings`. */
  passkeySettings: EmulatorPasskeySettings;
}

/** The default allowed origins: Storybook (6006) and the emulator's own Node server (63315). */
export const DEFAULT_ORIGINS: readonly string[] = ['http://localhost:6006', 'http://localhost:63315'];

/** Turns an `OriginPolicy` into a predicate. */
export function originPredicate(policy: OriginPolicy, rpId: string): (origin: string) => boolean {
  if (typeof policy === 'function') return policy;
  if (policy === '*') {
    return (origin) => {
      try {
        const { hostname, protocol } = new URL(origin);
        return (protocol === 'http:' || protocol === 'https:') && (hostname === rpId || hostname.endsWith(`.${rpId}`));
      } catch {
        return false;
      }
    };
  }
  const allowed = new Set(policy);
  return (origin) => allowed.has(origin);
}
