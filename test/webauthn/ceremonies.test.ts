import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PasskeyError } from '../../src/errors';
import {
  createPasskey,
  passkeySigner,
  signWithPasskey,
  simpleWebAuthnAuthenticator,
  type PasskeyAuthenticator,
} from '../../src/webauthn';
import { authenticationResponse, registrationChallenge, rp, signingChallenge } from './fixtures';

const registration: RegistrationResponseJSON = {
  id: 'cred-id_1',
  rawId: 'cred-id_1',
  type: 'public-key',
  response: { clientDataJSON: 'Y2xpZW50', attestationObject: 'YXR0ZXN0', transports: ['internal'] },
  clientExtensionResults: {},
  authenticatorAttachment: 'platform',
};

function fakeAuthenticator() {
  return {
    create: vi.fn<PasskeyAuthenticator['create']>(async () => registration),
    get: vi.fn<PasskeyAuthenticator['get']>(async () => authenticationResponse),
  };
}

function failingAuthenticator(error: unknown): PasskeyAuthenticator {
  return {
    create: async () => {
      throw error;
    },
    get: async () => {
      throw error;
    },
  };
}

describe('createPasskey', () => {
  it('hands the mapped options to the authenticator and returns a Fido2 attestation', async () => {
    const authenticator = fakeAuthenticator();
    const controller = new AbortController();
    const challenge = registrationChallenge();
    const attestation = await createPasskey(challenge, { rp, authenticator, signal: controller.signal, timeout: 3000 });
    expect(attestation).toEqual({
      credentialKind: 'Fido2',
      credentialInfo: { credId: 'cred-id_1', clientData: 'Y2xpZW50', attestationData: 'YXR0ZXN0' },
    });
    const [options, call] = authenticator.create.mock.calls[0] ?? [];
    expect(options?.challenge).toBe(Buffer.from(challenge.challenge).toString('base64url'));
    expect(options?.timeout).toBe(3000);
    expect(call?.signal).toBe(controller.signal);
  });

  it('throws only PasskeyErrors', async () => {
    const authenticator = failingAuthenticator(new DOMException('x', 'InvalidStateError'));
    const error: unknown = await createPasskey(registrationChallenge(), { rp, authenticator }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasskeyError);
    expect(error).toMatchObject({ code: 'passkey_already_registered' });
  });
});

describe('signWithPasskey', () => {
  it('returns a Fido2 assertion with every field as the authenticator gave it', async () => {
    const authenticator = fakeAuthenticator();
    const assertion = await signWithPasskey(signingChallenge(['cred-id_1']), { rp, authenticator, mediation: 'conditional' });
    expect(assertion).toEqual({
      kind: 'Fido2',
      credentialAssertion: {
        credId: 'cred-id_1',
        clientData: 'Y2xpZW50',
        authenticatorData: 'YXV0aA',
        signature: 'c2ln',
        userHandle: 'dXMtMQ',
      },
    });
    expect(authenticator.get.mock.calls[0]?.[1]).toMatchObject({ mediation: 'conditional' });
    expect(authenticator.get.mock.calls[0]?.[0].rpId).toBe('localhost');
  });

  it('leaves userHandle out when the authenticator gives none', async () => {
    const { userHandle: _omitted, ...response } = authenticationResponse.response;
    const authenticator: PasskeyAuthenticator = { ...fakeAuthenticator(), get: async () => ({ ...authenticationResponse, response }) };
    const assertion = await signWithPasskey(signingChallenge(), { rp, authenticator });
    expect(assertion.credentialAssertion).not.toHaveProperty('userHandle');
  });

  it('throws only PasskeyErrors', async () => {
    const authenticator = failingAuthenticator(new DOMException('x', 'NotAllowedError'));
    await expect(signWithPasskey(signingChallenge(), { rp, authenticator })).rejects.toMatchObject({ code: 'passkey_cancelled' });
  });
});

describe('passkeySigner', () => {
  it('signs each challenge with the configured rp and forwards the signal', async () => {
    const authenticator = fakeAuthenticator();
    const controller = new AbortController();
    const signer = passkeySigner({ rp, authenticator });
    const assertion = await signer(signingChallenge(), { signal: controller.signal });
    expect(assertion.kind).toBe('Fido2');
    expect(authenticator.get.mock.calls[0]?.[1]?.signal).toBe(controller.signal);
  });
});

describe('simpleWebAuthnAuthenticator', () => {
  /** navigator.credentials that never answers until its signal aborts, as a prompt the user ignores. */
  let pending: Array<CredentialCreationOptions | CredentialRequestOptions>;

  beforeEach(() => {
    pending = [];
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    const hang = (options: CredentialCreationOptions | CredentialRequestOptions): Promise<Credential | null> => {
      pending.push(options);
      return new Promise((_resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
      });
    };
    Object.defineProperty(navigator, 'credentials', { configurable: true, value: { create: hang, get: hang } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'credentials');
  });

  const creationOptions = (): PublicKeyCredentialCreationOptionsJSON => ({
    rp,
    user: { id: 'dXMtMQ', name: 'a', displayName: 'A' },
    challenge: 'Y2g',
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  });
  const requestOptions = (): PublicKeyCredentialRequestOptionsJSON => ({ challenge: 'Y2g', rpId: 'localhost' });

  it('aborts the browser ceremony when the given signal aborts', async () => {
    const controller = new AbortController();
    const ceremony = createPasskey(registrationChallenge(), { rp, signal: controller.signal });
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    controller.abort();
    await expect(ceremony).rejects.toMatchObject({ code: 'passkey_aborted' });
    expect(pending[0]?.signal?.aborted).toBe(true);
  });

  it('does not start a ceremony when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(signWithPasskey(signingChallenge(), { rp, signal: controller.signal })).rejects.toMatchObject({
      code: 'passkey_aborted',
    });
    expect(pending).toHaveLength(0);
  });

  it('lets a new ceremony abort the one in flight (SimpleWebAuthn keeps one per page)', async () => {
    const first = simpleWebAuthnAuthenticator.get(requestOptions());
    const firstOutcome = first.catch((e: unknown) => e);
    const second = simpleWebAuthnAuthenticator.create(creationOptions());
    second.catch(() => undefined);
    expect(await firstOutcome).toMatchObject({ code: 'ERROR_CEREMONY_ABORTED' });
    expect(pending[1]?.signal?.aborted).toBe(false);
    const controller = new AbortController();
    const third = simpleWebAuthnAuthenticator.get(requestOptions(), { signal: controller.signal });
    controller.abort();
    await expect(third).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('does not cancel a later ceremony when an earlier, settled call\'s signal aborts', async () => {
    const controller = new AbortController();
    const first = simpleWebAuthnAuthenticator.get(requestOptions(), { signal: controller.signal });
    const firstOutcome = first.catch((e: unknown) => e);
    simpleWebAuthnAuthenticator.get(requestOptions()).catch(() => undefined);
    await firstOutcome;
    controller.abort();
    expect(pending[1]?.signal?.aborted).toBe(false);
  });
});
