import { describe, expect, it } from 'vitest';
import type { CredentialChallenge } from '../../src/api/types';
import { createDfnsEmulator } from '../../src/emulator/index';
import { call, expectStatus, type Answer } from './helpers/client';
import { authenticator, login, registerUser, signedCall } from './helpers/flows';

/** A registered, signed-in user who can ask for credential codes. */
async function signedIn() {
  const emulator = createDfnsEmulator();
  const ann = await registerUser(emulator, 'ann@example.com');
  const token = await login(emulator, 'ann@example.com', { passkey: ann.passkey });
  const newCode = async (): Promise<string> => {
    const expiration = new Date(Date.now() + 60_000).toISOString();
    const made = await signedCall(emulator, token, { passkey: ann.passkey }, 'POST', '/auth/credentials/code', { expiration });
    return expectStatus(made, 200).code;
  };
  const init = (code: string) => call(emulator, 'POST', '/auth/credentials/code/init', { code, credentialKind: 'Fido2' });
  const messageOf = (answer: Answer) => (answer.body as { error: { message: string } }).error.message;
  return { emulator, ann, token, newCode, init, messageOf };
}

describe('credential codes (a passkey on another device or domain)', () => {
  it('refuses a code request without a user action', async () => {
    const { emulator, token } = await signedIn();
    const answer = await call(emulator, 'POST', '/auth/credentials/code', { expiration: new Date(Date.now() + 30_000).toISOString() }, { token });
    expect(answer.status).toBe(403);
  });

  it('tells a code it never made from a spent one: invalid, already used, expired', async () => {
    const { emulator, newCode, init, messageOf } = await signedIn();
    const wrong = await init('ZZZ-ZZZ-ZZZ');
    expect(wrong.status).toBe(401);
    expect(messageOf(wrong)).toBe('credential code is invalid');

    const used = await newCode();
    expectStatus(await init(used), 200);
    const replayed = await init(used);
    expect(replayed.status).toBe(401);
    expect(messageOf(replayed)).toBe('credential code was already used');

    const late = await newCode();
    emulator.advanceClock(61_000);
    const expired = await init(late);
    expect(expired.status).toBe(401);
    expect(messageOf(expired)).toBe('credential code has expired');
  });

  it('moves its clock over the admin API, so an HTTP test can expire a code', async () => {
    const { emulator, newCode, init, messageOf } = await signedIn();
    const code = await newCode();
    const moved = expectStatus(await call<{ now: string }>(emulator, 'POST', '/emulator/admin/clock', { advanceMs: 61_000 }), 200);
    expect(Date.parse(moved.now)).toBeGreaterThan(Date.now() + 60_000);
    expect(messageOf(await init(code))).toBe('credential code has expired');
    expect((await call(emulator, 'POST', '/emulator/admin/clock', { advanceMs: -5 })).status).toBe(400);
  });

  it('adds the passkey made over the code challenge once, to the user of the code', async () => {
    const { emulator, ann, newCode, init } = await signedIn();
    const challenge = expectStatus(await init(await newCode()), 200) as CredentialChallenge;
    expect(challenge.user.name).toBe('ann@example.com');
    const { credentialInfo } = await authenticator.create(challenge);
    const body = { credentialKind: 'Fido2', credentialInfo, credentialName: 'Work PC', challengeIdentifier: challenge.challengeIdentifier };
    expectStatus(await call(emulator, 'POST', '/auth/credentials/code/verify', body), 200);
    expect(emulator.credentials(ann.userId).filter((c) => c.kind === 'Fido2')).toHaveLength(2);
    expect((await call(emulator, 'POST', '/auth/credentials/code/verify', body)).status).toBe(401);
  });
});

describe('issueCredentialCode (a fixture for the new-device side)', () => {
  it('makes a code for a user without a signed request, or one already expired', async () => {
    const { emulator, init, messageOf } = await signedIn();
    expectStatus(await init(emulator.issueCredentialCode('ann@example.com')), 200);
    expect(messageOf(await init(emulator.issueCredentialCode('ann@example.com', 0)))).toBe('credential code has expired');
    expect(() => emulator.issueCredentialCode('nobody@example.com')).toThrow(TypeError);
  });
});
