import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PasskeyError } from '../../src/errors';
import { createPasskey } from '../../src/webauthn/createPasskey';
import { signWithPasskey } from '../../src/webauthn/signWithPasskey';
import { registrationChallenge, rp, signingChallenge } from './fixtures';

// The chunk with the code that reads a failed ceremony does not arrive (offline, or a new
// deployment replaced it): the import() of src/webauthn/toPasskeyError rejects.
vi.mock('../../src/webauthn/toPasskeyError', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const refusal = new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
const platform = () => {
  const challenge = registrationChallenge();
  return { ...challenge, authenticatorSelection: { ...challenge.authenticatorSelection, authenticatorAttachment: 'platform' as const } };
};

beforeEach(() => {
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a failed passkey ceremony whose reading code cannot load', () => {
  it('is a retryable passkey_failed with the browser\'s error as cause, for createPasskey and signWithPasskey', async () => {
    const authenticator = { create: vi.fn(() => Promise.reject(refusal)), get: vi.fn(() => Promise.reject(refusal)) };
    for (const ceremony of [createPasskey(registrationChallenge(), { rp, authenticator }), signWithPasskey(signingChallenge(), { rp, authenticator })]) {
      const error: unknown = await ceremony.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PasskeyError);
      expect(error).toMatchObject({ code: 'passkey_failed', retryable: true, cause: refusal });
    }
  });

  it('is passkey_aborted once the caller aborted', async () => {
    const controller = new AbortController();
    const authenticator = {
      create: vi.fn(() => {
        controller.abort();
        return Promise.reject(new DOMException('aborted', 'AbortError'));
      }),
      get: vi.fn(),
    };
    await expect(createPasskey(registrationChallenge(), { rp, authenticator, signal: controller.signal })).rejects.toMatchObject({
      code: 'passkey_aborted',
      retryable: true,
    });
  });

  it('is a retryable passkey_failed, not a crash, when the kit refuses a platform registration itself', async () => {
    const authenticator = { create: vi.fn(), get: vi.fn(), isPlatformAuthenticatorAvailable: async () => false };
    await expect(createPasskey(platform(), { rp, authenticator })).rejects.toMatchObject({ code: 'passkey_failed', retryable: true });
    expect(authenticator.create).not.toHaveBeenCalled();
  });
});
