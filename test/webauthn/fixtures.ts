/** Dfns-shaped passkey challenges, with values that make mapping mistakes visible. */
import type { AuthenticationResponseJSON } from '@simplewebauthn/browser';
import type { Fido2CredentialChallenge, RegistrationChallenge, SigningChallenge } from '../../src/api/types';

export const rp = { id: 'localhost', name: 'Kit Test' };

/** A registration challenge; `rp` is the deprecated one Dfns still sends and the kit must ignore. */
export function registrationChallenge(overrides: Partial<RegistrationChallenge> = {}): RegistrationChallenge {
  return {
    user: { id: 'us-3v1b3-kuqjq-8t4s2f0rl5e3nqpv', displayName: 'Ünïcode Älice', name: 'alice@example.com' },
    temporaryAuthenticationToken: 'eyJhbGciOiJFUzI1NiJ9.e30.sig',
    challenge: `ch-${Math.random().toString(36).slice(2)}-hbmvm-8ltqq3sj4887e7p8`,
    rp: { id: 'deprecated.example', name: 'Deprecated' },
    supportedCredentialKinds: { firstFactor: ['Fido2'], secondFactor: [] },
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    attestation: 'direct',
    pubKeyCredParams: [
      { type: 'public-key', alg: -7 },
      { type: 'public-key', alg: -257 },
    ],
    excludeCredentials: [],
    ...overrides,
  };
}

export const fido2CredentialChallenge: Fido2CredentialChallenge = {
  kind: 'Fido2',
  user: { id: 'us-2', displayName: 'Bob', name: 'bob@example.com' },
  challengeIdentifier: 'eyJ0eXAiOiJKV1QifQ.e30.cid',
  challenge: 'ch-credential',
  authenticatorSelection: {
    authenticatorAttachment: 'platform',
    residentKey: 'preferred',
    requireResidentKey: false,
    userVerification: 'preferred',
  },
  attestation: 'none',
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  excludeCredentials: [{ type: 'public-key', id: 'AAEC_-8' }],
};

/** A login or user action challenge allowing the given passkey ids (none: usernameless). */
export function signingChallenge(webauthnIds: string[] = [], challenge = `ch-${Math.random().toString(36).slice(2)}-login`): SigningChallenge {
  return {
    challenge,
    challengeIdentifier: 'eyJ0eXAiOiJKV1QifQ.e30.login',
    rp: { id: 'deprecated.example', name: 'Deprecated' },
    supportedCredentialKinds: [{ kind: 'Fido2', factor: 'first', requiresSecondFactor: false }],
    userVerification: 'required',
    allowCredentials: { key: [], webauthn: webauthnIds.map((id) => ({ type: 'public-key', id })) },
  };
}

/** What an authenticator answers to `get()`, as @simplewebauthn/browser hands it over. */
export const authenticationResponse: AuthenticationResponseJSON = {
  id: 'cred-id_1',
  rawId: 'cred-id_1',
  type: 'public-key',
  response: { clientDataJSON: 'Y2xpZW50', authenticatorData: 'YXV0aA', signature: 'c2ln', userHandle: 'dXMtMQ' },
  clientExtensionResults: {},
};
