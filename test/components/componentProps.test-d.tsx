// Type tests of component props, checked by `tsc` in `npm test`: a wrong type here fails the type check.
import { AddPasskey } from '../../src/components/AddPasskey';
import { ConfirmUserAction } from '../../src/components/ConfirmUserAction';
import { CreateRecoveryKey } from '../../src/components/CreateRecoveryKey';
import { CredentialList } from '../../src/components/CredentialList';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { RecoverAccount } from '../../src/components/RecoverAccount';
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

// onCancel, one name on every flow component; logo on every component; onSignInInstead on registration.

const leave = (): void => undefined;
const logo = <img src="/logo.svg" alt="Acme" />;
void (<RegisterPasskey onCancel={leave} onSignInInstead={leave} logo={logo} />);
void (<LoginWithPasskey onCancel={leave} logo={logo} />);
void (<RecoverAccount onCancel={leave} logo={logo} />);
void (<AddPasskey onCancel={leave} logo={logo} />);
void (<CreateRecoveryKey onCancel={leave} logo={logo} />);
void (<ConfirmUserAction request={{ method: 'POST', path: '/wallets' }} onCancel={leave} logo={logo} />);
void (<CredentialList logo={logo} />);
// @ts-expect-error "Sign in instead" belongs to registration, where the passkey may already exist
void (<LoginWithPasskey onSignInInstead={leave} />);
