// Type tests of the flow hooks, checked by `tsc` in `npm test`: a wrong type here fails the type check.
import { expectTypeOf } from 'vitest';
import type { Credential, LoginChallenge, RecoveryChallenge, RegisteredUser, RegistrationChallenge, UserActionChallenge, Wallet } from '../../src/api/types';
import type { DfnsAuthError } from '../../src/errors';
import type { RecoveryKit } from '../../src/flows/flowState';
import { useAddPasskey } from '../../src/hooks/useAddPasskey';
import { useCreateRecoveryKey } from '../../src/hooks/useCreateRecoveryKey';
import { useLoginWithPasskey, type LoginWithPasskeyResult } from '../../src/hooks/useLoginWithPasskey';
import { useRecoverAccount, type RecoverAccountSuccess, type RecoveryCodesInput } from '../../src/hooks/useRecoverAccount';
import { useRegisterPasskey, type RegisterPasskeyInput, type RegisterPasskeyResult } from '../../src/hooks/useRegisterPasskey';
import { useUserActionSigner, type SignedUserAction, type UserActionRequest } from '../../src/hooks/useUserActionSigner';

// useRegisterPasskey
declare const register: ReturnType<typeof useRegisterPasskey>;
if (register.state.status === 'error') {
  expectTypeOf(register.state.error).toEqualTypeOf<DfnsAuthError>();
  expectTypeOf(register.state.challenge).toEqualTypeOf<RegistrationChallenge | undefined>();
}
if (register.state.status === 'showing-recovery-kit') expectTypeOf(register.state.recoveryKit).toEqualTypeOf<RecoveryKit>();
if (register.state.status === 'success') expectTypeOf(register.state.user).toEqualTypeOf<RegisteredUser>();
// @ts-expect-error only the error state carries an error
void register.state.error;
expectTypeOf(register.start).parameter(0).toEqualTypeOf<RegisterPasskeyInput>();
expectTypeOf(register.retry).toEqualTypeOf<() => void>();
expectTypeOf<RegisterPasskeyResult>().toEqualTypeOf<{ user: RegisteredUser; token?: string | undefined; wallets?: Wallet[] | undefined }>();
useRegisterPasskey({ onSuccess: (result) => expectTypeOf(result).toEqualTypeOf<RegisterPasskeyResult>() });
useRegisterPasskey({ onError: (error) => expectTypeOf(error).toEqualTypeOf<DfnsAuthError>() });
// @ts-expect-error the username is required
register.start({ registrationCode: 'code' });
// @ts-expect-error no such mode
useRegisterPasskey({ mode: 'password' });
// Delegated mode needs the relay, and only delegated mode takes one (JavaScript callers still get a config_error).
// @ts-expect-error `mode: 'delegated'` without getChallenge
useRegisterPasskey({ mode: 'delegated' });
// @ts-expect-error getChallenge without `mode: 'delegated'` would be ignored
useRegisterPasskey({ getChallenge: async () => ({}) });
// @ts-expect-error not in endUser mode either
useRegisterPasskey({ mode: 'endUser', getChallenge: async () => ({}) });
useRegisterPasskey({ mode: 'delegated', getChallenge: async ({ username }) => ({ username }), wallets: [{ network: 'KeyECDSA' }] });
useRegisterPasskey({ mode: 'endUser', autoLogin: true });

// useLoginWithPasskey
declare const login: ReturnType<typeof useLoginWithPasskey>;
if (login.state.status === 'error') expectTypeOf(login.state.error).toEqualTypeOf<DfnsAuthError>();
if (login.state.status === 'awaiting-authenticator') expectTypeOf(login.state.challenge).toEqualTypeOf<LoginChallenge>();
if (login.state.status === 'idle') expectTypeOf(login.state.prefetching).toEqualTypeOf<boolean>();
// @ts-expect-error the token is handed to onSuccess, never kept in state
void login.state.token;
expectTypeOf(login.start).toEqualTypeOf<(input?: { username?: string | undefined }) => void>();
expectTypeOf(login.autofill).toEqualTypeOf<boolean>();
expectTypeOf<LoginWithPasskeyResult>().toEqualTypeOf<{ token: string; username?: string | undefined }>();
useLoginWithPasskey({ onSuccess: ({ token }) => expectTypeOf(token).toEqualTypeOf<string>() });
// @ts-expect-error a username is a string
login.prefetch({ username: 42 });

// useRecoverAccount
declare const recovery: ReturnType<typeof useRecoverAccount>;
if (recovery.state.status === 'error') {
  expectTypeOf(recovery.state.error).toEqualTypeOf<DfnsAuthError>();
  expectTypeOf(recovery.state.challenge).toEqualTypeOf<RecoveryChallenge | undefined>();
}
if (recovery.state.status === 'showing-recovery-kit') expectTypeOf(recovery.state.recoveryKit).toEqualTypeOf<RecoveryKit>();
if (recovery.state.status === 'success') expectTypeOf(recovery.state.loggedIn).toEqualTypeOf<boolean>();
expectTypeOf(recovery.mode).toEqualTypeOf<'standard' | 'delegated'>();
expectTypeOf(recovery.submitCodes).parameter(0).toEqualTypeOf<RecoveryCodesInput>();
expectTypeOf<RecoverAccountSuccess>().toEqualTypeOf<{ user: RegisteredUser; token?: string | undefined }>();
// autoLogin always ends logged in: the token is a string (was `string | undefined`).
useRecoverAccount({ autoLogin: true, onSuccess: (result) => expectTypeOf(result.token).toEqualTypeOf<string>() });
// @ts-expect-error the recovery code and the Recovery Key ID are both required
recovery.submitCodes({ recoveryCode: 'D1-…' });

// useAddPasskey and useCreateRecoveryKey
declare const addPasskey: ReturnType<typeof useAddPasskey>;
declare const createRecoveryKey: ReturnType<typeof useCreateRecoveryKey>;
expectTypeOf(addPasskey).toEqualTypeOf(createRecoveryKey);
if (addPasskey.state.status === 'error') expectTypeOf(addPasskey.state.error).toEqualTypeOf<DfnsAuthError>();
if (addPasskey.state.status === 'success') expectTypeOf(addPasskey.state.credential).toEqualTypeOf<Credential>();
expectTypeOf(addPasskey.start).toEqualTypeOf<(input: { name: string }) => void>();
useAddPasskey({ onSuccess: (result) => expectTypeOf(result).toEqualTypeOf<{ credential: Credential }>() });
useCreateRecoveryKey({ onError: (error) => expectTypeOf(error).toEqualTypeOf<DfnsAuthError>() });
// @ts-expect-error the new credential needs a name
addPasskey.start({});

// useUserActionSigner
declare const signer: ReturnType<typeof useUserActionSigner>;
if (signer.state.status === 'error') expectTypeOf(signer.state.error).toEqualTypeOf<DfnsAuthError>();
if (signer.state.status === 'awaiting-authenticator') expectTypeOf(signer.state.challenge).toEqualTypeOf<UserActionChallenge>();
if (signer.state.status === 'awaiting-approval') expectTypeOf(signer.state.pending).toEqualTypeOf<unknown>();
expectTypeOf(signer.sign).toEqualTypeOf<(request: UserActionRequest) => Promise<SignedUserAction>>();
expectTypeOf(signer.signedFetch<{ id: string }>('/wallets')).toEqualTypeOf<Promise<{ id: string }>>();
expectTypeOf(signer.signedFetch('/wallets')).toEqualTypeOf<Promise<unknown>>();
useUserActionSigner({ onSuccess: (data) => expectTypeOf(data).toEqualTypeOf<unknown>() });
// @ts-expect-error a user action never protects a GET
void signer.sign({ method: 'GET', path: '/wallets' });
// @ts-expect-error nor does signedFetch send one
void signer.signedFetch('/wallets', { method: 'GET' });
