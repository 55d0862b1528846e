import { describe, expect, it } from 'vitest';
import { toCreationOptions } from '../../src/webauthn';
import { fido2CredentialChallenge, registrationChallenge, rp } from './fixtures';

const utf8 = (base64url: string): string => Buffer.from(base64url, 'base64url').toString('utf8');

describe('toCreationOptions', () => {
  it('maps a registration challenge field by field', () => {
    const challenge = registrationChallenge({ challenge: 'ch-39e46-hbmvm-8ltqq3sj4887e7p8' });
    expect(toCreationOptions(challenge, { rp })).toEqual({
      rp: { id: 'localhost', name: 'Kit Test' },
      user: {
        id: Buffer.from('us-3v1b3-kuqjq-8t4s2f0rl5e3nqpv', 'utf8').toString('base64url'),
        name: 'alice@example.com',
        displayName: 'Ünïcode Älice',
      },
      challenge: Buffer.from('ch-39e46-hbmvm-8ltqq3sj4887e7p8', 'utf8').toString('base64url'),
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      timeout: 60000,
      excludeCredentials: [],
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
      attestation: 'direct',
    });
  });

  it('encodes the challenge as the UTF-8 bytes of the string, not its base64url decoding', () => {
    const options = toCreationOptions(registrationChallenge({ challenge: 'ch-abc' }), { rp });
    expect(Array.from(Buffer.from(options.challenge, 'base64url'))).toEqual([...'ch-abc'].map((c) => c.charCodeAt(0)));
    expect(utf8(options.user.id)).toBe('us-3v1b3-kuqjq-8t4s2f0rl5e3nqpv');
    expect(options.challenge).not.toMatch(/=/);
  });

  it('takes the relying party from config and never from the deprecated challenge.rp', () => {
    const options = toCreationOptions(registrationChallenge(), { rp: { id: 'app.example.com', name: 'App' } });
    expect(options.rp).toEqual({ id: 'app.example.com', name: 'App' });
  });

  it('passes excluded credential ids through as base64url, with their type', () => {
    const options = toCreationOptions(fido2CredentialChallenge, { rp, timeout: 3000 });
    expect(options.excludeCredentials).toEqual([{ id: 'AAEC_-8', type: 'public-key' }]);
    expect(options.timeout).toBe(3000);
    expect(options.authenticatorSelection).toEqual({
      authenticatorAttachment: 'platform',
      residentKey: 'preferred',
      requireResidentKey: false,
      userVerification: 'preferred',
    });
    expect(options.attestation).toBe('none');
  });
});
