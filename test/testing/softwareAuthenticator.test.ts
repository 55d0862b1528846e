import { describe, expect, it } from 'vitest';
import { utf8ToBase64url } from '../../src/encoding/base64url';
import { createSoftwareAuthenticator } from '../../src/testing/index';

// Component and hook tests run in jsdom: the authenticator must work there too, not only in Node.
describe('createSoftwareAuthenticator under jsdom', () => {
  it('registers and then signs with the same credential', async () => {
    const authenticator = createSoftwareAuthenticator({ origin: window.location.origin });
    const registration = await authenticator.create({
      rp: { id: window.location.hostname, name: 'Kit tests' },
      user: { id: utf8ToBase64url('us-1'), name: 'alice', displayName: 'Alice' },
      challenge: utf8ToBase64url('challenge'),
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    });
    const assertion = await authenticator.get({ challenge: utf8ToBase64url('login') });
    expect(assertion.id).toBe(registration.id);
    expect(assertion.response.signature).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
