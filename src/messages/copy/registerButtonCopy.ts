import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the button that creates a passkey (`<RegisterPasskey/>`, `<AddPasskeyWithCode/>`). */
export const registerButtonCopy = {
  buttons: {
    register: 'Create passkey',
  },
} satisfies DeepPartial<DfnsMessages>;
