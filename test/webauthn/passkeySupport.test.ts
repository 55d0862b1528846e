import { afterEach, describe, expect, it, vi } from 'vitest';
import { passkeySupport } from '../../src/webauthn';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('passkeySupport', () => {
  it('reports no support, without throwing, where PublicKeyCredential is missing', async () => {
    vi.stubGlobal('PublicKeyCredential', undefined);
    const support = passkeySupport();
    expect(support.webauthn).toBe(false);
    await expect(support.conditionalMediation).resolves.toBe(false);
    await expect(support.platformAuthenticator).resolves.toBe(false);
  });

  it('reports what the browser says it can do', async () => {
    const api = Object.assign(function PublicKeyCredential() {}, {
      isConditionalMediationAvailable: async () => true,
      isUserVerifyingPlatformAuthenticatorAvailable: async () => false,
    });
    vi.stubGlobal('PublicKeyCredential', api);
    const support = passkeySupport();
    expect(support.webauthn).toBe(true);
    await expect(support.conditionalMediation).resolves.toBe(true);
    await expect(support.platformAuthenticator).resolves.toBe(false);
  });

  it('turns a capability check that throws or rejects into false', async () => {
    const api = Object.assign(function PublicKeyCredential() {}, {
      isConditionalMediationAvailable: () => {
        throw new Error('boom');
      },
      isUserVerifyingPlatformAuthenticatorAvailable: () => Promise.reject(new Error('boom')),
    });
    vi.stubGlobal('PublicKeyCredential', api);
    const support = passkeySupport();
    await expect(support.conditionalMediation).resolves.toBe(false);
    await expect(support.platformAuthenticator).resolves.toBe(false);
  });
});
