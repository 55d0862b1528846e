import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the success panel when a passkey was added. */
export const passkeyAddedCopy = {
  success: {
    passkeyAdded: ({ name }) => `“${name}” was added.`,
  },
  nextSteps: {
    passkeyAdded: 'You can sign in with it from now on.',
  },
} satisfies DeepPartial<DfnsMessages>;
