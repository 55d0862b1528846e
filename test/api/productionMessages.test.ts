import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDfnsClient, initLogin, listCredentials } from '../../src/api';
import { DfnsApiError, DfnsAuthError } from '../../src/errors';
import { clientWith, jsonReply, TEST_BASE_URL } from './recordingFetch';

/** The rejection of a promise that must reject. */
const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

/**
 * In an app's production build the explanations that name a fix are left out of `error.message`
 * (src/api/request.ts); what a user's support request or an error tracker needs stays: the code,
 * the endpoint, the status, Dfns's message and error id, and every field.
 */
describe('error messages of a production build', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('a failed answer keeps the endpoint, status, Dfns message and error id, and every field', async () => {
    const answer = new Response(JSON.stringify({ error: { id: 'err-42', message: 'Slow down' } }), {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '30' },
    });
    const { client } = clientWith([answer]);
    const error = await rejectionOf(listCredentials(client));
    expect(error).toBeInstanceOf(DfnsApiError);
    expect(error).toMatchObject({
      code: 'rate_limited',
      status: 429,
      errorId: 'err-42',
      apiMessage: 'Slow down',
      retryable: true,
      retryAfterMs: 30_000,
      method: 'GET',
      path: '/auth/credentials',
    });
    // No hint after the facts: "Too many requests: retry later with backoff." is for development.
    expect((error as Error).message).toBe('GET /auth/credentials failed with HTTP 429: Slow down (Dfns error id err-42).');
  });

  it('an unreachable API names the endpoint and the baseUrl, without the checklist', async () => {
    const { client } = clientWith([new TypeError('Failed to fetch')]);
    const error = await rejectionOf(initLogin(client, { username: 'jane@example.com' }));
    expect(error).toMatchObject({ code: 'network_error', retryable: true, status: 0 });
    expect((error as Error).message).toBe(`POST /auth/login/init could not reach ${TEST_BASE_URL}.`);
  });

  it('an answer the kit cannot read says so, with the status, but not which field', async () => {
    const { client } = clientWith([jsonReply({ challenge: 42 })]);
    const error = await rejectionOf(initLogin(client, { username: 'jane@example.com' }));
    expect(error).toMatchObject({ code: 'invalid_response', status: 200 });
    expect((error as Error).message).toBe('POST /auth/login/init returned HTTP 200 with a response the kit does not understand.');
  });

  it('a set-up mistake keeps the fact, not the how-to', () => {
    const error = (() => {
      try {
        createDfnsClient({ baseUrl: 'http://api.example.com' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DfnsAuthError);
    expect(error).toMatchObject({ code: 'config_error' });
    expect((error as Error).message).toBe('baseUrl "http://api.example.com" must use https:// (http:// only on localhost).');
  });
});
