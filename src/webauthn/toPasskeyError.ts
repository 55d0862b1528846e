import { PasskeyError, type PasskeyErrorCode } from '../errors';

/** Context `toPasskeyError` names in its messages, so that they say what to fix. */
export interface PasskeyErrorContext {
  /** The rp id the ceremony used. */
  rpId: string;
  /** The page origin; defaults to `location.origin`. */
  origin?: string | undefined;
  /** The caller's signal: once it has aborted, any failure is `passkey_aborted`. */
  signal?: AbortSignal | undefined;
  /** The `authenticatorSelection.authenticatorAttachment` the ceremony asked for, if any. */
  attachment?: 'platform' | 'cross-platform' | undefined;
  /** Milliseconds from the ceremony's start to its failure. */
  elapsedMs?: number | undefined;
}

/**
 * A NotAllowedError sooner than this after a `platform` request is the browser refusing for lack
 * of a platform authenticator, not a person: measured 0–1 ms in Firefox 153 (no built-in
 * authenticator on Linux), while nobody reads and dismisses a prompt in under ~150 ms (human
 * reaction time), so 50 ms leaves room for a slow machine on one side and people on the other.
 */
export const PLATFORM_REFUSAL_MS = 50;

/** The `{ name, message, code }` of a DOMException, a SimpleWebAuthn `WebAuthnError`, or any error. */
interface ErrorFacts {
  name: string;
  message: string;
  /** SimpleWebAuthn's `WebAuthnError.code`, when there is one. */
  code: string | undefined;
}

function facts(error: unknown): ErrorFacts {
  if (typeof error !== 'object' || error === null) return { name: '', message: String(error), code: undefined };
  const record = error as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const code = typeof record.code === 'string' && record.code.startsWith('ERROR_') ? record.code : undefined;
  const cause = record.cause as { name?: unknown; message?: unknown } | undefined;
  // SimpleWebAuthn passes NotAllowedError through untouched; the browser's own name is on `cause`.
  const name =
    code === 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY' && typeof cause?.name === 'string'
      ? cause.name
      : typeof record.name === 'string'
        ? record.name
        : '';
  const message =
    typeof record.message === 'string' && record.message !== ''
      ? record.message
      : typeof cause?.message === 'string'
        ? cause.message
        : '';
  return { name, message, code };
}

const USER_ACTIVATION = /user (activation|gesture)|transient activation|requires? (a )?user gesture/i;
/**
 * A cross-origin iframe without `allow="publickey-credentials-get …"`: Chromium says the feature is
 * "not enabled in this document" (Permissions Policy), Safari that the origin differs from its
 * ancestors. Both throw NotAllowedError, which would otherwise read as a cancel.
 */
const BLOCKED_IN_FRAME = /publickey-credentials-(get|create)|permissions policy|not the same as its ancestors/i;
/**
 * Firefox's one message for a request it refuses before asking any authenticator: the page does
 * not have focus (another tab or window is in front), or a cross-origin frame's Permissions Policy
 * does not delegate WebAuthn. Recorded from Firefox 153 ESR, for `create` and `get` alike.
 */
const CONTAINER_REFUSED = /CredentialsContainer request is not allowed/i;

/** True in a frame whose top document is on another origin (reading its location throws). */
function isCrossOriginFrame(): boolean {
  const page = globalThis as { self?: unknown; top?: { location: { origin: string } } | null; location?: { origin: string } };
  if (!page.top || page.top === page.self) return false;
  try {
    return page.top.location.origin !== page.location?.origin;
  } catch {
    return true;
  }
}

/**
 * Which of Firefox's two refusals it was, from the page at the moment of the error: an unfocused
 * page needs the user's click on it (then Continue works); a focused cross-origin frame is blocked
 * by its policy. Neither is a cancel: the user never saw a prompt.
 */
function containerRefusal(): PasskeyErrorCode {
  const focused = (globalThis as { document?: { hasFocus?: () => boolean } }).document?.hasFocus?.();
  return focused !== false && isCrossOriginFrame() ? 'passkey_blocked_in_frame' : 'passkey_no_user_gesture';
}

const UNSUPPORTED = /does not support webauthn|webauthn is not supported|publickeycredential is not defined/i;

function classify({ name, message, code }: ErrorFacts, context: PasskeyErrorContext): PasskeyErrorCode {
  switch (code) {
    case 'ERROR_CEREMONY_ABORTED':
      return 'passkey_aborted';
    case 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED':
      return 'passkey_already_registered';
    case 'ERROR_INVALID_DOMAIN':
    case 'ERROR_INVALID_RP_ID':
      return 'passkey_invalid_domain';
    default:
      break;
  }
  switch (name) {
    case 'NotAllowedError':
      // Browsers reuse NotAllowedError for "no user activation" and for a blocking Permissions
      // Policy; only the message tells them apart from a cancel.
      if (BLOCKED_IN_FRAME.test(message)) return 'passkey_blocked_in_frame';
      if (CONTAINER_REFUSED.test(message)) return containerRefusal();
      if (USER_ACTIVATION.test(message)) return 'passkey_no_user_gesture';
      return isPlatformRefusal(context) ? 'passkey_platform_unavailable' : 'passkey_cancelled';
    case 'InvalidStateError':
      return 'passkey_already_registered';
    case 'SecurityError':
      return 'passkey_invalid_domain';
    case 'AbortError':
      return 'passkey_aborted';
    case 'NotSupportedError':
      return code === undefined ? 'webauthn_unsupported' : 'passkey_failed';
    default:
      break;
  }
  if (UNSUPPORTED.test(message) || typeof (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential !== 'function') {
    return 'webauthn_unsupported';
  }
  return 'passkey_failed';
}

/** A `platform` request refused faster than a person could: no platform authenticator to ask. */
function isPlatformRefusal({ attachment, elapsedMs }: PasskeyErrorContext): boolean {
  return attachment === 'platform' && elapsedMs !== undefined && elapsedMs < PLATFORM_REFUSAL_MS;
}

/**
 * What each code means to a developer and how to fix it, for development builds only (see `explain`):
 * a sentence without its final period, which `explain` adds after the browser's own words.
 */
const DEVELOPER_EXPLANATIONS: Record<PasskeyErrorCode, (rpId: string, origin: string) => string> = {
  passkey_cancelled: () => 'The passkey prompt was dismissed or timed out',
  passkey_no_user_gesture: () =>
    'The browser refused the passkey prompt without a user gesture, or while the page did not have focus ' +
    '(another tab or window in front); start the ceremony from a click handler in the focused page',
  passkey_already_registered: () => 'This authenticator already holds a passkey for this user (excludeCredentials)',
  passkey_invalid_domain: (rpId, origin) =>
    `The rp id "${rpId}" is not valid for the page origin "${origin}": the rp id must equal or be a ` +
    `parent of the page's host, and the origin must be allowed in Dfns Passkey Settings`,
  passkey_blocked_in_frame: (_rpId, origin) =>
    'The page runs in a cross-origin iframe whose Permissions Policy blocks WebAuthn: give the iframe ' +
    `allow="publickey-credentials-get *; publickey-credentials-create *", or open the page top-level (origin "${origin}")`,
  passkey_platform_unavailable: () =>
    `The organisation's Dfns Passkey Settings ask for authenticatorAttachment "platform" (a passkey built into ` +
    'the device), and this browser has no platform authenticator (isUserVerifyingPlatformAuthenticatorAvailable ' +
    'answered false, or the browser refused at once). Users need a device with one (Windows Hello, Touch ID, ' +
    'Android); to let them use security keys and phones too, change authenticatorAttachment in the Passkey Settings',
  passkey_aborted: () => 'The passkey ceremony was aborted (unmount, cancel, or a newer ceremony)',
  webauthn_unsupported: () => 'This browser does not support WebAuthn passkeys (no PublicKeyCredential, or not a secure context)',
  passkey_failed: () => 'The passkey ceremony failed',
};

/**
 * The developer message: in development builds the explanation and its fix; in an app's production
 * bundle (`process.env.NODE_ENV` "production", the check `warnDeveloper` uses, so the bundler drops
 * the explanations) the facts alone: the code, the rp id, the page origin. Both end with the
 * browser's own words. Users never read it: their copy comes from the messages by code.
 */
function explain(code: PasskeyErrorCode, error: ErrorFacts, { rpId, origin: given }: PasskeyErrorContext): string {
  const origin = given ?? (globalThis as { location?: { origin?: string } }).location?.origin ?? '(no page origin)';
  const detail = error.message === '' ? '' : ` (${error.name || 'Error'}: ${error.message})`;
  if (process.env.NODE_ENV !== 'production') return `${DEVELOPER_EXPLANATIONS[code](rpId, origin)}${detail}.`;
  return `Passkey ceremony failed: ${code}, rp id "${rpId}", page origin "${origin}"${detail}.`;
}

const RETRYABLE: Record<PasskeyErrorCode, boolean> = {
  passkey_cancelled: true,
  passkey_no_user_gesture: true,
  passkey_aborted: true,
  passkey_failed: true,
  passkey_already_registered: false,
  passkey_invalid_domain: false,
  passkey_blocked_in_frame: false,
  // The same browser will refuse the same request again.
  passkey_platform_unavailable: false,
  webauthn_unsupported: false,
};

/**
 * The one place that reads DOMException names and SimpleWebAuthn `WebAuthnError` codes: any
 * failure of a passkey ceremony as a `PasskeyError` with a stable code, the original as `cause`,
 * and a developer message naming the fix (for domains: the rp id and the page origin).
 * @example catch (error) { throw toPasskeyError(error, { rpId: rp.id }); }
 */
export function toPasskeyError(error: unknown, context: PasskeyErrorContext): PasskeyError {
  if (error instanceof PasskeyError) return error;
  const errorFacts = facts(error);
  const code = context.signal?.aborted === true ? 'passkey_aborted' : classify(errorFacts, context);
  return new PasskeyError(code, explain(code, errorFacts, context), { cause: error, retryable: RETRYABLE[code] });
}

/**
 * The error for a `platform` registration that the kit did not start because the browser said it
 * has no platform authenticator: the same code and message as the browser's own quick refusal.
 * @example if (!(await authenticator.isPlatformAuthenticatorAvailable())) throw platformUnavailableError({ rpId: rp.id });
 */
export function platformUnavailableError(context: PasskeyErrorContext): PasskeyError {
  const code = 'passkey_platform_unavailable';
  return new PasskeyError(code, explain(code, { name: '', message: '', code: undefined }, context), { retryable: RETRYABLE[code] });
}
