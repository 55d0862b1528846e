import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64url, utf8ToBytes } from '../../src/encoding/base64url';
import { PasskeyError } from '../../src/errors';
import { browserAuthentication } from '../../src/webauthn/browserAuthentication';
import { signWithPasskey } from '../../src/webauthn/signWithPasskey';
import { rp, signingChallenge } from './fixtures';

const bytes = (text: string): ArrayBuffer => utf8ToBytes(text).buffer;
const b64 = (text: string): string => bytesToBase64url(utf8ToBytes(text));

/** What Chromium resolves `navigator.credentials.get` with: an assertion with ArrayBuffers. */
const assertion = {
  id: 'cred-1',
  rawId: bytes('cred-1'),
  type: 'public-key',
  authenticatorAttachment: 'platform',
  response: { authenticatorData: bytes('auth-data'), clientDataJSON: bytes('{"type":"webauthn.get"}'), signature: bytes('sig'), userHandle: bytes('user-1') },
  getClientExtensionResults: () => ({}),
};

const options: PublicKeyCredentialRequestOptionsJSON = {
  challenge: b64('the challenge'),
  rpId: 'localhost',
  allowCredentials: [{ id: b64('cred-1'), type: 'public-key' }],
  userVerification: 'required',
  timeout: 60_000,
};

let get: ReturnType<typeof vi.fn>;

beforeEach(() => {
  get = vi.fn(async () => assertion);
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
  Object.defineProperty(navigator, 'credentials', { value: { get }, configurable: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'credentials');
  document.body.innerHTML = '';
});

describe('browserAuthentication (the default of signWithPasskey)', () => {
  it('asks the browser with the challenge and credential ids as bytes, and answers with base64url JSON', async () => {
    const answer = await browserAuthentication.get(options);
    const [request] = get.mock.calls[0] as [CredentialRequestOptions];
    expect(request.mediation).toBeUndefined();
    expect(request.signal).toBeInstanceOf(AbortSignal);
    const publicKey = request.publicKey!;
    expect(new TextDecoder().decode(publicKey.challenge as ArrayBuffer)).toBe('the challenge');
    expect(new TextDecoder().decode(publicKey.allowCredentials![0]!.id as ArrayBuffer)).toBe('cred-1');
    expect(publicKey).toMatchObject({ rpId: 'localhost', userVerification: 'required', timeout: 60_000 });
    expect(answer).toEqual({
      id: 'cred-1',
      rawId: b64('cred-1'),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: { authenticatorData: b64('auth-data'), clientDataJSON: b64('{"type":"webauthn.get"}'), signature: b64('sig'), userHandle: b64('user-1') },
    });
  });

  it('runs autofill as conditional mediation with no credential list, from a field that asks for it', async () => {
    document.body.innerHTML = '<input autocomplete="username webauthn">';
    await browserAuthentication.get(options, { mediation: 'conditional' });
    const [request] = get.mock.calls[0] as [CredentialRequestOptions];
    expect(request.mediation).toBe('conditional');
    expect(request.publicKey!.allowCredentials).toEqual([]);
  });

  it('tells the developer when autofill has no field to answer from, without asking the browser', async () => {
    await expect(browserAuthentication.get(options, { mediation: 'conditional' })).rejects.toThrow(/autocomplete attribute ends with "webauthn"/);
    expect(get).not.toHaveBeenCalled();
  });

  it('stops the browser request when the caller aborts, read as passkey_aborted', async () => {
    get.mockImplementation(
      (request: CredentialRequestOptions) =>
        new Promise((_, reject) => request.signal!.addEventListener('abort', () => reject(request.signal!.reason))),
    );
    const controller = new AbortController();
    const signing = signWithPasskey(signingChallenge(), { rp, signal: controller.signal });
    await vi.waitFor(() => expect(get).toHaveBeenCalled());
    controller.abort();
    const error = await signing.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PasskeyError);
    expect((error as PasskeyError).code).toBe('passkey_aborted');
  });

  it('reads a browser without WebAuthn as webauthn_unsupported', async () => {
    vi.stubGlobal('PublicKeyCredential', undefined);
    const error = await signWithPasskey(signingChallenge(), { rp }).catch((caught: unknown) => caught);
    expect((error as PasskeyError).code).toBe('webauthn_unsupported');
    expect(get).not.toHaveBeenCalled();
  });
});
