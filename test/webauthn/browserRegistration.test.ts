import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64url, utf8ToBytes } from '../../src/encoding/base64url';
import { PasskeyError } from '../../src/errors';
import { browserHasPlatformAuthenticator } from '../../src/webauthn/browserHasPlatformAuthenticator';
import { browserRegistration } from '../../src/webauthn/browserRegistration';
import { createPasskey } from '../../src/webauthn/createPasskey';
import { registrationChallenge, rp } from './fixtures';

const bytes = (text: string): ArrayBuffer => utf8ToBytes(text).buffer;
const b64 = (text: string): string => bytesToBase64url(utf8ToBytes(text));
const text = (buffer: BufferSource | undefined): string => new TextDecoder().decode(buffer);

/** What Chromium resolves `navigator.credentials.create` with: an attestation with ArrayBuffers. */
const attestation = () => ({
  id: 'cred-1',
  rawId: bytes('cred-1'),
  type: 'public-key',
  authenticatorAttachment: 'platform' as string | null,
  response: {
    attestationObject: bytes('attestation-object'),
    clientDataJSON: bytes('{"type":"webauthn.create"}'),
    getTransports: () => ['internal', 'hybrid'],
  },
  getClientExtensionResults: () => ({ credProps: { rk: true } }),
});

const options: PublicKeyCredentialCreationOptionsJSON = {
  rp: { id: 'localhost', name: 'Kit Test' },
  user: { id: b64('user-1'), name: 'alice@example.com', displayName: 'Alice' },
  challenge: b64('the challenge'),
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  excludeCredentials: [{ id: b64('cred-0'), type: 'public-key', transports: ['usb'] }],
  authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  attestation: 'direct',
  timeout: 60_000,
};

/** A prompt the user ignores: it settles only when its signal aborts, with the signal's reason. */
const hang = (request: CredentialCreationOptions): Promise<never> =>
  new Promise((_, reject) => request.signal!.addEventListener('abort', () => reject(request.signal!.reason)));

let create: ReturnType<typeof vi.fn>;

beforeEach(() => {
  create = vi.fn(async () => attestation());
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
  Object.defineProperty(navigator, 'credentials', { value: { create }, configurable: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'credentials');
});

describe('browserRegistration (the default of createPasskey)', () => {
  it('asks the browser with the challenge, user id and excluded credential ids as bytes, every other option as given', async () => {
    await browserRegistration.create(options);
    const [request] = create.mock.calls[0] as [CredentialCreationOptions];
    expect(request.signal).toBeInstanceOf(AbortSignal);
    const publicKey = request.publicKey!;
    expect(text(publicKey.challenge)).toBe('the challenge');
    expect(text(publicKey.user.id)).toBe('user-1');
    expect(text(publicKey.excludeCredentials![0]!.id)).toBe('cred-0');
    expect(publicKey.user).toMatchObject({ name: 'alice@example.com', displayName: 'Alice' });
    expect(publicKey.excludeCredentials![0]).toMatchObject({ type: 'public-key', transports: ['usb'] });
    expect(publicKey).toMatchObject({
      rp: { id: 'localhost', name: 'Kit Test' },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      attestation: 'direct',
      timeout: 60_000,
    });
  });

  it('answers with base64url JSON, the transports the authenticator reports and its attachment', async () => {
    expect(await browserRegistration.create(options)).toEqual({
      id: 'cred-1',
      rawId: b64('cred-1'),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: { credProps: { rk: true } },
      response: {
        attestationObject: b64('attestation-object'),
        clientDataJSON: b64('{"type":"webauthn.create"}'),
        transports: ['internal', 'hybrid'],
      },
    });
  });

  it('leaves transports and attachment out when the browser has no getTransports and no attachment', async () => {
    const bare = { ...attestation(), authenticatorAttachment: null };
    Reflect.deleteProperty(bare.response, 'getTransports');
    create.mockResolvedValue(bare);
    const answer = await browserRegistration.create(options);
    expect(answer.response.transports).toBeUndefined();
    expect(answer.authenticatorAttachment).toBeUndefined();
    // What Dfns takes is all there.
    expect(answer.response).toMatchObject({ attestationObject: b64('attestation-object'), clientDataJSON: b64('{"type":"webauthn.create"}') });
  });

  it('checks for a platform authenticator with the browser’s own check', () => {
    expect(browserRegistration.isPlatformAuthenticatorAvailable).toBe(browserHasPlatformAuthenticator);
  });

  it('stops the browser request when the caller aborts, read as passkey_aborted', async () => {
    create.mockImplementation(hang);
    const controller = new AbortController();
    const creating = createPasskey(registrationChallenge(), { rp, signal: controller.signal });
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    controller.abort();
    const error = await creating.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PasskeyError);
    expect((error as PasskeyError).code).toBe('passkey_aborted');
    expect((create.mock.calls[0] as [CredentialCreationOptions])[0].signal!.aborted).toBe(true);
  });

  it('is stopped by a newer ceremony on the page (one at a time, as SimpleWebAuthn keeps it), read as passkey_aborted', async () => {
    create.mockImplementation(hang);
    const first = createPasskey(registrationChallenge(), { rp }).catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    browserRegistration.create(options).catch(() => undefined);
    expect(await first).toMatchObject({ code: 'passkey_aborted' });
    expect((create.mock.calls[1] as [CredentialCreationOptions])[0].signal!.aborted).toBe(false);
  });

  it('reads a null credential as passkey_failed', async () => {
    create.mockResolvedValue(null);
    await expect(browserRegistration.create(options)).rejects.toThrow('Registration was not completed');
    const error = await createPasskey(registrationChallenge(), { rp }).catch((caught: unknown) => caught);
    expect((error as PasskeyError).code).toBe('passkey_failed');
  });

  it('reads a browser without WebAuthn as webauthn_unsupported', async () => {
    vi.stubGlobal('PublicKeyCredential', undefined);
    await expect(browserRegistration.create(options)).rejects.toThrow('WebAuthn is not supported in this browser');
    const error = await createPasskey(registrationChallenge(), { rp }).catch((caught: unknown) => caught);
    expect((error as PasskeyError).code).toBe('webauthn_unsupported');
    expect(create).not.toHaveBeenCalled();
  });

  it.each([
    ['InvalidStateError', 'passkey_already_registered', 'The user attempted to register an authenticator that contains one of the credentials already registered with the relying party.'],
    ['NotAllowedError', 'passkey_cancelled', 'The operation either timed out or was not allowed.'],
    ['SecurityError', 'passkey_invalid_domain', 'The relying party ID is not a registrable domain suffix of, nor equal to the current domain.'],
    ['ConstraintError', 'passkey_failed', 'User verification was required but no available authenticator supported it.'],
    // Chromium's words for pubKeyCredParams with no public-key entry (SimpleWebAuthn read it as passkey_failed; see decisions).
    ['NotSupportedError', 'webauthn_unsupported', 'Required parameters missing in `options.publicKey`.'],
  ])('hands the browser’s own %s, untouched, to createPasskey, which reads it as %s', async (name, code, message) => {
    const refusal = new DOMException(message, name);
    create.mockRejectedValue(refusal);
    const error = await createPasskey(registrationChallenge(), { rp }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PasskeyError);
    expect(error).toMatchObject({ code, cause: refusal });
  });
});
