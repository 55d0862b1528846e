import { describe, expect, it, vi } from 'vitest';
import { createDfnsClient } from '../../src/api/createDfnsClient';

describe('an auth token an app holds as null', () => {
  it.each([
    ['null', null],
    ['a function returning null', () => null],
    ['an async function returning null', async () => null],
  ])('%s means "no token yet": a clear config_error, no request sent', async (_, authToken) => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const client = createDfnsClient({ baseUrl: 'https://api.dfns.test', orgId: 'or-1', authToken, fetch });
    await expect(client.request({ method: 'GET', path: '/auth/credentials', auth: 'user' })).rejects.toMatchObject({
      code: 'config_error',
      message: expect.stringContaining('needs a user auth token'),
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a token string is sent as the bearer token', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response('{"items":[]}'));
    const client = createDfnsClient({ baseUrl: 'https://api.dfns.test', orgId: 'or-1', authToken: () => 'eyJ.token.sig', fetch });
    await client.request({ method: 'GET', path: '/auth/credentials', auth: 'user' });
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).get('Authorization')).toBe('Bearer eyJ.token.sig');
  });
});
