/**
 * No endpoint hook leaves a token, temporary token, user action token or code in react-query's
 * caches, in its variables or in its response data, while mounted (issue 15, item 5). The app
 * still gets the plain values from `data`, `onSuccess` and `mutateAsync`.
 */
import { QueryClient, QueryClientProvider, type UseMutationResult } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import * as hooks from '../../src/hooks/endpointHooks';
import { useDelegatedRecoveryInit } from '../../src/hooks/useDelegatedRecoveryInit';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import {
  createCredentialBody,
  credential,
  fido2Assertion,
  fido2Challenge,
  recoverUserBody,
  recoveryChallenge,
  registrationChallenge,
  registrationCredentials,
  registrationResult,
  signingChallenge,
} from '../api/fixtures/wire';
import { json, routeFetch } from './routeFetch';

const ORG = 'or-30tnh-itmjs-s235s5ontr4f7f9b';
const RP = { id: 'localhost', name: 'Kit tests' };
const KEY_ID = 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk';
const AUTH_TOKEN = 'SECRET-AUTH-TOKEN';
/** Every secret a hook is given or answered with below. */
const S = {
  registrationCode: 'SECRET-REGISTRATION-CODE',
  loginCode: 'SECRET-LOGIN-CODE',
  verificationCode: 'SECRET-VERIFICATION-CODE',
  temporaryIn: 'SECRET-TEMPORARY-TOKEN-SENT',
  temporaryOut: 'SECRET-TEMPORARY-TOKEN-RECEIVED',
  loginToken: 'SECRET-LOGIN-TOKEN',
  userActionIn: 'SECRET-USER-ACTION-SENT',
  userActionOut: 'SECRET-USER-ACTION-RECEIVED',
  credentialCode: 'SECRET-CREDENTIAL-CODE',
  idToken: 'SECRET-ID-TOKEN',
  ssoCode: 'SECRET-SSO-CODE',
  ssoState: 'SECRET-SSO-STATE',
};
const message = { message: 'ok' };

type AnyMutation = Omit<UseMutationResult<unknown, unknown, unknown>, 'mutate' | 'mutateAsync'> & {
  mutateAsync: (variables: never, options?: { onSuccess?: (data: unknown) => void }) => Promise<unknown>;
};
interface Case {
  name: string;
  use: (options: { onSuccess: (data: unknown) => void }) => AnyMutation;
  variables: object;
  route: string;
  answer: object;
}

const cases: Case[] = [
  {
    name: 'useRegistrationInit',
    use: (o) => hooks.useRegistrationInit(o) as never,
    variables: { username: 'jane@example.com', registrationCode: S.registrationCode },
    route: 'POST /auth/registration/init',
    answer: { ...registrationChallenge, temporaryAuthenticationToken: S.temporaryOut },
  },
  {
    name: 'useRegistrationComplete',
    use: (o) => hooks.useRegistrationComplete(o) as never,
    variables: { temporaryAuthenticationToken: S.temporaryIn, credentials: registrationCredentials },
    route: 'POST /auth/registration',
    answer: registrationResult,
  },
  {
    name: 'useEndUserRegistration',
    use: (o) => hooks.useEndUserRegistration(o) as never,
    variables: { temporaryAuthenticationToken: S.temporaryIn, credentials: registrationCredentials, wallets: [{ network: 'EthereumSepolia' }] },
    route: 'POST /auth/registration/enduser',
    answer: { ...registrationResult, authentication: { token: S.loginToken }, wallets: [] },
  },
  {
    name: 'useResendRegistrationCode',
    use: (o) => hooks.useResendRegistrationCode(o) as never,
    variables: { username: 'jane@example.com' },
    route: 'PUT /auth/registration/code',
    answer: message,
  },
  {
    name: 'useLoginInit',
    use: (o) => hooks.useLoginInit(o) as never,
    variables: { username: 'jane@example.com', loginCode: S.loginCode },
    route: 'POST /auth/login/init',
    answer: signingChallenge,
  },
  {
    name: 'useLoginComplete',
    use: (o) => hooks.useLoginComplete(o) as never,
    variables: { challengeIdentifier: 'challenge-identifier.jwt', firstFactor: fido2Assertion },
    route: 'POST /auth/login',
    answer: { token: S.loginToken },
  },
  {
    name: 'useSocialLogin',
    use: (o) => hooks.useSocialLogin(o) as never,
    variables: { idToken: S.idToken },
    route: 'POST /auth/login/social',
    answer: { token: S.loginToken },
  },
  {
    name: 'useSocialRegistrationInit',
    use: (o) => hooks.useSocialRegistrationInit(o) as never,
    variables: { idToken: S.idToken },
    route: 'POST /auth/registration/social',
    answer: { ...registrationChallenge, temporaryAuthenticationToken: S.temporaryOut },
  },
  {
    name: 'useSsoLoginInit',
    use: (o) => hooks.useSsoLoginInit(o) as never,
    variables: { clientId: 'sso-client', redirectUri: 'https://app.test/sso' },
    route: 'POST /auth/login/sso/init',
    answer: { ssoRedirectUrl: 'https://idp.test/authorize?state=public' },
  },
  {
    name: 'useSsoLogin',
    use: (o) => hooks.useSsoLogin(o) as never,
    variables: { code: S.ssoCode, state: S.ssoState },
    route: 'POST /auth/login/sso',
    answer: { token: S.loginToken },
  },
  {
    name: 'useSendLoginCode',
    use: (o) => hooks.useSendLoginCode(o) as never,
    variables: { username: 'jane@example.com' },
    route: 'POST /auth/login/code',
    answer: message,
  },
  { name: 'useLogout', use: (o) => hooks.useLogout(o) as never, variables: {}, route: 'PUT /auth/logout', answer: message },
  {
    name: 'useSendRecoveryCode',
    use: (o) => hooks.useSendRecoveryCode(o) as never,
    variables: { username: 'jane@example.com' },
    route: 'POST /auth/recover/user/code',
    answer: message,
  },
  {
    name: 'useRecoveryInit',
    use: (o) => hooks.useRecoveryInit(o) as never,
    variables: { username: 'jane@example.com', verificationCode: S.verificationCode, credentialId: KEY_ID },
    route: 'POST /auth/recover/user/init',
    answer: { ...recoveryChallenge, temporaryAuthenticationToken: S.temporaryOut },
  },
  {
    name: 'useRecoverUser',
    use: (o) => hooks.useRecoverUser(o) as never,
    variables: { temporaryAuthenticationToken: S.temporaryIn, body: recoverUserBody },
    route: 'POST /auth/recover/user',
    answer: registrationResult,
  },
  {
    name: 'useDelegatedRecoveryInit',
    use: (o) =>
      useDelegatedRecoveryInit({
        ...o,
        getChallenge: async () => ({ ...recoveryChallenge, temporaryAuthenticationToken: S.temporaryOut }),
      }) as never,
    variables: { username: 'jane@example.com', credentialId: KEY_ID },
    route: '',
    answer: { ...recoveryChallenge, temporaryAuthenticationToken: S.temporaryOut },
  },
  {
    name: 'useCredentialChallenge',
    use: (o) => hooks.useCredentialChallenge(o) as never,
    variables: { kind: 'Fido2' },
    route: 'POST /auth/credentials/init',
    answer: { ...fido2Challenge, temporaryAuthenticationToken: S.temporaryOut },
  },
  {
    name: 'useCreateCredential',
    use: (o) => hooks.useCreateCredential(o) as never,
    variables: { credential: createCredentialBody, userAction: S.userActionIn },
    route: 'POST /auth/credentials',
    answer: credential,
  },
  {
    name: 'useActivateCredential',
    use: (o) => hooks.useActivateCredential(o) as never,
    variables: { credentialUuid: 'cr-1', userAction: S.userActionIn },
    route: 'PUT /auth/credentials/activate',
    answer: message,
  },
  {
    name: 'useDeactivateCredential',
    use: (o) => hooks.useDeactivateCredential(o) as never,
    variables: { credentialUuid: 'cr-1', userAction: S.userActionIn },
    route: 'PUT /auth/credentials/deactivate',
    answer: message,
  },
  {
    name: 'useCredentialCode',
    use: (o) => hooks.useCredentialCode(o) as never,
    variables: { expiration: 60, userAction: S.userActionIn },
    route: 'POST /auth/credentials/code',
    answer: { code: S.credentialCode, expiration: '2030-01-01T00:00:00.000Z' },
  },
  {
    name: 'useUserActionChallenge',
    use: (o) => hooks.useUserActionChallenge(o) as never,
    variables: { userActionHttpMethod: 'POST', userActionHttpPath: '/wallets', userActionPayload: '{}' },
    route: 'POST /auth/action/init',
    answer: signingChallenge,
  },
  {
    name: 'useUserActionSignature',
    use: (o) => hooks.useUserActionSignature(o) as never,
    variables: { challengeIdentifier: 'challenge-identifier.jwt', firstFactor: fido2Assertion },
    route: 'POST /auth/action',
    answer: { userAction: S.userActionOut },
  },
];

/** Everything react-query holds, as devtools or a persister would print it. */
function cacheText(queryClient: QueryClient): string {
  return JSON.stringify([
    queryClient.getQueryCache().getAll().map((q) => ({ key: q.queryKey, state: q.state })),
    queryClient.getMutationCache().getAll().map((m) => ({ key: m.options.mutationKey, state: m.state })),
  ]);
}

describe('endpoint hooks keep secrets out of react-query', () => {
  it('covers every endpoint hook', () => {
    expect(cases.map((c) => c.name).filter((n) => n !== 'useDelegatedRecoveryInit').sort()).toEqual(Object.keys(hooks).sort());
  });

  it.each(cases)('$name: nothing secret in the caches while mounted; the app still gets the answer', async ({ use, variables, route, answer }) => {
    const { fetch } = routeFetch(route ? { [route]: () => json(answer) } : {});
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <DfnsAuthProvider baseUrl="https://api.test" orgId={ORG} rp={RP} authToken={AUTH_TOKEN} fetch={fetch}>
          {children}
        </DfnsAuthProvider>
      </QueryClientProvider>
    );
    const onSuccess = vi.fn();
    const perCall = vi.fn();
    const { result } = renderHook(() => use({ onSuccess }), { wrapper });
    let resolved: unknown;
    await act(async () => {
      resolved = await result.current.mutateAsync(variables as never, { onSuccess: perCall });
    });
    await waitFor(() => expect(result.current.status).toBe('success'));

    const cached = cacheText(queryClient);
    for (const secret of [...Object.values(S), AUTH_TOKEN]) expect(cached).not.toContain(secret);
    // What the app reads is the answer itself.
    expect(result.current.data).toEqual(answer);
    expect(resolved).toEqual(answer);
    expect(onSuccess.mock.calls[0]![0]).toEqual(answer);
    expect(perCall.mock.calls[0]![0]).toEqual(answer);
  });
});
