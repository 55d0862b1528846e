import type { EmulatorEngine } from '../engine';
import { randomToken } from '../ids';
import { socialSetupOf } from './socialSetup';

/** Where the emulator's test identity provider lives: its sign-in page and its JWKS. */
export const IDP_PREFIX = '/emulator/idp';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function html(status: number, title: string, body: string): Response {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}label,input,button{display:block;width:100%;box-sizing:border-box}input{margin:.25rem 0 1rem;padding:.5rem;font:inherit}button{padding:.6rem;margin-top:.5rem;font:inherit;cursor:pointer}[role=alert]{color:#a00}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

function signInForm(state: string, email: string, error?: string): string {
  return `<p>Dfns emulator test identity provider: sign in as a member of the organisation.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${IDP_PREFIX}/authorize">
<input type="hidden" name="state" value="${escapeHtml(state)}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}">
<button type="submit" name="action" value="approve">Sign in</button>
<button type="submit" name="action" value="deny" formnovalidate>Cancel</button>
</form>`;
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

/**
 * Answers the emulator's identity-provider pages: `GET authorize` (the sign-in page an SSO
 * redirect lands on), `POST authorize` (sign in or cancel: back to `redirect_uri` with a
 * single-use `code` bound to `state`, or `error=access_denied`) and `GET jwks` (its public keys).
 */
export async function handleIdpRequest(engine: EmulatorEngine, request: Request, path: string): Promise<Response> {
  const setup = socialSetupOf(engine);
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  if (path === `${IDP_PREFIX}/jwks` && method === 'GET') {
    return new Response(JSON.stringify(await setup.issuer.jwks()), { headers: { 'content-type': 'application/json' } });
  }
  if (path === `${IDP_PREFIX}/social`) return socialPopup(engine, request, url, method);
  if (path !== `${IDP_PREFIX}/authorize`) return html(404, 'Not found', '<p>No such page.</p>');
  const title = 'Sign in to your organisation';
  if (method === 'GET') {
    const state = url.searchParams.get('state') ?? '';
    const session = setup.sessions.get(state);
    if (
      !session ||
      session.expiresAt <= engine.now() ||
      session.clientId !== url.searchParams.get('client_id') ||
      session.redirectUri !== url.searchParams.get('redirect_uri')
    ) {
      return html(400, title, '<p role="alert">This sign-in link is invalid or has expired. Go back and start again.</p>');
    }
    return html(200, title, signInForm(state, url.searchParams.get('login_hint') ?? ''));
  }
  if (method !== 'POST') return html(405, title, '<p>Method not allowed.</p>');
  const form = new URLSearchParams(await request.text());
  const state = form.get('state') ?? '';
  const session = setup.sessions.get(state);
  if (!session || session.expiresAt <= engine.now()) {
    return html(400, title, '<p role="alert">This sign-in link is invalid or has expired. Go back and start again.</p>');
  }
  const back = new URL(session.redirectUri);
  if (form.get('action') === 'deny') {
    setup.sessions.delete(state);
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('state', state);
    return redirect(back.href);
  }
  const email = (form.get('email') ?? '').trim();
  const user = email ? engine.findUser(email) : undefined;
  if (!user || !user.isRegistered || user.kind === 'ServiceAccount') {
    return html(200, title, signInForm(state, email, 'No member of this organisation has that email.'));
  }
  // The session is spent here: one sign-in, one code.
  setup.sessions.delete(state);
  const code = randomToken(32);
  setup.codes.set(code, { code, state, userId: user.id, expiresAt: engine.now() + engine.challengeTtl * 1000, used: false });
  back.searchParams.set('code', code);
  back.searchParams.set('state', state);
  return redirect(back.href);
}

/** The page origin a popup may hand an id token to: an origin the organisation allows. */
function allowedOrigin(engine: EmulatorEngine, origin: string | null): string | undefined {
  if (!origin) return undefined;
  try {
    const parsed = new URL(origin).origin;
    return engine.options.isOriginAllowed(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A stand-in for "Continue with Google" (its popup), for apps running against the emulator:
 * `GET social?origin=<app origin>` asks for an email; `POST social` signs an id token for it
 * with the emulator's issuer and hands it to the opener with `postMessage`, to that origin only,
 * as `{ type: 'dfns-emulator-id-token', idToken }` (or `{ ..., error: 'access_denied' }` on Cancel).
 */
async function socialPopup(engine: EmulatorEngine, request: Request, url: URL, method: string): Promise<Response> {
  const title = 'Sign in (emulator identity provider)';
  if (method === 'GET') {
    const origin = allowedOrigin(engine, url.searchParams.get('origin'));
    if (!origin) return html(400, title, '<p role="alert">This page may only answer an origin the organisation allows.</p>');
    const remembered = rememberedAccount(request);
    // Like a provider that knows who is signed in: one click for the last account.
    const again = remembered
      ? `<form method="post" action="${IDP_PREFIX}/social">
<input type="hidden" name="origin" value="${escapeHtml(origin)}"><input type="hidden" name="email" value="${escapeHtml(remembered)}">
<button type="submit" name="action" value="approve">Continue as ${escapeHtml(remembered)}</button>
</form><p>Or another account:</p>`
      : '';
    return html(
      200,
      title,
      `<p>A stand-in for your identity provider's sign-in: choose the account to continue with.</p>
${again}<form method="post" action="${IDP_PREFIX}/social">
<input type="hidden" name="origin" value="${escapeHtml(origin)}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
<button type="submit" name="action" value="approve">Continue</button>
<button type="submit" name="action" value="deny" formnovalidate>Cancel</button>
</form>`,
    );
  }
  if (method !== 'POST') return html(405, title, '<p>Method not allowed.</p>');
  const form = new URLSearchParams(await request.text());
  const origin = allowedOrigin(engine, form.get('origin'));
  if (!origin) return html(400, title, '<p role="alert">This page may only answer an origin the organisation allows.</p>');
  const email = (form.get('email') ?? '').trim();
  const message =
    form.get('action') === 'deny' || !email
      ? { type: 'dfns-emulator-id-token', error: 'access_denied' }
      : { type: 'dfns-emulator-id-token', idToken: await socialSetupOf(engine).issuer.idTokenFor(email) };
  // JSON in a script: "<" escaped so no value can close the script element.
  const data = JSON.stringify({ message, origin }).replace(/</g, '\\u003c');
  const page = html(
    200,
    title,
    `<p>Signed in. You can close this window.</p><script>(function(){var d=${data};if(window.opener){window.opener.postMessage(d.message,d.origin);}window.close();})();</script>`,
  );
  // Remembered on the emulator's own origin, as a provider's session cookie would be.
  if ('idToken' in message) page.headers.append('set-cookie', `${ACCOUNT_COOKIE}=${encodeURIComponent(email)}; Path=${IDP_PREFIX}; SameSite=Lax; HttpOnly`);
  return page;
}

/** The cookie the stand-in popup remembers the last account in. */
const ACCOUNT_COOKIE = 'dfns-emulator-account';

/** The account the popup signed in last in this browser, if any. */
function rememberedAccount(request: Request): string | undefined {
  const cookie = request.headers.get('cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${ACCOUNT_COOKIE}=([^;]*)`).exec(cookie);
  if (!match) return undefined;
  try {
    const email = decodeURIComponent(match[1]!);
    return /^[^\s@<>"']+@[^\s@<>"']+$/.test(email) ? email : undefined;
  } catch {
    return undefined;
  }
}
