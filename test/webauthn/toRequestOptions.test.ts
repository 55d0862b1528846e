import { describe, expect, it } from 'vitest';
import { toRequestOptions } from '../../src/webauthn';
import { signingChallenge } from './fixtures';

describe('toRequestOptions', () => {
  it('maps a login challenge with allowed passkeys field by field', () => {
    const challenge = signingChallenge(['AAEC_-8', 'cred-2'], 'ch-7a2ed-qo4vp-9ud0v0dklgma8ctg');
    expect(toRequestOptions(challenge, { rpId: 'example.com' })).toEqual({
      challenge: Buffer.from('ch-7a2ed-qo4vp-9ud0v0dklgma8ctg', 'utf8').toString('base64url'),
      rpId: 'example.com',
      allowCredentials: [
        { id: 'AAEC_-8', type: 'public-key' },
        { id: 'cred-2', type: 'public-key' },
      ],
      userVerification: 'required',
      timeout: 60000,
    });
  });

  it('leaves allowCredentials out when the challenge allows no passkey (usernameless login)', () => {
    const options = toRequestOptions(signingChallenge([]), { rpId: 'example.com', timeout: 5000 });
    expect(options).not.toHaveProperty('allowCredentials');
    expect(options.timeout).toBe(5000);
  });

  it('uses the configured rp id and not the deprecated challenge.rp', () => {
    expect(toRequestOptions(signingChallenge(), { rpId: 'localhost' }).rpId).toBe('localhost');
  });
});
