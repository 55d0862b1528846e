// Type tests of what apps hold, checked by `tsc` in `npm test`: a wrong type here fails the type check.
import { expectTypeOf } from 'vitest';
import { createDfnsClient } from '../../src/api/createDfnsClient';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { useRecoverAccount } from '../../src/hooks/useRecoverAccount';
import { useRegisterPasskey } from '../../src/hooks/useRegisterPasskey';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';

const rp = { id: 'localhost', name: 'Example' };

// Auth tokens: apps keep "no token yet" as null as often as undefined.
declare const session: { token: string | null; maybe: string | null | undefined };
void (<DfnsAuthProvider orgId="or-1" rp={rp} authToken={session.token} />);
void (<DfnsAuthProvider orgId="or-1" rp={rp} authToken={session.maybe} />);
void (<DfnsAuthProvider orgId="or-1" rp={rp} authToken={() => session.token} />);
void (<DfnsAuthProvider orgId="or-1" rp={rp} authToken={async () => session.maybe} />);
void (<DfnsAuthProvider orgId="or-1" rp={rp} authToken={null} />);
createDfnsClient({ authToken: session.token });
createDfnsClient({ authToken: () => session.maybe });
// @ts-expect-error a number is not a token
void (<DfnsAuthProvider orgId="or-1" rp={rp} authToken={42} />);
// @ts-expect-error nor is a function returning one
void (<DfnsAuthProvider orgId="or-1" rp={rp} authToken={() => 42} />);

// A registration that always ends logged in hands onSuccess a token: string.
const keep = (token: string) => void token;
useRegisterPasskey({ mode: 'endUser', onSuccess: ({ token }) => keep(token) });
useRegisterPasskey({ autoLogin: true, onSuccess: ({ token }) => keep(token) });
useRegisterPasskey({ mode: 'delegated', getChallenge: async () => ({}), autoLogin: true, onSuccess: ({ token }) => keep(token) });
void (<RegisterPasskey mode="endUser" onSuccess={({ token }) => keep(token)} />);
void (<RegisterPasskey autoLogin onSuccess={({ token }) => keep(token)} />);
// Without a login the token is optional, and stays so.
useRegisterPasskey({ onSuccess: ({ token }) => expectTypeOf(token).toEqualTypeOf<string | undefined>() });
declare const flag: boolean;
useRegisterPasskey({ autoLogin: flag, onSuccess: ({ token }) => expectTypeOf(token).toEqualTypeOf<string | undefined>() });
void (<RegisterPasskey autoLogin={flag} onSuccess={({ token }) => expectTypeOf(token).toEqualTypeOf<string | undefined>()} />);
// @ts-expect-error a standard registration without autoLogin may end without a token
useRegisterPasskey({ onSuccess: ({ token }) => keep(token) });
// @ts-expect-error the same for the component
void (<RegisterPasskey onSuccess={({ token }) => keep(token)} />);
// @ts-expect-error delegated mode still needs getChallenge when logging in
useRegisterPasskey({ mode: 'delegated', autoLogin: true });

// Recovery with autoLogin too.
useRecoverAccount({ autoLogin: true, onSuccess: ({ token }) => keep(token) });
void (<RecoverAccount autoLogin onSuccess={({ token }) => keep(token)} />);
useRecoverAccount({ onSuccess: ({ token }) => expectTypeOf(token).toEqualTypeOf<string | undefined>() });
// @ts-expect-error without autoLogin recovery ends logged out
useRecoverAccount({ onSuccess: ({ token }) => keep(token) });
