import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the name field of a new passkey or recovery key. */
export const credentialNameCopy = {
  labels: {
    credentialName: 'Name',
  },
  hints: {
    credentialName: 'A name that helps you recognise it later, such as “Work laptop”.',
  },
} satisfies DeepPartial<DfnsMessages>;
