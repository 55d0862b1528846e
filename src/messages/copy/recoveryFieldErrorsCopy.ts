import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the errors `<RecoverAccount/>` shows under a field of its codes form (and the alert shows too). */
export const recoveryFieldErrorsCopy = {
  errors: {
    unauthorized: 'A code may be wrong, or your session may have expired. Check what you entered, or sign in again.',
    recovery_code_malformed: 'This doesn’t look like a recovery code. It starts with D1- followed by groups of letters and digits.',
    recovery_code_invalid: 'The recovery code doesn’t match this recovery key. Check both against your recovery kit.',
    recovery_key_not_found: 'There’s no recovery key with this ID on your account. Check the recovery key ID in your kit.',
    invalid_input: 'Some of the details you entered aren’t valid.',
  },
} satisfies DeepPartial<DfnsMessages>;
