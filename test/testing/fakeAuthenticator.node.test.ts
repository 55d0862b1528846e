import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import { utf8ToBase64url } from '../../src/encoding/base64url';
import { createFakeAuthenticator } from '../../src/testing/fakeAuthenticator';

const creation: PublicKeyCredentialCreationOptionsJSON = {
  rp: { id: 'localhost', name: 'Kit tests' },
  user: { id: utf8ToBase64url('us-1'), name: 'alice', displayName: 'Alice' },
  challenge: utf8ToBase64url('challenge'),
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
};
const request = { challenge: utf8ToBase64url('challenge'), rpId: 'localhost' };

async function errorName(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DOMException);
  return (error as DOMException).name;
}

describe('createFakeAuthenticator', () => {
  it.each([
    ['cancel', 'NotAllowedError'],
    ['already-registered', 'InvalidStateError'],
    ['invalid-domain', 'SecurityError'],
    ['unsupported', 'NotSupportedError'],
  ] as const)('throws what a browser throws for %s (%s)', async (script, name) => {
    const authenticator = createFakeAuthenticator({ origin: 'http://localhost', create: script, get: script });
    expect(await errorName(authenticator.create(creation))).toBe(name);
    expect(await errorName(authenticator.get(request))).toBe(name);
  });

  it('hangs until the signal aborts, then rejects with AbortError', async () => {
    const authenticator = createFakeAuthenticator({ origin: 'http://localhost', get: 'hang' });
    const controller = new AbortController();
    const pending = authenticator.get(request, { signal: controller.signal });
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    controller.abort();
    expect(await errorName(pending)).toBe('AbortError');
  });

  it('follows a list of scripts call by call, then repeats the last', async () => {
    const authenticator = createFakeAuthenticator({ origin: 'http://localhost', create: ['cancel', 'succeed'] });
    expect(await errorName(authenticator.create(creation))).toBe('NotAllowedError');
    const registration = await authenticator.create(creation);
    expect(registration.type).toBe('public-key');
    // 'succeed' repeats, and the software authenticator behind it now knows a credential to sign with.
    const assertion = await authenticator.get(request);
    expect(assertion.id).toBe(registration.id);
  });

  it('waits the scripted milliseconds before succeeding, and aborts while waiting', async () => {
    const authenticator = createFakeAuthenticator({ origin: 'http://localhost', create: 30 });
    const started = Date.now();
    await authenticator.create(creation);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const pending = authenticator.create(creation, { signal: controller.signal });
    controller.abort();
    expect(await errorName(pending)).toBe('AbortError');
  });
});
