/** What the identity provider put in the URL of the page at `redirectUri`. */
export interface SsoCallbackParams {
  code?: string | undefined;
  state?: string | undefined;
  /** The provider's refusal, e.g. `access_denied` when the person cancelled. */
  error?: string | undefined;
}

/** Query parameters an OIDC provider may add on the way back; all are removed from the URL. */
const CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri', 'session_state', 'iss'] as const;

/**
 * Reads `code`, `state` and `error` from the page URL and takes them out of the address bar and
 * the history entry at once (`history.replaceState`), before anything is awaited, so neither a
 * reload, the back button, a bookmark, a shared link nor the Referer of the next request carries
 * the single-use code.
 */
export function takeSsoCallbackParams(win: Pick<Window, 'location' | 'history'> = window): SsoCallbackParams {
  const url = new URL(win.location.href);
  const params: SsoCallbackParams = {
    code: url.searchParams.get('code') ?? undefined,
    state: url.searchParams.get('state') ?? undefined,
    error: url.searchParams.get('error') ?? undefined,
  };
  let changed = false;
  for (const name of CALLBACK_PARAMS) {
    if (url.searchParams.has(name)) {
      url.searchParams.delete(name);
      changed = true;
    }
  }
  if (changed) win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return params;
}
