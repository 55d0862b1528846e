import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { useDfnsAuth } from '../../src/provider/useDfnsAuth';
import {
  useCreateCredential,
  useDeactivateCredential,
  useLogout,
  useRecoveryInit,
  useRegistrationComplete,
  useRegistrationInit,
} from '../../src/hooks/endpointHooks';
import { useCredentials } from '../../src/hooks/useCredentials';
import { useDelegatedRecoveryInit } from '../../src/hooks/useDelegatedRecoveryInit';
import { createCredentialBody, credential, recoveryChallenge, registrationChallenge, registrationCredentials, registrationResult } from '../api/fixtures/wire';
import { json, routeFetch } from './routeFetch';

const ORG = 'or-30tnh-itmjs-s235s5ontr4f7f9b';
const RP = { id: 'localhost', name: 'Kit tests' };

function setup(routes: Parameters<typeof routeFetch>[0], authToken?: string | (() => string)) {
  const { fetch, calls } = routeFetch(routes);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <DfnsAuthProvider baseUrl="https://api.test" orgId={ORG} rp={RP} authToken={authToken} fetch={fetch}>
        {children}
      </DfnsAuthProvider>
    </QueryClientProvider>
  );
  return { calls, queryClient, wrapper };
}

/** Everything react-query keeps about mutations, as devtools or a persister would print it. */
const mutationCacheText = (queryClient: QueryClient) =>
  JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state));

describe('useRegistrationInit', () => {
  it('posts the username, code and org id and returns the parsed challenge', async () => {
    const { calls, wrapper } = setup({ 'POST /auth/registration/init': () => json(registrationChallenge) });
    const { result } = renderHook(() => useRegistrationInit(), { wrapper });
    act(() => result.current.mutate({ username: 'jane@example.com', registrationCode: 'REG-CODE-1' }));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toEqual(registrationChallenge);
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]!.body!)).toEqual({ orgId: ORG, username: 'jane@example.com', registrationCode: 'REG-CODE-1' });
    expect(calls[0]!.headers.authorization).toBeUndefined();
  });

  it('keeps the registration code out of the mutation cache', async () => {
    const { wrapper, queryClient } = setup({ 'POST /auth/registration/init': () => json(registrationChallenge) });
    const { result } = renderHook(() => useRegistrationInit(), { wrapper });
    act(() => result.current.mutate({ username: 'jane@example.com', registrationCode: 'REG-CODE-SECRET' }));
    await waitFor(() => expect(result.current.status).toBe('success'));
    const cached = mutationCacheText(queryClient);
    expect(cached).toContain('jane@example.com');
    expect(cached).not.toContain('REG-CODE-SECRET');
    expect(String(result.current.variables?.registrationCode)).toBe('[concealed]');
  });

  it('never retries a failed init, because a challenge is single-use', async () => {
    const { calls, wrapper } = setup({
      'POST /auth/registration/init': () => json({ error: { id: '1', status: 500, message: 'boom' } }, 500),
    });
    const { result } = renderHook(() => useRegistrationInit(), { wrapper });
    act(() => result.current.mutate({ username: 'jane@example.com', registrationCode: 'X' }));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ code: 'server_error', status: 500, retryable: true });
    expect(calls).toHaveLength(1);
  });
});

describe('useRegistrationComplete', () => {
  it('sends the temporary token as a bearer token and keeps it out of the cache', async () => {
    const { calls, wrapper, queryClient } = setup({ 'POST /auth/registration': () => json(registrationResult) });
    const { result } = renderHook(() => useRegistrationComplete(), { wrapper });
    act(() =>
      result.current.mutate({ temporaryAuthenticationToken: 'temp.jwt.token', credentials: registrationCredentials }),
    );
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(calls[0]!.headers.authorization).toBe('Bearer temp.jwt.token');
    expect(calls[0]!.body).toBe(JSON.stringify(registrationCredentials));
    expect(mutationCacheText(queryClient)).not.toContain('temp.jwt.token');
  });
});

describe('useRecoveryInit', () => {
  it('conceals the emailed verification code', async () => {
    const { calls, wrapper, queryClient } = setup({ 'POST /auth/recover/user/init': () => json(recoveryChallenge) });
    const { result } = renderHook(() => useRecoveryInit(), { wrapper });
    act(() =>
      result.current.mutate({ username: 'jane@example.com', verificationCode: 'VERIFY-42', credentialId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk' }),
    );
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(JSON.parse(calls[0]!.body!)).toMatchObject({ verificationCode: 'VERIFY-42', credentialId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk', orgId: ORG });
    expect(mutationCacheText(queryClient)).not.toContain('VERIFY-42');
  });
});

describe('useDelegatedRecoveryInit', () => {
  it('returns the challenge the customer backend relayed', async () => {
    const { wrapper } = setup({});
    const { result } = renderHook(
      () => useDelegatedRecoveryInit({ getChallenge: async () => structuredClone(recoveryChallenge) }),
      { wrapper },
    );
    act(() => result.current.mutate({ username: 'jane@example.com', credentialId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk' }));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data).toEqual(recoveryChallenge);
  });

  it('reports a malformed relay answer as invalid_response naming the field', async () => {
    const { wrapper } = setup({});
    const { allowedRecoveryCredentials: _dropped, ...broken } = recoveryChallenge;
    const { result } = renderHook(() => useDelegatedRecoveryInit({ getChallenge: async () => broken }), { wrapper });
    act(() => result.current.mutate({ username: 'jane@example.com', credentialId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk' }));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('invalid_response');
    expect(result.current.error?.message).toContain('allowedRecoveryCredentials');
  });
});

describe('useCredentials', () => {
  it('lists credentials with the user token read at request time', async () => {
    let token = 'first-token';
    const { calls, wrapper } = setup({ 'GET /auth/credentials': () => json({ items: [credential] }) }, () => token);
    const { result } = renderHook(() => useCredentials(), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.items).toEqual([credential]);
    expect(calls[0]!.headers.authorization).toBe('Bearer first-token');
    token = 'refreshed-token';
    await act(() => result.current.refetch());
    expect(calls[1]!.headers.authorization).toBe('Bearer refreshed-token');
  });

  it('refetches after a credential is deactivated and after one is created', async () => {
    const { calls, wrapper } = setup(
      {
        'GET /auth/credentials': () => json({ items: [credential] }),
        'PUT /auth/credentials/deactivate': () => json({ message: 'deactivated' }),
        'POST /auth/credentials': () => json(credential),
      },
      'user-token',
    );
    const { result } = renderHook(
      () => ({ list: useCredentials(), deactivate: useDeactivateCredential(), create: useCreateCredential() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.status).toBe('success'));
    const lists = () => calls.filter((c) => c.method === 'GET').length;
    expect(lists()).toBe(1);

    await act(() => result.current.deactivate.mutateAsync({ credentialUuid: 'cr-1', userAction: 'ua-1' }));
    await waitFor(() => expect(lists()).toBe(2));
    const deactivateCall = calls.find((c) => c.path === '/auth/credentials/deactivate')!;
    expect(deactivateCall.headers['x-dfns-useraction']).toBe('ua-1');
    expect(deactivateCall.body).toBe('{"credentialUuid":"cr-1"}');

    await act(() => result.current.create.mutateAsync({ credential: createCredentialBody, userAction: 'ua-2' }));
    await waitFor(() => expect(lists()).toBe(3));
  });
});

describe('useLogout', () => {
  it('drops the cached credential list of the session it ends', async () => {
    let token: string | undefined = 'user-token';
    const { wrapper, queryClient } = setup(
      {
        'GET /auth/credentials': () => json({ items: [credential] }),
        'PUT /auth/logout': () => json({ message: 'logged out' }),
      },
      () => token as string,
    );
    const { result } = renderHook(
      () => ({ list: useCredentials(), logout: useLogout({ onSuccess: () => void (token = undefined) }) }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.status).toBe('success'));
    await act(() => result.current.logout.mutateAsync({}));
    await waitFor(() => expect(result.current.list.data).toBeUndefined());
    // The list stays mounted here, so react-query makes a fresh query; none may hold the old data.
    const cached = queryClient.getQueriesData({ queryKey: ['dfns'] }).map(([, data]) => data);
    expect(cached.every((data) => data === undefined)).toBe(true);
  });
});

describe('DfnsAuthProvider', () => {
  it('uses the app QueryClient when there is one', async () => {
    const { wrapper, queryClient } = setup({ 'POST /auth/registration/init': () => json(registrationChallenge) });
    const { result } = renderHook(() => useRegistrationInit(), { wrapper });
    act(() => result.current.mutate({ username: 'a', registrationCode: 'b' }));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1);
  });

  it('provides its own QueryClient when the app has none', async () => {
    const { fetch } = routeFetch({ 'POST /auth/registration/init': () => json(registrationChallenge) });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <DfnsAuthProvider baseUrl="https://api.test" orgId={ORG} rp={RP} fetch={fetch}>
        {children}
      </DfnsAuthProvider>
    );
    const { result } = renderHook(() => useRegistrationInit(), { wrapper });
    act(() => result.current.mutate({ username: 'a', registrationCode: 'b' }));
    await waitFor(() => expect(result.current.status).toBe('success'));
  });

  it('refuses to start without an rp, naming the prop', () => {
    expect(() =>
      renderHook(() => null, {
        wrapper: ({ children }) => (
          <DfnsAuthProvider orgId={ORG} rp={undefined as never}>
            {children}
          </DfnsAuthProvider>
        ),
      }),
    ).toThrow(/rp=\{\{ id, name \}\}/);
  });
});

describe('useDfnsAuth', () => {
  it('outside the provider throws an error naming the hook and the fix', () => {
    expect(() => renderHook(() => useRegistrationInit())).toThrow(
      /useRegistrationInit must be used inside <DfnsAuthProvider>/,
    );
    expect(() => renderHook(() => useDfnsAuth())).toThrow(/Wrap your app/);
  });
});
