import { DfnsAuthError } from '../errors';

/**
 * The SSO login this tab started and has not finished: the `state` the identity provider must
 * return, and what a retry needs to start again.
 *
 * Kept in `sessionStorage` (this tab only, gone with it) because the browser leaves the page
 * between the two halves. `state` is a CSRF nonce, not a credential: alone it signs nobody in. It
 * proves that the `code` arriving at `redirectUri` answers a login this tab started, so a code an
 * attacker got for their own account cannot be planted in the victim's browser (login CSRF). The
 * `code`, the credential, is never stored.
 */
export interface PendingSsoLogin {
  state: string;
  clientId: string;
  redirectUri: string;
  orgId?: string | undefined;
  /** Epoch ms; an entry older than `PENDING_SSO_TTL_MS` is ignored. */
  createdAt: number;
}

/** The `sessionStorage` key of the pending SSO login. */
export const PENDING_SSO_KEY = 'dfns-kit:sso-pending';

/** How long a started SSO login may take at the identity provider (Dfns's SSO codes are short-lived too). */
export const PENDING_SSO_TTL_MS = 15 * 60_000;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage disabled (some privacy modes): the callback then refuses the state, as it must.
    return undefined;
  }
}

/** The `state` parameter of the identity provider's URL Dfns answered; `invalid_response` without one. */
export function stateOfSsoRedirectUrl(ssoRedirectUrl: string): string {
  let state: string | null = null;
  try {
    state = new URL(ssoRedirectUrl).searchParams.get('state');
  } catch {
    // Reported below with the same error.
  }
  if (!state) {
    throw new DfnsAuthError(
      'invalid_response',
      'POST /auth/login/sso/init answered an ssoRedirectUrl without a state parameter: the kit cannot tell its own SSO login from a forged one, so it does not start.',
    );
  }
  return state;
}

/** Remembers the SSO login about to leave the page. */
export function savePendingSsoLogin(pending: PendingSsoLogin): void {
  storage()?.setItem(PENDING_SSO_KEY, JSON.stringify(pending));
}

/** The pending SSO login, removed (it is good for one callback only); undefined when none or stale. */
export function takePendingSsoLogin(now = Date.now()): PendingSsoLogin | undefined {
  const store = storage();
  const text = store?.getItem(PENDING_SSO_KEY);
  store?.removeItem(PENDING_SSO_KEY);
  if (!text) return undefined;
  try {
    const pending = JSON.parse(text) as Partial<PendingSsoLogin>;
    if (typeof pending.state !== 'string' || typeof pending.clientId !== 'string' || typeof pending.redirectUri !== 'string') return undefined;
    if (typeof pending.createdAt !== 'number' || now - pending.createdAt > PENDING_SSO_TTL_MS) return undefined;
    return pending as PendingSsoLogin;
  } catch {
    return undefined;
  }
}
