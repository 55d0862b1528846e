/**
 * The HTTP layer (`sendRequest`) is a chunk of its own (issue 19): a card renders without it,
 * `<DfnsAuthProvider>` asks for it when it mounts, and a client whose chunk cannot arrive rejects
 * with a retryable network_error, having sent nothing, and loads it again on the next request. The
 * tests share the module's one chunk state, as a page does, so they run in order.
 */
import { render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createDfnsClient } from '../../src/api/createDfnsClient';
import { initLogin } from '../../src/api/login';
import { withAuthToken } from '../../src/api/withAuthToken';
import { listCredentials } from '../../src/api/credentials';
import { DfnsAuthError } from '../../src/errors';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { signingChallenge } from './fixtures/wire';
import { jsonReply, recordingFetch } from './recordingFetch';

/** How often the chunk was asked for, and whether it fails to arrive (as over a dropped connection). */
const chunk = vi.hoisted(() => ({ loads: 0, failing: false }));
vi.mock('../../src/api/request', async (importActual) =>
  (await import('../components/chunkOf')).chunkOf(await importActual<typeof import('../../src/api/request')>(), 'sendRequest', chunk),
);

describe('the HTTP layer’s chunk', () => {
  it('is not asked for by making a client, and is asked for when <DfnsAuthProvider> mounts', async () => {
    createDfnsClient({ orgId: 'or-1' });
    expect(chunk.loads).toBe(0);
    chunk.failing = true;
    const { unmount } = render(
      <DfnsAuthProvider orgId="or-1" rp={{ id: 'localhost', name: 'Test' }}>
        <p>page</p>
      </DfnsAuthProvider>,
    );
    await waitFor(() => expect(chunk.loads).toBeGreaterThan(0));
    unmount();
  });

  it('that cannot arrive rejects a request with a retryable network_error before anything is sent; the next request loads it', async () => {
    chunk.failing = true;
    const { fetch, calls } = recordingFetch(jsonReply(signingChallenge));
    const client = createDfnsClient({ orgId: 'or-1', fetch });
    const error = await initLogin(client, { username: 'jane@example.com' }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DfnsAuthError);
    expect(error).toMatchObject({ code: 'network_error', retryable: true });
    expect(calls).toHaveLength(0);

    chunk.failing = false;
    const loads = chunk.loads;
    await expect(initLogin(client, { username: 'jane@example.com' })).resolves.toMatchObject({ challenge: signingChallenge.challenge });
    expect(chunk.loads).toBeGreaterThan(loads);
    expect(calls).toHaveLength(1);
  });

  it('serves a client pinned to a token (withAuthToken) the same way', async () => {
    const { fetch, calls } = recordingFetch(jsonReply({ items: [] }));
    const pinned = withAuthToken(createDfnsClient({ orgId: 'or-1', fetch }), 'the-token');
    await listCredentials(pinned);
    expect(calls[0]?.headers.authorization).toBe('Bearer the-token');
  });
});
