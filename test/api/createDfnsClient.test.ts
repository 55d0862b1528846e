import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDfnsClient, initLogin, listCredentials } from '../../src/api';
import { signingChallenge } from './fixtures/wire';
import { jsonReply, recordingFetch } from './recordingFetch';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createDfnsClient', () => {
  it('talks to https://api.dfns.io by default', async () => {
    const { fetch, calls } = recordingFetch(jsonReply(signingChallenge));
    const client = createDfnsClient({ orgId: 'or-1', fetch });
    expect(client.baseUrl).toBe('https://api.dfns.io');
    await initLogin(client, { username: 'a' });
    expect(calls[0]?.url).toBe('https://api.dfns.io/auth/login/init');
  });

  it('accepts a base URL with a trailing slash', async () => {
    const { fetch, calls } = recordingFetch(jsonReply(signingChallenge));
    const client = createDfnsClient({ baseUrl: 'https://api.uae.dfns.io/', orgId: 'or-1', fetch });
    await initLogin(client, { username: 'a' });
    expect(calls[0]?.url).toBe('https://api.uae.dfns.io/auth/login/init');
  });

  it('keeps a path prefix (a customer proxy) instead of dropping it as new URL() would', async () => {
    const { fetch, calls } = recordingFetch(jsonReply(signingChallenge), jsonReply(signingChallenge));
    await initLogin(createDfnsClient({ baseUrl: 'https://example.com/dfns//', orgId: 'or-1', fetch }), { username: 'a' });
    await initLogin(createDfnsClient({ baseUrl: '/api/dfns/', orgId: 'or-1', fetch }), { username: 'a' });
    expect(calls.map((call) => call.url)).toEqual(['https://example.com/dfns/auth/login/init', '/api/dfns/auth/login/init']);
  });

  it.each(['api.dfns.io', 'ftp://api.dfns.io', 'https://api.dfns.io/?region=eu', '//api.dfns.io'])(
    'rejects the base URL %s with a config error',
    (baseUrl) => {
      expect(() => createDfnsClient({ baseUrl })).toThrow(expect.objectContaining({ code: 'config_error' }));
    },
  );

  it('looks up globalThis.fetch at call time, so fetch mocks installed later apply', async () => {
    const client = createDfnsClient({ authToken: 't' });
    const { fetch, calls } = recordingFetch(jsonReply({ items: [] }));
    vi.stubGlobal('fetch', fetch);
    await listCredentials(client);
    expect(calls[0]?.url).toBe('https://api.dfns.io/auth/credentials');
  });

  it('calls fetch as a plain function, not as a method of the client (browsers throw "Illegal invocation")', async () => {
    const receivers: unknown[] = [];
    const client = createDfnsClient({
      authToken: 't',
      fetch: function (this: unknown) {
        receivers.push(this);
        return Promise.resolve(jsonReply({ items: [] }));
      },
    });
    await listCredentials(client);
    expect(receivers).toEqual([undefined]);
  });

  it('exposes its configuration', () => {
    const authToken = () => 'x';
    const client = createDfnsClient({ baseUrl: 'https://api.dfns.ninja', orgId: 'or-1', authToken });
    expect(client).toMatchObject({ baseUrl: 'https://api.dfns.ninja', orgId: 'or-1', authToken, fetch: undefined });
  });
});
