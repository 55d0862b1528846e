import { ADMIN_SECRET_HEADER } from './adminGuard';

/** Headers a browser page may send to the emulator (the admin secret for a panel on an allowed origin). */
const ALLOWED_HEADERS = `authorization, content-type, x-dfns-useraction, x-dfns-sdk-version, ${ADMIN_SECRET_HEADER}`;

/** CORS response headers for an allowed `Origin`, or none (the browser then blocks the call). */
export function corsHeaders(origin: string | null, isOriginAllowed: (origin: string) => boolean): Record<string, string> {
  if (!origin || !isOriginAllowed(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
    // A page reads how long to wait after a 429 (wrong codes, the org rate limit).
    'access-control-expose-headers': 'retry-after',
    vary: 'Origin',
  };
}
