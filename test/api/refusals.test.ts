/** Bad input is refused with a typed error before any request (issue 15, items 4 and 9). */
import { describe, expect, it, vi } from 'vitest';
import { createDfnsClient, initDelegatedRecovery, initRecovery, initUserAction, listCredentials, signedRequest, tokenExpiresAt } from '../../src/api';
import { DfnsApiError, DfnsAuthError, RecoveryError } from '../../src/errors';
import { utf8ToBase64url } from '../../src/encoding/base64url';
import { MAX_RECOVERY_KIT_LENGTH, parseRecoveryKit } from '../../src/keys/parseRecoveryKit';
import { clientWith, jsonReply, recordingFetch } from './recordingFetch';

const RECOVERY_CODE = 'D1-ABCDEF-GHJKL-MNPQR-STUVW-XYZ23-456789';
const KEY_ID = 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk';

async function rejectionOf(promise: Promise<unknown>): Promise<DfnsAuthError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DfnsAuthError);
  return error as DfnsAuthError;
}

describe('a recovery kit file', () => {
  it('over the size limit is refused with a typed error before any parsing (a real kit is under 2 KB)', () => {
    const crafted = `D1${'-a'.repeat(5_000_000)}`; // 10 MB that overflowed the stack in the code regex
    let thrown: unknown;
    try {
      parseRecoveryKit(crafted);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DfnsAuthError);
    expect(thrown).toMatchObject({ code: 'invalid_input' });
    expect((thrown as Error).message).not.toContain('-a-a');
    expect(MAX_RECOVERY_KIT_LENGTH).toBeGreaterThanOrEqual(2048);
    expect(() => parseRecoveryKit('x'.repeat(MAX_RECOVERY_KIT_LENGTH + 1))).toThrow(DfnsAuthError);
  });

  it('within the limit still parses', () => {
    const text = `Recovery code: ${RECOVERY_CODE}\nRecovery key ID: ${KEY_ID}\n${' '.repeat(1000)}`;
    expect(parseRecoveryKit(text)).toMatchObject({ recoveryCode: RECOVERY_CODE, recoveryKeyId: KEY_ID });
  });
});

describe('a "Recovery Key ID" that cannot be one', () => {
  it.each([
    ['the recovery code pasted into the wrong field', RECOVERY_CODE],
    ['the recovery code without dashes', RECOVERY_CODE.replace(/-/g, '')],
    ['too short', 'rk-1'],
    ['not base64url', `${KEY_ID.slice(0, 42)}=`],
    ['too long', `${KEY_ID}A`],
  ])('%s is refused before any request, and never quoted', async (_name, credentialId) => {
    const { client, calls } = clientWith([jsonReply({})]);
    const error = await rejectionOf(initRecovery(client, { username: 'jane@example.com', verificationCode: '1234', credentialId }));
    expect(error).toBeInstanceOf(RecoveryError);
    expect(error.code).toBe('recovery_key_not_found');
    expect(error.message).toMatch(/43/);
    expect(error.message).not.toContain(credentialId);
    expect(calls).toHaveLength(0);

    const delegated = clientWith([jsonReply({})]);
    const sign = async () => {
      throw new Error('must not sign');
    };
    const relayed = await rejectionOf(initDelegatedRecovery(delegated.client, { username: 'jane@example.com', credentialId }, { sign }));
    expect(relayed.code).toBe('recovery_key_not_found');
    expect(delegated.calls).toHaveLength(0);
  });

  it('says so when it looks like the recovery code', async () => {
    const { client } = clientWith([]);
    const error = await rejectionOf(initRecovery(client, { username: 'a', verificationCode: '1', credentialId: RECOVERY_CODE }));
    expect(error.message).toMatch(/recovery code/i);
  });
});

describe('client.request paths', () => {
  it.each([
    '.evil.example/x',
    '//evil.example/x',
    'https://evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example/x',
    '/auth\\..\\x',
    '/\t/evil.example/x',
    '/auth/credentials\n',
    'auth/credentials',
    '',
  ])('refuses %j without sending the token anywhere', async (path) => {
    const { client, calls } = clientWith([jsonReply({})]);
    const error = await rejectionOf(client.request({ method: 'GET', path, auth: 'user' }));
    expect(error.code).toBe('config_error');
    expect(calls).toHaveLength(0);
  });

  it.each(['.evil.example/x', '//evil.example/x', '/\\evil.example/x'])(
    'refuses %j in a user-action-signed request before the challenge, the prompt and the request',
    async (path) => {
      const { client, calls } = clientWith([jsonReply({})]);
      const sign = vi.fn();
      const error = await rejectionOf(signedRequest(client, { method: 'POST', path, body: {} }, { sign }));
      expect(error.code).toBe('config_error');
      const init = await rejectionOf(initUserAction(client, { userActionHttpMethod: 'POST', userActionHttpPath: path, userActionPayload: '{}' }));
      expect(init.code).toBe('config_error');
      expect(sign).not.toHaveBeenCalled();
      expect(calls).toHaveLength(0);
    },
  );

  it('still sends a normal path with a query string', async () => {
    const { client, calls } = clientWith([jsonReply({ ok: true })]);
    await client.request({ method: 'GET', path: '/wallets?limit=2', auth: 'user' });
    expect(calls[0]!.url).toBe('https://api.test.dfns/wallets?limit=2');
  });
});

describe('an http:// baseUrl', () => {
  it.each(['http://api.dfns.io', 'http://example.com:8787', 'http://10.0.0.1', 'http://localhost.evil.example'])(
    'is refused for %s with a config_error naming the fix',
    (baseUrl) => {
      let thrown: unknown;
      try {
        createDfnsClient({ baseUrl });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DfnsAuthError);
      expect(thrown).toMatchObject({ code: 'config_error' });
      expect((thrown as Error).message).toContain('https://');
    },
  );

  it.each(['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787', 'http://localhost'])('is fine for %s', (baseUrl) => {
    expect(createDfnsClient({ baseUrl }).baseUrl).toBe(baseUrl);
  });
});

describe('a 401 with a JWT whose exp is out of range', () => {
  const jwt = (exp: unknown) => `${utf8ToBase64url('{"alg":"EdDSA"}')}.${utf8ToBase64url(JSON.stringify({ exp }))}.c2ln`;

  it.each([1e20, -1e20, 8.64e12 + 1])('exp %s gives the normal typed 401 error', async (exp) => {
    const { client } = clientWith([jsonReply({ error: { status: 401, message: 'Unauthorized' } }, 401)], { authToken: jwt(exp) });
    const error = await rejectionOf(listCredentials(client));
    expect(error).toBeInstanceOf(DfnsApiError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(tokenExpiresAt(jwt(exp))).toBeUndefined();
  });
});

describe('a 429 with Retry-After', () => {
  const tooMany = (retryAfter: string | undefined) =>
    new Response(JSON.stringify({ error: { status: 429, message: 'Too Many Requests' } }), {
      status: 429,
      headers: { 'Content-Type': 'application/json', ...(retryAfter === undefined ? {} : { 'Retry-After': retryAfter }) },
    });

  it('carries when to try again, from delta-seconds', async () => {
    const before = Date.now();
    const { client } = clientWith([tooMany('30')]);
    const error = (await rejectionOf(listCredentials(client))) as DfnsApiError;
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 30_000 });
    expect(error.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 30_000);
    expect(error.retryAt!.getTime()).toBeLessThanOrEqual(Date.now() + 30_000);
  });

  it('carries when to try again, from an HTTP-date', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 120_000);
    const { client } = clientWith([tooMany(at.toUTCString())]);
    const error = (await rejectionOf(listCredentials(client))) as DfnsApiError;
    expect(Math.abs(error.retryAt!.getTime() - at.getTime())).toBeLessThan(50);
    expect(error.retryAfterMs).toBeGreaterThan(110_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(121_000);
  });

  it('says now for a date in the past, and nothing for a missing or unreadable header', async () => {
    const past = clientWith([tooMany('Wed, 21 Oct 2015 07:28:00 GMT')]);
    expect(await rejectionOf(listCredentials(past.client))).toMatchObject({ retryAfterMs: 0 });
    for (const header of [undefined, 'soon', '-5', '1e3', '']) {
      const { client } = clientWith([tooMany(header)]);
      const error = (await rejectionOf(listCredentials(client))) as DfnsApiError;
      expect(error.retryAfterMs).toBeUndefined();
      expect(error.retryAt).toBeUndefined();
    }
  });

  it('ignores a Retry-After so large it cannot be a date', async () => {
    const { fetch } = recordingFetch(tooMany('99999999999999999999'));
    const client = createDfnsClient({ baseUrl: 'https://api.test.dfns', authToken: 't', fetch });
    const error = (await rejectionOf(listCredentials(client))) as DfnsApiError;
    expect(error.code).toBe('rate_limited');
    expect(error.retryAt).toBeUndefined();
  });
});
