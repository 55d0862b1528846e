import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the username field of sign-up, sign-in and recovery. */
export const usernameCopy = {
  labels: {
    username: 'Email or username',
  },
  hints: {
    username: 'The email address or username your account was created with.',
  },
} satisfies DeepPartial<DfnsMessages>;
