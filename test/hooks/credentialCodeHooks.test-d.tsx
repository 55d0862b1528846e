// Type tests of the credential-code flow hooks and components, checked by `tsc` in `npm test`.
import { expectTypeOf } from 'vitest';
import type { Credential, CredentialChallenge } from '../../src/api/types';
import { AddPasskeyWithCode } from '../../src/components/AddPasskeyWithCode';
import { CreateCredentialCode } from '../../src/components/CreateCredentialCode';
import { CredentialList } from '../../src/components/CredentialList';
import type { DfnsAuthError } from '../../src/errors';
import type { AddedWithCode } from '../../src/flows/addPasskeyWithCodeFlow';
import { useAddPasskeyWithCode } from '../../src/hooks/useAddPasskeyWithCode';
import { useCreateCredentialCode } from '../../src/hooks/useCreateCredentialCode';

// useCreateCredentialCode: the code exists only while it is shown.
declare const codes: ReturnType<typeof useCreateCredentialCode>;
if (codes.state.status === 'showing-code') {
  expectTypeOf(codes.state.code).toEqualTypeOf<string>();
  expectTypeOf(codes.state.expiresAt).toEqualTypeOf<number>();
}
if (codes.state.status === 'success') expectTypeOf(codes.state.credential).toEqualTypeOf<Credential>();
if (codes.state.status === 'error') expectTypeOf(codes.state.error).toEqualTypeOf<DfnsAuthError>();
// @ts-expect-error the expired state no longer holds the code
void (codes.state.status === 'expired' && codes.state.code);
expectTypeOf(codes.start).toEqualTypeOf<() => void>();
useCreateCredentialCode({ lifetimeMs: 30_000, pollIntervalMs: 5000, onSuccess: ({ credential }) => expectTypeOf(credential).toEqualTypeOf<Credential>() });

// useAddPasskeyWithCode
declare const adding: ReturnType<typeof useAddPasskeyWithCode>;
if (adding.state.status === 'awaiting-authenticator') expectTypeOf(adding.state.challenge).toEqualTypeOf<CredentialChallenge>();
if (adding.state.status === 'success') {
  expectTypeOf(adding.state.added).toEqualTypeOf<AddedWithCode>();
  expectTypeOf(adding.state.signedIn).toEqualTypeOf<boolean>();
}
expectTypeOf(adding.start).parameter(0).toEqualTypeOf<{ code: string; name: string; username?: string | undefined }>();
// @ts-expect-error the code is required
adding.start({ name: 'Work PC' });
useAddPasskeyWithCode({ autoLogin: true, onSuccess: ({ token }) => expectTypeOf(token).toEqualTypeOf<string | undefined>() });

// Components: the shared props, and the list's opt-in.
const leave = (): void => undefined;
const logo = <img src="/logo.svg" alt="Acme" />;
void (<CreateCredentialCode onCancel={leave} logo={logo} lifetimeMs={45_000} headingLevel={3} />);
void (<AddPasskeyWithCode onCancel={leave} logo={logo} autoLogin username="jane@example.com" defaultCode="A7U-KY6-9PT" />);
void (<CredentialList addOnAnotherDevice />);
// @ts-expect-error autoLogin is a boolean
void (<AddPasskeyWithCode autoLogin="yes" />);
