import { describe, expect, it } from 'vitest';
import { bytesToBase64url } from '../../src/encoding/base64url';
import { signalAcceptedPasskeys } from '../../src/webauthn/signalAcceptedPasskeys';

// Real Chromium: the browser checks the rp id against the page and the ids as base64url, so a
// wrong shape would be refused here (and resolve false), not only in a user's browser.
describe('signalAcceptedPasskeys in Chromium', () => {
  it('is accepted by the browser’s Signal API for this page’s rp id', async () => {
    expect(typeof (PublicKeyCredential as unknown as { signalAllAcceptedCredentials?: unknown }).signalAllAcceptedCredentials).toBe('function');
    const credentialId = bytesToBase64url(crypto.getRandomValues(new Uint8Array(16)));
    await expect(signalAcceptedPasskeys({ rpId: location.hostname, dfnsUserId: 'us-2b3c4-d5e6f', credentialIds: [credentialId] })).resolves.toBe(true);
  });

  it('is refused, as false rather than an exception, for an rp id the page may not use', async () => {
    await expect(signalAcceptedPasskeys({ rpId: 'example.com', dfnsUserId: 'us-1', credentialIds: ['AAAA'] })).resolves.toBe(false);
  });
});
