import type { DfnsAuthError, DfnsAuthErrorCode } from '../errors';

/**
 * Codes only a developer can fix: the set-up (`config_error`), the rp id or the frame
 * (`passkey_invalid_domain`, `passkey_blocked_in_frame`), the organisation's passkey settings
 * (`passkey_platform_unavailable`: only platform passkeys, on a device without one), an API answer the kit cannot read
 * (`invalid_response`, often a wrong `baseUrl` that answers with a web page), an API it cannot reach
 * (`network_error`: wrong `baseUrl` or CORS) and the kit's own surprises (`unknown_error`). The user
 * sees copy that cannot name the fix; the developer gets `error.message`, which does.
 */
export const DEVELOPER_ERROR_CODES: readonly DfnsAuthErrorCode[] = [
  'config_error',
  'passkey_invalid_domain',
  'passkey_blocked_in_frame',
  'passkey_platform_unavailable',
  'invalid_response',
  'network_error',
  'unknown_error',
];

// Causes already logged (code + message), so a re-render, StrictMode or a retry logs nothing new.
let warned: Set<string> | undefined;

/**
 * In development builds, logs one `console.warn` per cause (code and message) for an error only a
 * developer can fix, with the message that names the fix; does nothing in production builds.
 * Messages of kit errors never quote a secret, so the warning cannot either.
 */
export function warnDeveloper(error: DfnsAuthError): void {
  // The whole body sits behind the check React libraries use, so an app's production bundle,
  // which defines process.env.NODE_ENV as "production", drops it, strings and all.
  if (process.env.NODE_ENV !== 'production') {
    if (!DEVELOPER_ERROR_CODES.includes(error.code)) return;
    const cause = `${error.code}\n${error.message}`;
    warned ??= new Set();
    if (warned.has(cause)) return;
    warned.add(cause);
    console.warn(`[dfns-react-kit] ${error.code}: ${error.message}`);
  }
}

/** Forgets which causes were logged, so each test starts from a clean slate. */
export function resetDeveloperWarnings(): void {
  warned = undefined;
}
