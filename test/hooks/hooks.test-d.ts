// Type tests, checked by `tsc` in `npm test`: a wrong type here fails the type check.
import { expectTypeOf } from 'vitest';
import type { Concealed } from '../../src/query/conceal';
import type { DfnsAuthError, DfnsAuthErrorCode } from '../../src/errors';
import type { Credential, CredentialListResponse, RecoveryChallenge, RegistrationChallenge, UserActionResult } from '../../src/api/types';
import {
  useCreateCredential,
  useRecoveryInit,
  useRegistrationInit,
  useUserActionSignature,
} from '../../src/hooks/endpointHooks';
import { useCredentials } from '../../src/hooks/useCredentials';

declare const registrationInit: ReturnType<typeof useRegistrationInit>;
expectTypeOf(registrationInit.data).toEqualTypeOf<RegistrationChallenge | undefined>();
expectTypeOf(registrationInit.error).toEqualTypeOf<DfnsAuthError | null>();
expectTypeOf(registrationInit.mutate).parameter(0).toEqualTypeOf<{
  username: string;
  registrationCode: string;
  orgId?: string | undefined;
}>();
// What the cache keeps of the code is the concealed handle, never the string alone.
expectTypeOf(registrationInit.variables!.registrationCode).toEqualTypeOf<string | Concealed>();
if (registrationInit.status === 'success') expectTypeOf(registrationInit.data).toEqualTypeOf<RegistrationChallenge>();
if (registrationInit.status === 'error') expectTypeOf(registrationInit.error.code).toEqualTypeOf<DfnsAuthErrorCode>();

declare const recoveryInit: ReturnType<typeof useRecoveryInit>;
expectTypeOf(recoveryInit.mutateAsync).returns.toEqualTypeOf<Promise<RecoveryChallenge>>();
// @ts-expect-error the recovery key id is required
recoveryInit.mutate({ username: 'a', verificationCode: 'b' });

declare const createCredential: ReturnType<typeof useCreateCredential>;
expectTypeOf(createCredential.mutateAsync).returns.toEqualTypeOf<Promise<Credential>>();

declare const signature: ReturnType<typeof useUserActionSignature>;
expectTypeOf(signature.data).toEqualTypeOf<UserActionResult | undefined>();

declare const credentials: ReturnType<typeof useCredentials>;
expectTypeOf(credentials.data).toEqualTypeOf<CredentialListResponse | undefined>();
