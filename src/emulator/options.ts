/**
 * Which page origins may run ceremonies: a list, a predicate, or `'*'` for any origin whose
 * host is the rp id or one of its subdomains, on any scheme and port (handy for test runners
 * whose port varies, such as Vitest browser mode on `http://localhost:<port>`).
 */
export type OriginPolicy = readonly string[] | '*' | ((origin: string) => boolean);

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
