// Type tests of component props, checked by `tsc` in `npm test`: a wrong type here fails the type check.
import { RegisterPasskey } from '../../src/components/RegisterPasskey';

const relay = async ({ username }: { username: string }): Promise<unknown> => ({ username });

// <RegisterPasskey>: delegated mode needs getChallenge, and only delegated mode takes it.
void (<RegisterPasskey mode="delegated" getChallenge={relay} wallets={[{ network: 'KeyECDSA' }]} />);
void (<RegisterPasskey />);
void (<RegisterPasskey mode="endUser" autoLogin username="jane@example.com" headingLevel={3} />);
// @ts-expect-error `mode="delegated"` without getChallenge
void (<RegisterPasskey mode="delegated" />);
// @ts-expect-error getChallenge without `mode="delegated"` would be ignored
void (<RegisterPasskey getChallenge={relay} />);
// @ts-expect-error no such mode
void (<RegisterPasskey mode="password" />);
