import { describe, expect, it, vi } from 'vitest';
import { listCredentials } from '../../src/api';
import { DfnsApiError } from '../../src/errors';
import { clientWith, jsonReply } from './recordingFetch';

// The chunk with the code that reads a failed answer does not arrive (offline, or a new deployment
// replaced it): the import() of src/api/errorFromResponse rejects.
vi.mock('../../src/api/errorFromResponse', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

describe('a failed answer whose reading code cannot load', () => {
  it('is a retryable network_error with the endpoint and status, never a crash', async () => {
    const { client } = clientWith([jsonReply({ error: { id: 'x', message: 'User not found' } }, 404)]);
    const error = await listCredentials(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DfnsApiError);
    expect(error).toMatchObject({ code: 'network_error', retryable: true, status: 404, method: 'GET', path: '/auth/credentials' });
  });
});
