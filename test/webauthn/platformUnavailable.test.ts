import type { RegistrationResponseJSON } from '@simplewebauthn/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegistrationChallenge } from '../../src/api/types';
import { PasskeyError } from '../../src/errors';
import { createPasskey, simpleWebAuthnAuthenticator, toPasskeyError, type PasskeyAuthenticator } from '../../src/webauthn';
import { registrationChallenge, rp } from './fixtures';

/** Firefox 153's words for a refused request, whatever the reason (recorded in the real browser). */
const FIREFOX_REFUSAL =
  'The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.';
const CHROMIUM_REFUSAL =
  'The operation either timed out or was not allowed. See: https://www.w3.org/TR/webauthn-2/#sctn-privacy-considerations-client.';

const context = { rpId: 'example.com', origin: 'https://app.example.com' };

function platformChallenge(attachment: 'platform' | 'cross-platform' | 'none' = 'platform'): RegistrationChallenge {
  const { authenticatorAttachment: _fixture, ...selection } = registrationChallenge().authenticatorSelection;
  return {
    ...registrationChallenge(),
    authenticatorSelection: { ...selection, ...(attachment === 'none' ? {} : { authenticatorAttachment: attachment }) },
  };
}

const registration: RegistrationResponseJSON = {
  id: 'cred-id_1',
  rawId: 'cred-id_1',
  type: 'public-key',
  response: { clientDataJSON: 'Y2xpZW50', attestationObject: 'YXR0ZXN0' },
  clientExtensionResults: {},
};

beforeEach(() => {
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('toPasskeyError for a platform request', () => {
  it.each([FIREFOX_REFUSAL, CHROMIUM_REFUSAL])('reads a NotAllowedError within 50 ms as passkey_platform_unavailable: "%s"', (message) => {
    const cause = new DOMException(message, 'NotAllowedError');
    const error = toPasskeyError(cause, { ...context, attachment: 'platform', elapsedMs: 1 });
    expect(error).toMatchObject({ code: 'passkey_platform_unavailable', retryable: false, cause });
    expect(error.message).toContain('Passkey Settings');
    expect(error.message).toContain('authenticatorAttachment "platform"');
  });

  it('still reads a slower NotAllowedError (a person closed the prompt) as passkey_cancelled', () => {
    const cause = new DOMException(FIREFOX_REFUSAL, 'NotAllowedError');
    expect(toPasskeyError(cause, { ...context, attachment: 'platform', elapsedMs: 50 }).code).toBe('passkey_cancelled');
    expect(toPasskeyError(cause, { ...context, attachment: 'platform', elapsedMs: 2400 }).code).toBe('passkey_cancelled');
  });

  it('reads a quick NotAllowedError as a cancel when the request did not ask for platform, or was not timed', () => {
    const cause = new DOMException(FIREFOX_REFUSAL, 'NotAllowedError');
    expect(toPasskeyError(cause, { ...context, attachment: 'cross-platform', elapsedMs: 1 }).code).toBe('passkey_cancelled');
    expect(toPasskeyError(cause, { ...context, elapsedMs: 1 }).code).toBe('passkey_cancelled');
    expect(toPasskeyError(cause, { ...context, attachment: 'platform' }).code).toBe('passkey_cancelled');
  });

  it('keeps the other readings of a quick NotAllowedError (frame, gesture) and of other errors', () => {
    const quick = { ...context, attachment: 'platform' as const, elapsedMs: 1 };
    const frame = new DOMException("The 'publickey-credentials-create' feature is not enabled in this document.", 'NotAllowedError');
    expect(toPasskeyError(frame, quick).code).toBe('passkey_blocked_in_frame');
    expect(toPasskeyError(new DOMException('The operation requires user gesture.', 'NotAllowedError'), quick).code).toBe('passkey_no_user_gesture');
    expect(toPasskeyError(new DOMException('x', 'InvalidStateError'), quick).code).toBe('passkey_already_registered');
    const aborted = AbortSignal.abort();
    expect(toPasskeyError(new DOMException(FIREFOX_REFUSAL, 'NotAllowedError'), { ...quick, signal: aborted }).code).toBe('passkey_aborted');
  });
});

describe('createPasskey with a platform request', () => {
  function browserLike(available: boolean | undefined, create: PasskeyAuthenticator['create'] = async () => registration) {
    return {
      create: vi.fn(create),
      get: vi.fn<PasskeyAuthenticator['get']>(),
      isPlatformAuthenticatorAvailable: vi.fn(async () => available),
    };
  }

  it('does not open a prompt when there is no platform authenticator, and says why', async () => {
    const authenticator = browserLike(false);
    const error: unknown = await createPasskey(platformChallenge(), { rp, authenticator }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasskeyError);
    expect(error).toMatchObject({ code: 'passkey_platform_unavailable', retryable: false });
    expect((error as Error).message).toContain('Passkey Settings');
    expect(authenticator.create).not.toHaveBeenCalled();
  });

  it('reports an abort during the check as passkey_aborted, not as a missing platform authenticator', async () => {
    const controller = new AbortController();
    const authenticator = browserLike(false);
    authenticator.isPlatformAuthenticatorAvailable.mockImplementation(async () => {
      controller.abort();
      return false;
    });
    await expect(createPasskey(platformChallenge(), { rp, authenticator, signal: controller.signal })).rejects.toMatchObject({
      code: 'passkey_aborted',
    });
    expect(authenticator.create).not.toHaveBeenCalled();
  });

  it('opens the prompt when there is one, or when the browser cannot tell', async () => {
    for (const available of [true, undefined]) {
      const authenticator = browserLike(available);
      await expect(createPasskey(platformChallenge(), { rp, authenticator })).resolves.toMatchObject({ credentialKind: 'Fido2' });
      expect(authenticator.create).toHaveBeenCalledTimes(1);
    }
  });

  it('asks nothing for a request that does not ask for platform', async () => {
    for (const attachment of ['cross-platform', 'none'] as const) {
      const authenticator = browserLike(false);
      await expect(createPasskey(platformChallenge(attachment), { rp, authenticator })).resolves.toBeDefined();
      expect(authenticator.isPlatformAuthenticatorAvailable).not.toHaveBeenCalled();
    }
  });

  it('reads an immediate refusal of the browser as passkey_platform_unavailable, never as a cancel', async () => {
    const authenticator = browserLike(true, async () => {
      throw new DOMException(FIREFOX_REFUSAL, 'NotAllowedError');
    });
    await expect(createPasskey(platformChallenge(), { rp, authenticator })).rejects.toMatchObject({ code: 'passkey_platform_unavailable' });
  });

  it('reads a refusal after a person had time to see the prompt as a cancel', async () => {
    const authenticator = browserLike(true, async () => {
      await new Promise((resolve) => setTimeout(resolve, 120));
      throw new DOMException(FIREFOX_REFUSAL, 'NotAllowedError');
    });
    await expect(createPasskey(platformChallenge(), { rp, authenticator })).rejects.toMatchObject({ code: 'passkey_cancelled' });
  });

  it('times nothing for an authenticator that does not speak for a platform (a scripted fake cancels at once)', async () => {
    const authenticator: PasskeyAuthenticator = {
      create: async () => {
        throw new DOMException(CHROMIUM_REFUSAL, 'NotAllowedError');
      },
      get: vi.fn(),
    };
    await expect(createPasskey(platformChallenge(), { rp, authenticator })).rejects.toMatchObject({ code: 'passkey_cancelled' });
  });
});

describe('createPasskey with no authenticator (the SimpleWebAuthn default)', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'credentials');
  });

  it('asks the browser for a platform authenticator and opens no prompt when it has none', async () => {
    const isUserVerifyingPlatformAuthenticatorAvailable = vi.fn(async () => false);
    vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { isUserVerifyingPlatformAuthenticatorAvailable }));
    const create = vi.fn();
    Object.defineProperty(navigator, 'credentials', { configurable: true, value: { create, get: vi.fn() } });
    await expect(createPasskey(platformChallenge(), { rp })).rejects.toMatchObject({ code: 'passkey_platform_unavailable' });
    expect(isUserVerifyingPlatformAuthenticatorAvailable).toHaveBeenCalledTimes(1);
    expect(create).not.toHaveBeenCalled();
  });

  it('times the browser\'s refusal, so an immediate one reads as passkey_platform_unavailable', async () => {
    vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { isUserVerifyingPlatformAuthenticatorAvailable: async () => true }));
    const create = vi.fn(async () => {
      throw new DOMException(FIREFOX_REFUSAL, 'NotAllowedError');
    });
    Object.defineProperty(navigator, 'credentials', { configurable: true, value: { create, get: vi.fn() } });
    await expect(createPasskey(platformChallenge(), { rp })).rejects.toMatchObject({ code: 'passkey_platform_unavailable' });
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe('simpleWebAuthnAuthenticator.isPlatformAuthenticatorAvailable', () => {
  it('is the browser\'s isUserVerifyingPlatformAuthenticatorAvailable, undefined where there is none or it fails', async () => {
    const check = simpleWebAuthnAuthenticator.isPlatformAuthenticatorAvailable!;
    vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { isUserVerifyingPlatformAuthenticatorAvailable: async () => false }));
    await expect(check()).resolves.toBe(false);
    vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { isUserVerifyingPlatformAuthenticatorAvailable: async () => true }));
    await expect(check()).resolves.toBe(true);
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    await expect(check()).resolves.toBeUndefined();
    vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { isUserVerifyingPlatformAuthenticatorAvailable: () => Promise.reject(new Error('x')) }));
    await expect(check()).resolves.toBeUndefined();
  });
});
