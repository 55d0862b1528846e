import { completeEndUserRegistration, completeRegistration, initRegistration } from '../api/registration';
import { registrationChallengeSchema } from '../api/schemas';
import { recoveryKitOf } from '../flows/recoveryKitOf';
import { checkRelayed } from '../query/checkRelayed';
import { createPasskey } from '../webauthn/createPasskey';
import { logInAfterKit, startLoginPrefetch } from './loginAfterKit';

/**
 * What `useRegisterPasskey` runs (the registration requests, the delegated relay's check, the
 * passkey ceremony, the recovery kit, the login after it), in a chunk of its own: the page shows
 * the form first, and the hook fetches this chunk when it mounts, long before the form is sent.
 */
export const registerSteps = {
  initRegistration,
  completeRegistration,
  completeEndUserRegistration,
  registrationChallengeSchema,
  checkRelayed,
  recoveryKitOf,
  createPasskey,
  startLoginPrefetch,
  logInAfterKit,
};
