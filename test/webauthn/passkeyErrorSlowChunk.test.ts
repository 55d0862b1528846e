import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPasskey } from '../../src/webauthn/createPasskey';
import { signWithPasskey } from '../../src/webauthn/signWithPasskey';
import { registrationChallenge, rp, signingChallenge } from './fixtures';

/** What happened, in order: the prompt opening, and the request for the failure's code. */
const order = vi.hoisted((): string[] => []);

// The chunk with the code that reads a failed ceremony is asked for only once a prompt is open,
// and arrives slowly (120 ms, more than the 50 ms of a platform refusal).
vi.mock('../../src/webauthn/toPasskeyError', async (importOriginal) => {
  order.push('chunk requested');
  await new Promise((resolve) => setTimeout(resolve, 120));
  return importOriginal();
});

const FIREFOX_REFUSAL =
  'The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.';

beforeEach(() => {
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the code that reads a failed ceremony, loaded when the ceremony starts', () => {
  it('is asked for after the prompt opened (never between the click and the prompt), and times the refusal at the failure', async () => {
    const challenge = registrationChallenge();
    const platform = { ...challenge, authenticatorSelection: { ...challenge.authenticatorSelection, authenticatorAttachment: 'platform' as const } };
    const authenticator = {
      create: vi.fn(() => {
        order.push('prompt');
        return Promise.reject(new DOMException(FIREFOX_REFUSAL, 'NotAllowedError'));
      }),
      get: vi.fn(() => {
        order.push('sign prompt');
        return Promise.reject(new DOMException(FIREFOX_REFUSAL, 'NotAllowedError'));
      }),
      isPlatformAuthenticatorAvailable: async () => true,
    };
    // Refused at once (no platform authenticator), read 120 ms later, once the chunk arrived: still
    // passkey_platform_unavailable, as the time is taken at the failure.
    await expect(createPasskey(platform, { rp, authenticator })).rejects.toMatchObject({ code: 'passkey_platform_unavailable', retryable: false });
    await expect(signWithPasskey(signingChallenge(), { rp, authenticator })).rejects.toMatchObject({ code: 'passkey_cancelled', retryable: true });
    expect(order).toEqual(['prompt', 'chunk requested', 'sign prompt']);
  });
});
