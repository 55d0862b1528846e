import { afterEach, describe, expect, it, vi } from 'vitest';
import { dfnsUserIdOf } from '../../src/api/dfnsUserIdOf';
import { utf8ToBase64url } from '../../src/encoding/base64url';
import { signalAcceptedPasskeys } from '../../src/webauthn/signalAcceptedPasskeys';

const jwt = (payload: unknown) => `${utf8ToBase64url('{"alg":"EdDSA"}')}.${utf8ToBase64url(JSON.stringify(payload))}.c2ln`;

describe('dfnsUserIdOf', () => {
  it('reads the user id from a Dfns token’s app metadata', () => {
    const token = jwt({ 'https://custom/app_metadata': { orgId: 'or-1', userId: 'us-2b3c4-d5e6f' }, exp: 1 });
    expect(dfnsUserIdOf(token)).toBe('us-2b3c4-d5e6f');
  });

  it('gives undefined for anything else, without throwing', () => {
    expect(dfnsUserIdOf('user-token.jwt')).toBeUndefined();
    expect(dfnsUserIdOf('')).toBeUndefined();
    expect(dfnsUserIdOf(jwt({ sub: 'us-1' }))).toBeUndefined();
    expect(dfnsUserIdOf(jwt({ 'https://custom/app_metadata': { userId: 7 } }))).toBeUndefined();
    expect(dfnsUserIdOf('a.%%%.c')).toBeUndefined();
  });
});

describe('signalAcceptedPasskeys', () => {
  afterEach(() => vi.unstubAllGlobals());

  const stubSignal = (impl: () => Promise<void> = async () => {}) => {
    const signalAllAcceptedCredentials = vi.fn(impl);
    vi.stubGlobal('PublicKeyCredential', { signalAllAcceptedCredentials });
    return signalAllAcceptedCredentials;
  };

  it('signals the active passkey ids with the user handle the kit registers (UTF-8 of the Dfns user id)', async () => {
    const signal = stubSignal();
    await expect(signalAcceptedPasskeys({ rpId: 'app.example.com', dfnsUserId: 'us-1', credentialIds: ['a', 'b'] })).resolves.toBe(true);
    expect(signal).toHaveBeenCalledWith({ rpId: 'app.example.com', userId: utf8ToBase64url('us-1'), allAcceptedCredentialIds: ['a', 'b'] });
  });

  it('never sends an empty list, which would hide every passkey of the user', async () => {
    const signal = stubSignal();
    await expect(signalAcceptedPasskeys({ rpId: 'app.example.com', dfnsUserId: 'us-1', credentialIds: [] })).resolves.toBe(false);
    expect(signal).not.toHaveBeenCalled();
  });

  it('resolves false where the browser has no Signal API or refuses the signal', async () => {
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    await expect(signalAcceptedPasskeys({ rpId: 'x', dfnsUserId: 'us-1', credentialIds: ['a'] })).resolves.toBe(false);
    stubSignal(() => Promise.reject(new DOMException('bad rp', 'SecurityError')));
    await expect(signalAcceptedPasskeys({ rpId: 'x', dfnsUserId: 'us-1', credentialIds: ['a'] })).resolves.toBe(false);
  });
});
