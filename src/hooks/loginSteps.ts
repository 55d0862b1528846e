import { completeLogin, initLogin } from '../api/login';
import { loginToken } from '../api/loginToken';
import { conditionalMediationAvailable } from '../webauthn/conditionalMediationAvailable';
import { signWithPasskey } from '../webauthn/signWithPasskey';

/**
 * What `useLoginWithPasskey` runs (the two login requests, the passkey ceremony, the autofill
 * check), in a chunk of its own: the page shows the sign-in form first, and the hook fetches this
 * chunk when it mounts, before any click or prefetch can need it.
 */
export const loginSteps = { initLogin, completeLogin, loginToken, signWithPasskey, conditionalMediationAvailable };
