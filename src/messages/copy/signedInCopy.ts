import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the success panel of a sign-in. */
export const signedInCopy = {
  success: {
    signedIn: 'You are signed in.',
  },
  nextSteps: {
    signedIn: 'You can continue to your account.',
  },
} satisfies DeepPartial<DfnsMessages>;
