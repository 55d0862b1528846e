import { WebAuthnError, type WebAuthnErrorCode } from '@simplewebauthn/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PasskeyError } from '../../src/errors';
import { toPasskeyError } from '../../src/webauthn';
import { FIREFOX_153_ERRORS } from './firefoxErrors';

const context = { rpId: 'example.com', origin: 'https://app.example.com' };

function simple(code: WebAuthnErrorCode, cause: Error, message = cause.message): WebAuthnError {
  return new WebAuthnError({ message, code, cause });
}

beforeEach(() => {
  // jsdom has no WebAuthn; most cases model a browser that has it.
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('NotAllowedError', () => {
  it('is passkey_cancelled (user cancel or timeout), retryable', () => {
    const cause = new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
    const error = toPasskeyError(cause, context);
    expect(error).toBeInstanceOf(PasskeyError);
    expect(error).toMatchObject({ code: 'passkey_cancelled', retryable: true, cause });
  });

  it('is passkey_cancelled when SimpleWebAuthn passes it through on cause', () => {
    const cause = new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
    const wrapped = simple('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', cause);
    expect(toPasskeyError(wrapped, context)).toMatchObject({ code: 'passkey_cancelled', cause: wrapped });
  });

  it.each([
    'The request is not allowed without user activation.',
    'Failed to execute \'create\': transient activation is required.',
    'The operation requires user gesture.',
    'This request requires a user gesture',
  ])('is passkey_no_user_gesture for "%s"', (message) => {
    const cause = new DOMException(message, 'NotAllowedError');
    expect(toPasskeyError(cause, context).code).toBe('passkey_no_user_gesture');
    expect(toPasskeyError(simple('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', cause), context).code).toBe('passkey_no_user_gesture');
  });
});

describe('NotAllowedError from a blocking Permissions Policy (cross-origin iframe)', () => {
  it.each([
    "The 'publickey-credentials-get' feature is not enabled in this document. Permissions Policy may be used to delegate Web Authentication capabilities to cross-origin child frames.",
    "The 'publickey-credentials-create' feature is not enabled in this document. Permissions Policy may be used to delegate Web Authentication capabilities to cross-origin child frames.",
    'The origin of the document is not the same as its ancestors.',
  ])('is passkey_blocked_in_frame, not a cancel, for "%s"', (message) => {
    const cause = new DOMException(message, 'NotAllowedError');
    const error = toPasskeyError(cause, context);
    expect(error).toMatchObject({ code: 'passkey_blocked_in_frame', retryable: false, cause });
    expect(error.message).toContain('allow="publickey-credentials-get *; publickey-credentials-create *"');
    expect(toPasskeyError(simple('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', cause), context).code).toBe('passkey_blocked_in_frame');
  });
});

describe('what Firefox 153 ESR says (recorded from the browser)', () => {
  const firefox = (key: keyof typeof FIREFOX_153_ERRORS): DOMException =>
    new DOMException(FIREFOX_153_ERRORS[key].message, FIREFOX_153_ERRORS[key].name);
  /** A page framed by another origin: reading the top window's location throws, as in a browser. */
  const inCrossOriginFrame = (): void => {
    vi.stubGlobal('top', {
      get location(): never {
        throw new DOMException('Permission denied to access property "origin" on cross-origin object', 'SecurityError');
      },
    });
  };

  it('is passkey_invalid_domain for a wrong rp id ("The operation is insecure.")', () => {
    expect(toPasskeyError(firefox('wrongRpId'), context)).toMatchObject({ code: 'passkey_invalid_domain', retryable: false });
    expect(toPasskeyError(simple('ERROR_INVALID_RP_ID', firefox('wrongRpId')), context).code).toBe('passkey_invalid_domain');
  });

  it('is passkey_cancelled for a dismissed prompt, refused verification or no authenticator', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    expect(toPasskeyError(firefox('notAllowed'), context)).toMatchObject({ code: 'passkey_cancelled', retryable: true });
    expect(toPasskeyError(simple('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', firefox('notAllowed')), context).code).toBe('passkey_cancelled');
  });

  it('is passkey_already_registered for an excluded credential', () => {
    expect(toPasskeyError(firefox('excluded'), context).code).toBe('passkey_already_registered');
  });

  it('is passkey_aborted for an aborted request', () => {
    expect(toPasskeyError(firefox('aborted'), context)).toMatchObject({ code: 'passkey_aborted', retryable: true });
    expect(toPasskeyError(simple('ERROR_CEREMONY_ABORTED', firefox('aborted')), context).code).toBe('passkey_aborted');
  });

  it('is passkey_no_user_gesture, not a cancel, when the page did not have focus ("CredentialsContainer request is not allowed.")', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const error = toPasskeyError(firefox('containerRefused'), context);
    expect(error).toMatchObject({ code: 'passkey_no_user_gesture', retryable: true });
    expect(error.message).toMatch(/did not have focus/);
    expect(toPasskeyError(simple('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', firefox('containerRefused')), context).code).toBe('passkey_no_user_gesture');
  });

  it('is passkey_blocked_in_frame for the same message in a focused cross-origin frame', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    inCrossOriginFrame();
    const error = toPasskeyError(simple('ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', firefox('containerRefused')), context);
    expect(error).toMatchObject({ code: 'passkey_blocked_in_frame', retryable: false });
  });

  it('is passkey_no_user_gesture for the same message in an unfocused cross-origin frame (a click on it is what is missing)', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    inCrossOriginFrame();
    expect(toPasskeyError(firefox('containerRefused'), context).code).toBe('passkey_no_user_gesture');
  });
});

describe('InvalidStateError', () => {
  it('is passkey_already_registered, as a DOMException and as SimpleWebAuthn reports it', () => {
    const cause = new DOMException('The user attempted to register an authenticator that contains one of the credentials already registered with the relying party.', 'InvalidStateError');
    expect(toPasskeyError(cause, context)).toMatchObject({ code: 'passkey_already_registered', retryable: false });
    expect(toPasskeyError(simple('ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED', cause, 'The authenticator was previously registered'), context).code).toBe(
      'passkey_already_registered',
    );
  });
});

describe('SecurityError', () => {
  it('is passkey_invalid_domain and names the rp id, the origin and the fix', () => {
    const cause = new DOMException('The relying party ID is not a registrable domain suffix of, nor equal to the current domain.', 'SecurityError');
    const error = toPasskeyError(cause, context);
    expect(error).toMatchObject({ code: 'passkey_invalid_domain', retryable: false });
    expect(error.message).toContain('"example.com"');
    expect(error.message).toContain('"https://app.example.com"');
    expect(error.message).toMatch(/equal or be a parent of the page's host/);
    expect(error.message).toMatch(/Dfns Passkey Settings/);
  });

  it.each(['ERROR_INVALID_DOMAIN', 'ERROR_INVALID_RP_ID'] as const)('is passkey_invalid_domain for SimpleWebAuthn %s', (code) => {
    const cause = new DOMException('bad domain', 'SecurityError');
    expect(toPasskeyError(simple(code, cause), context).code).toBe('passkey_invalid_domain');
  });

  it('defaults the origin to location.origin', () => {
    const error = toPasskeyError(new DOMException('x', 'SecurityError'), { rpId: 'example.com' });
    expect(error.message).toContain(location.origin);
  });
});

describe('AbortError', () => {
  it('is passkey_aborted, as a DOMException and as SimpleWebAuthn ERROR_CEREMONY_ABORTED', () => {
    const cause = new DOMException('signal is aborted without reason', 'AbortError');
    expect(toPasskeyError(cause, context)).toMatchObject({ code: 'passkey_aborted', retryable: true });
    expect(toPasskeyError(simple('ERROR_CEREMONY_ABORTED', cause), context).code).toBe('passkey_aborted');
  });

  it('is passkey_aborted for any failure once the caller\'s signal has aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toPasskeyError(new Error('whatever'), { ...context, signal: controller.signal }).code).toBe('passkey_aborted');
  });
});

describe('NotSupportedError', () => {
  it('is webauthn_unsupported', () => {
    expect(toPasskeyError(new DOMException('not supported', 'NotSupportedError'), context)).toMatchObject({
      code: 'webauthn_unsupported',
      retryable: false,
    });
  });

  it('is passkey_failed when SimpleWebAuthn says no authenticator supports the algorithms', () => {
    const cause = new DOMException('x', 'NotSupportedError');
    expect(toPasskeyError(simple('ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG', cause), context).code).toBe('passkey_failed');
  });

  it('is webauthn_unsupported when SimpleWebAuthn finds no WebAuthn or no autofill', () => {
    expect(toPasskeyError(new Error('WebAuthn is not supported in this browser'), context).code).toBe('webauthn_unsupported');
    expect(toPasskeyError(new Error('Browser does not support WebAuthn autofill'), context).code).toBe('webauthn_unsupported');
  });

  it('is webauthn_unsupported for any failure where PublicKeyCredential does not exist', () => {
    vi.unstubAllGlobals();
    expect(toPasskeyError(new TypeError("Cannot read properties of undefined (reading 'create')"), context).code).toBe(
      'webauthn_unsupported',
    );
  });
});

describe('any other error', () => {
  it('is passkey_failed and keeps the original as cause', () => {
    const cause = new DOMException('The authenticator was unable to process the request', 'UnknownError');
    const error = toPasskeyError(cause, context);
    expect(error).toMatchObject({ code: 'passkey_failed', retryable: true, cause });
    expect(error.message).toContain('UnknownError');
  });

  it('is passkey_failed for thrown non-errors', () => {
    expect(toPasskeyError('boom', context)).toMatchObject({ code: 'passkey_failed', cause: 'boom' });
  });

  it('passes a PasskeyError through unchanged', () => {
    const error = new PasskeyError('passkey_cancelled', 'x');
    expect(toPasskeyError(error, context)).toBe(error);
  });
});
