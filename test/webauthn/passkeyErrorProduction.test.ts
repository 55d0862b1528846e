import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPasskey, toPasskeyError } from '../../src/webauthn';
import { registrationChallenge, rp } from './fixtures';

const context = { rpId: 'example.com', origin: 'https://app.example.com' };

beforeEach(() => {
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('toPasskeyError in an app\'s production build (process.env.NODE_ENV "production")', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production');
  });

  it('keeps the code, the rp id, the page origin and the browser\'s own words, without the development explanation', () => {
    const cause = new DOMException('The operation is insecure.', 'SecurityError');
    const error = toPasskeyError(cause, context);
    expect(error).toMatchObject({ code: 'passkey_invalid_domain', retryable: false, cause });
    expect(error.message).toBe(
      'Passkey ceremony failed: passkey_invalid_domain, rp id "example.com", page origin "https://app.example.com" (SecurityError: The operation is insecure.).',
    );
  });

  it('maps every error as in development: the same code and retryable, only the message is shorter', () => {
    const frame = new DOMException("The 'publickey-credentials-get' feature is not enabled in this document.", 'NotAllowedError');
    const production = toPasskeyError(frame, context);
    vi.stubEnv('NODE_ENV', 'development');
    const development = toPasskeyError(frame, context);
    expect(production).toMatchObject({ code: development.code, retryable: development.retryable, cause: frame });
    expect(development.message).toContain('allow="publickey-credentials-get *; publickey-credentials-create *"');
    expect(production.message).not.toContain('allow=');
    expect(production.message.length).toBeLessThan(development.message.length);
  });

  it('names the rp id and origin when the kit refuses a platform registration itself', async () => {
    const challenge = registrationChallenge();
    const platform = { ...challenge, authenticatorSelection: { ...challenge.authenticatorSelection, authenticatorAttachment: 'platform' as const } };
    const authenticator = { create: vi.fn(), get: vi.fn(), isPlatformAuthenticatorAvailable: async () => false };
    const error: unknown = await createPasskey(platform, { rp, authenticator }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'passkey_platform_unavailable', retryable: false });
    expect((error as Error).message).toBe(
      `Passkey ceremony failed: passkey_platform_unavailable, rp id "${rp.id}", page origin "${location.origin}".`,
    );
  });
});
