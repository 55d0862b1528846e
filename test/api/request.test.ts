import { describe, expect, it, vi } from 'vitest';
import { completeRegistration, initLogin, listCredentials, logout, signedRequest, tokenExpiresAt } from '../../src/api';
import { DfnsApiError, DfnsAuthError, PolicyPendingError } from '../../src/errors';
import { utf8ToBase64url } from '../../src/encoding/base64url';
import { credential, fido2Assertion, signingChallenge } from './fixtures/wire';
import { TEST_BASE_URL, USER_TOKEN, clientWith, jsonReply, recordingFetch, textReply } from './recordingFetch';
import { createDfnsClient } from '../../src/api';

/** The rejection of a promise that must reject. */
async function rejectionOf(promise: Promise<unknown>): Promise<DfnsApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DfnsAuthError);
  return error as DfnsApiError;
}

describe('error responses', () => {
  it('reads the Dfns error shape: code by status, error id, Dfns message, and a developer message', async () => {
    const body = { error: { id: '2038837570328299032', status: 404, message: 'User not found', details: { username: 'x' } } };
    const { client } = clientWith([jsonReply(body, 404)]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toBeInstanceOf(DfnsApiError);
    expect(error).toMatchObject({
      code: 'not_found',
      status: 404,
      errorId: '2038837570328299032',
      apiMessage: 'User not found',
      body,
      method: 'GET',
      path: '/auth/credentials',
      retryable: false,
    });
    expect(error.message).toBe('GET /auth/credentials failed with HTTP 404: User not found (Dfns error id 2038837570328299032).');
  });

  it('reads the legacy {error: {message}} shape', async () => {
    const { client } = clientWith([jsonReply({ error: { message: 'user action signature is missing or invalid' } }, 403)]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code: 'forbidden', apiMessage: 'user action signature is missing or invalid', errorId: undefined });
    expect(error.message).toContain('GET /auth/credentials failed with HTTP 403: user action signature is missing or invalid.');
  });

  it('reads the legacy top-level {message} shape', async () => {
    const { client } = clientWith([jsonReply({ message: 'Not Authorized.' }, 401)]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code: 'unauthorized', apiMessage: 'Not Authorized.' });
    expect(error.message).toMatch(/HTTP 401: Not Authorized\..*token/);
  });

  it.each([
    [400, 'http_error', false],
    [401, 'unauthorized', false],
    [402, 'http_error', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [409, 'conflict', false],
    [429, 'rate_limited', true],
    [500, 'server_error', true],
    [503, 'server_error', true],
  ] as const)('codes HTTP %i as %s (retryable: %s)', async (status, code, retryable) => {
    const { client } = clientWith([jsonReply({ error: { message: 'nope' } }, status)]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code, status, retryable });
  });

  it('tolerates an HTML error page without quoting it', async () => {
    const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
    const { client } = clientWith([textReply(html, 502, 'text/html')]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code: 'server_error', status: 502, body: html, apiMessage: undefined });
    expect(error.message).toContain('GET /auth/credentials failed with HTTP 502: the body was HTML, not JSON');
    expect(error.message).not.toContain('<');
  });

  it('tolerates an HTML 4xx from a proxy', async () => {
    const { client } = clientWith([textReply('<html>Forbidden by WAF</html>', 403, 'text/html')]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
    expect(error.message).toContain('the body was HTML');
  });

  it('tolerates an empty error body', async () => {
    const { client } = clientWith([new Response(null, { status: 500 })]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code: 'server_error', retryable: true, body: undefined });
    expect(error.message).toBe('GET /auth/credentials failed with HTTP 500: the body was empty.');
  });

  it('quotes at most the first 200 characters of a plain-text error body', async () => {
    const text = `upstream timed out ${'x'.repeat(300)}`;
    const { client } = clientWith([textReply(text, 504)]);
    const error = await rejectionOf(listCredentials(client));
    expect(error.message).toContain(`the body was not JSON: "${text.slice(0, 200)}…"`);
    expect(error.message).not.toContain(text.slice(0, 201));
  });

  it('never reports the query string, the request body or the headers', async () => {
    const { client } = clientWith([jsonReply({ error: { message: 'bad' } }, 400)]);
    const error = await rejectionOf(
      client.request({ method: 'POST', path: '/auth/x?secret=hunter2', auth: 'user', body: { recoveryCode: 'D1-SECRET' } }),
    );
    expect(error.path).toBe('/auth/x');
    for (const secret of ['hunter2', 'D1-SECRET', USER_TOKEN]) {
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });
});

describe('policy pending', () => {
  it('turns HTTP 202 into a PolicyPendingError carrying the parsed body', async () => {
    const pending = { id: 'ap-1', status: 'Pending', activity: { kind: 'Wallets:Sign' } };
    const { client } = clientWith([jsonReply(pending, 202)]);
    const error = await rejectionOf(logout(client));
    expect(error).toBeInstanceOf(PolicyPendingError);
    expect(error).toMatchObject({ code: 'policy_pending', status: 202, pending, body: pending, method: 'PUT', path: '/auth/logout' });
  });
});

describe('malformed 2xx responses', () => {
  it('reports a non-JSON 200 as invalid_response, not a SyntaxError', async () => {
    const { client } = clientWith([textReply('OK', 200)]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code: 'invalid_response', status: 200 });
    expect(error.message).toBe('GET /auth/credentials returned HTTP 200 but the body was not JSON: "OK".');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('reports an HTML 200 (an SPA fallback page behind a wrong baseUrl) as invalid_response', async () => {
    const { client } = clientWith([textReply('<!doctype html><div id="root"></div>', 200, 'text/html')]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toContain('the body was HTML');
  });

  it('reports an empty 200 where JSON was expected', async () => {
    const { client } = clientWith([new Response('', { status: 200 })]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error.message).toContain('empty body');
  });

  it('names a missing field', async () => {
    const { challenge: _omitted, ...rest } = signingChallenge;
    const { client } = clientWith([jsonReply(rest)]);
    const error = await rejectionOf(initLogin(client, { username: 'a' }));
    expect(error).toMatchObject({ code: 'invalid_response', status: 200, body: undefined });
    expect(error.message).toBe('POST /auth/login/init returned a response the kit does not understand: challenge: missing.');
  });

  it('names a mistyped field', async () => {
    const { client } = clientWith([jsonReply({ ...signingChallenge, challenge: 42 })]);
    const error = await rejectionOf(initLogin(client, { username: 'a' }));
    expect(error.message).toContain('challenge: expected string, received number');
  });

  it('names the full path of a nested field', async () => {
    const allowCredentials = { key: [], webauthn: [{ type: 'public-key', id: 7 }] };
    const { client } = clientWith([jsonReply({ ...signingChallenge, allowCredentials })]);
    const error = await rejectionOf(initLogin(client, { username: 'a' }));
    expect(error.message).toContain('allowCredentials.webauthn[0].id: expected string, received number');
  });

  it('does not quote a mistyped value, which could be a token', async () => {
    const { client } = clientWith([jsonReply({ ...signingChallenge, challengeIdentifier: { jwt: 'secret.jwt' } })]);
    const error = await rejectionOf(initLogin(client, { username: 'a' }));
    expect(error.message).toContain('challengeIdentifier: expected string, received object');
    expect(error.message).not.toContain('secret.jwt');
  });

  it('lets fields Dfns adds pass through', async () => {
    const { client } = clientWith([jsonReply({ ...signingChallenge, tenantId: 'acct-1', allowCredentials: { ...signingChallenge.allowCredentials, hybrid: [] } })]);
    const challenge = await initLogin(client, { username: 'a' });
    expect(challenge).toMatchObject({ tenantId: 'acct-1', allowCredentials: { hybrid: [] } });
  });

  it('drops credential kinds it does not know instead of failing', async () => {
    const supportedCredentialKinds = [
      { kind: 'Fido2', factor: 'first', requiresSecondFactor: false },
      { kind: 'QuantumKey', factor: 'either', requiresSecondFactor: false },
    ];
    const { client } = clientWith([jsonReply({ ...signingChallenge, supportedCredentialKinds })]);
    const challenge = await initLogin(client, { username: 'a' });
    expect(challenge.supportedCredentialKinds).toEqual([{ kind: 'Fido2', factor: 'first', requiresSecondFactor: false }]);
  });
});

describe('transport failures', () => {
  it('turns a rejected fetch into a retryable network_error that keeps the cause', async () => {
    const failure = new TypeError('Failed to fetch');
    const { client } = clientWith([failure]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code: 'network_error', retryable: true, status: 0, method: 'GET', path: '/auth/credentials' });
    expect(error.cause).toBe(failure);
    expect(error.message).toContain(`could not reach ${TEST_BASE_URL}`);
  });

  it('does not call fetch when the signal is already aborted', async () => {
    const { client, calls } = clientWith([jsonReply({ items: [] })]);
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(listCredentials(client, { signal: controller.signal }));
    expect(error).toMatchObject({ code: 'aborted', retryable: false });
    expect(calls).toHaveLength(0);
  });

  it('reports an abort during the request as aborted, keeping the cause, and passes the signal to fetch', async () => {
    const controller = new AbortController();
    const { client, calls } = clientWith([
      (call) =>
        new Promise<Response>((_resolve, reject) => {
          call.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        }),
    ]);
    const pending = listCredentials(client, { signal: controller.signal });
    // The HTTP layer is a chunk the client loads first: abort once the fetch is under way.
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    controller.abort();
    const error = await rejectionOf(pending);
    expect(calls[0]?.signal).toBe(controller.signal);
    expect(error).toMatchObject({ code: 'aborted' });
    expect((error.cause as DOMException).name).toBe('AbortError');
  });

  it('trusts the signal, not the error: a fetch that fails oddly after an abort is still aborted', async () => {
    const controller = new AbortController();
    const { client } = clientWith([
      () => {
        controller.abort();
        return Promise.reject(new TypeError('socket hang up'));
      },
    ]);
    const error = await rejectionOf(listCredentials(client, { signal: controller.signal }));
    expect(error).toMatchObject({ code: 'aborted' });
  });

  it('trusts the signal, not the error: an AbortError without our abort is a network error', async () => {
    const { client } = clientWith([new DOMException('aborted by a proxy fetch', 'AbortError')]);
    const error = await rejectionOf(listCredentials(client, { signal: new AbortController().signal }));
    expect(error).toMatchObject({ code: 'network_error' });
  });

  it('reports an abort while the body is read as aborted', async () => {
    const controller = new AbortController();
    const { client } = clientWith([
      () => {
        const response = jsonReply({ items: [] });
        response.text = () => {
          controller.abort();
          return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
        };
        return response;
      },
    ]);
    const error = await rejectionOf(listCredentials(client, { signal: controller.signal }));
    expect(error).toMatchObject({ code: 'aborted' });
  });

  it('reports a timeout signal as a retryable timeout', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('signal timed out', 'TimeoutError'));
    const { client } = clientWith([]);
    const error = await rejectionOf(listCredentials(client, { signal: controller.signal }));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
  });
});

describe('user auth token', () => {
  it('calls a synchronous token function on every request', async () => {
    let n = 0;
    const { client, calls } = clientWith([jsonReply({ items: [] }), jsonReply({ items: [] })], {
      authToken: () => `token-${(n += 1)}`,
    });
    await listCredentials(client);
    await listCredentials(client);
    expect(calls.map((call) => call.headers['authorization'])).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('awaits an asynchronous token function', async () => {
    const { client, calls } = clientWith([jsonReply({ items: [credential] })], {
      authToken: async () => 'refreshed.jwt',
    });
    await listCredentials(client);
    expect(calls[0]?.headers['authorization']).toBe('Bearer refreshed.jwt');
  });

  it('does not send the request when an abort happens while the token function runs', async () => {
    const controller = new AbortController();
    const { client, calls } = clientWith([jsonReply({ items: [] })], {
      authToken: async () => {
        controller.abort();
        return 'late.jwt';
      },
    });
    await expect(listCredentials(client, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['no token', undefined],
    ['an empty token', ''],
    ['a function returning undefined', () => undefined],
    ['an async function returning undefined', async () => undefined],
  ])('rejects with a config error naming the endpoint, without a request, given %s', async (_name, authToken) => {
    const { client, calls } = clientWith([], { authToken });
    const error = await rejectionOf(listCredentials(client));
    expect(error.code).toBe('config_error');
    expect(error).not.toBeInstanceOf(DfnsApiError);
    expect(error.message).toContain('GET /auth/credentials needs a user auth token');
    expect(calls).toHaveLength(0);
  });

  it('does not need a user token for endpoints without auth', async () => {
    const { client, calls } = clientWith([jsonReply(signingChallenge)], { authToken: undefined });
    await initLogin(client, { username: 'a' });
    expect(calls[0]?.headers['authorization']).toBeUndefined();
  });

  it('fails a signed request before signing when there is no user token', async () => {
    const { fetch, calls } = recordingFetch();
    const client = createDfnsClient({ baseUrl: TEST_BASE_URL, fetch });
    let signed = false;
    const sign = async () => {
      signed = true;
      return fido2Assertion;
    };
    await expect(signedRequest(client, { method: 'POST', path: '/wallets', body: {} }, { sign })).rejects.toMatchObject({
      code: 'config_error',
    });
    expect(signed).toBe(false);
    expect(calls).toHaveLength(0);
  });
});

describe('an expired token behind a 401', () => {
  const jwt = (exp: number) => `${utf8ToBase64url('{"alg":"EdDSA"}')}.${utf8ToBase64url(JSON.stringify({ exp, sub: 'us-1' }))}.c2ln`;
  const unauthorized = () => jsonReply({ error: { status: 401, message: 'Unauthorized' } }, 401);
  const past = Math.floor(Date.parse('2026-01-02T03:04:05Z') / 1000);
  const future = Math.floor(Date.now() / 1000) + 3600;

  it('says when the auth token expired, and never quotes it', async () => {
    const token = jwt(past);
    const { client } = clientWith([unauthorized()], { authToken: token });
    const error = await rejectionOf(listCredentials(client));
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(error.message).toContain('The auth token expired at 2026-01-02T03:04:05.000Z: log in again.');
    expect(error.message).not.toContain(token);
  });

  it('says when the temporary token of an init step expired: the challenge is too old', async () => {
    const { client } = clientWith([unauthorized()]);
    const error = await rejectionOf(completeRegistration(client, { temporaryAuthenticationToken: jwt(past), credentials: {} as never }));
    expect(error.message).toContain("The init step's temporary token expired at 2026-01-02T03:04:05.000Z: start again.");
  });

  it('keeps the general hint when the token has not expired or is not a JWT', async () => {
    for (const authToken of [jwt(future), 'opaque-token']) {
      const { client } = clientWith([unauthorized()], { authToken });
      const error = await rejectionOf(listCredentials(client));
      expect(error.message).toContain('Check that the auth token is set, not expired');
      expect(error.message).not.toContain('expired at');
    }
  });

  it('reads the expiry of a Dfns token for the app too', () => {
    expect(tokenExpiresAt(jwt(past))?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(tokenExpiresAt('opaque-token')).toBeUndefined();
    // Non-ASCII claims elsewhere in the payload do not stop the expiry from being read.
    const withName = `${utf8ToBase64url('{}')}.${utf8ToBase64url(JSON.stringify({ exp: past, 'https://custom/username': 'jösé@exämple.com' }))}.x`;
    expect(tokenExpiresAt(withName)?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(tokenExpiresAt(`${utf8ToBase64url('{}')}.${utf8ToBase64url('{"exp":"soon"}')}.x`)).toBeUndefined();
  });
});
