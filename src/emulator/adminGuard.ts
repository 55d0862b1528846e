import { safeEqual } from './bytes';
import { EmulatorHttpError } from './EmulatorHttpError';

/** The request header that carries the admin secret (the Node server and CLI make one per process). */
export const ADMIN_SECRET_HEADER = 'x-emulator-admin-secret';

/** Options of one `handle` call. */
export interface HandleOptions {
  /**
   * When set, admin routes answer only requests whose `x-emulator-admin-secret` header equals it.
   * The Node server sets a fresh one per process; in the page (MSW) there is none by default,
   * since nothing there is reachable from the network and the page already holds the emulator.
   */
  adminSecret?: string | undefined;
}

/** Methods a browser sends cross-origin without a preflight when the body type is simple. */
const SIMPLE_METHODS = new Set(['GET', 'HEAD', 'POST']);

/**
 * Refuses an admin request that a hostile page could have sent, before any route runs:
 * - cross-site (`Sec-Fetch-Site: cross-site`, or an `Origin` the emulator does not allow): 403;
 * - a body-carrying method without `Content-Type: application/json` (a `text/plain` POST needs
 *   no preflight, a JSON one does): 415;
 * - a wrong or missing secret when `adminSecret` is set: 401.
 * GET changes nothing; its answers are readable cross-origin only through CORS, which only
 * allowed origins get.
 */
export function checkAdminRequest(
  request: Request,
  method: string,
  { adminSecret, isOriginAllowed }: { adminSecret: string | undefined; isOriginAllowed: (origin: string) => boolean },
): void {
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  if (site === 'cross-site' || (origin !== null && !isOriginAllowed(origin))) {
    throw new EmulatorHttpError(403, `cross-site admin requests are refused (origin ${origin ?? 'unknown'}, sec-fetch-site ${site ?? 'absent'})`);
  }
  if (method !== 'GET' && method !== 'HEAD' && (SIMPLE_METHODS.has(method) || request.body !== null)) {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new EmulatorHttpError(415, `admin requests with a body must be content-type application/json, got "${type || 'none'}"`);
    }
  }
  if (adminSecret !== undefined) {
    const given = request.headers.get(ADMIN_SECRET_HEADER) ?? '';
    if (!safeEqual(given, adminSecret)) {
      throw new EmulatorHttpError(
        401,
        `admin routes need the ${ADMIN_SECRET_HEADER} header with the secret dfns-emulator printed at start (or EmulatorServer.adminSecret)`,
      );
    }
  }
}
