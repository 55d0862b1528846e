/** useCredentials with tokens that name no Dfns user (e.g. behind a proxy): nothing outlives the list (issue 15, item 1). */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useCredentials } from '../../src/hooks/useCredentials';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { credential } from '../api/fixtures/wire';
import { json, routeFetch } from './routeFetch';

const ORG = 'or-30tnh-itmjs-s235s5ontr4f7f9b';
const RP = { id: 'localhost', name: 'Kit tests' };

describe('useCredentials without a Dfns user in the token', () => {
  it('drops the list as soon as nothing shows it, so the next session never sees it', async () => {
    let session = 'opaque-session-a';
    const lists: Record<string, string> = { 'opaque-session-a': 'Alice laptop', 'opaque-session-b': 'Bob phone' };
    const { fetch } = routeFetch({
      'GET /auth/credentials': (call) => json({ items: [{ ...credential, name: lists[call.headers.authorization!.slice(7)] }] }),
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <DfnsAuthProvider baseUrl="https://api.test" orgId={ORG} rp={RP} authToken={() => session} fetch={fetch}>
          {children}
        </DfnsAuthProvider>
      </QueryClientProvider>
    );
    const first = renderHook(() => useCredentials(), { wrapper });
    await waitFor(() => expect(first.result.current.data?.items[0]?.name).toBe('Alice laptop'));
    first.unmount();
    session = 'opaque-session-b';
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toHaveLength(0));
    const names: Array<string | undefined> = [];
    const second = renderHook(
      () => {
        const list = useCredentials();
        names.push(list.data?.items[0]?.name);
        return list;
      },
      { wrapper },
    );
    await waitFor(() => expect(second.result.current.data?.items[0]?.name).toBe('Bob phone'));
    expect(names).not.toContain('Alice laptop');
  });
});
