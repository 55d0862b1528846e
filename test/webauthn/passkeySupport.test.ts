import { afterEach, describe, expect, it, vi } from 'vitest';
import { passkeySupport } from '../../src/webauthn';
import { conditionalMediationAvailable } from '../../src/webauthn/conditionalMediationAvailable';

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

describe('conditionalMediationAvailable (what passkey autofill asks, and nothing else)', () => {
  it('is the browser\'s answer, false without WebAuthn, without the check or when it fails, and asks nothing more', async () => {
    const isUserVerifyingPlatformAuthenticatorAvailable = vi.fn(async () => true);
    vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { isConditionalMediationAvailable: async () => true, isUserVerifyingPlatformAuthenticatorAvailable }));
    await expect(conditionalMediationAvailable()).resolves.toBe(true);
    expect(isUserVerifyingPlatformAuthenticatorAvailable).not.toHaveBeenCalled();
    vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { isConditionalMediationAvailable: async () => false }));
    await expect(conditionalMediationAvailable()).resolves.toBe(false);
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    await expect(conditionalMediationAvailable()).resolves.toBe(false);
    vi.stubGlobal('PublicKeyCredential', undefined);
    await expect(conditionalMediationAvailable()).resolves.toBe(false);
    vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { isConditionalMediationAvailable: () => Promise.reject(new Error('boom')) }));
    await expect(conditionalMediationAvailable()).resolves.toBe(false);
  });
});
