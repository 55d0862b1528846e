import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the one-time code panel of `<CreateCredentialCode/>`. */
export const credentialCodeCopy = {
  buttons: {
    getCredentialCode: 'Add a passkey on another device',
    newCredentialCode: 'Get a new code',
  },
  credentialCode: {
    codeLabel: 'Your one-time code',
    instructions: 'On the other device, open this app’s “Add a passkey with a code” page and enter this code. Don’t share it with anyone.',
    expiresIn: ({ seconds }) => `Expires in ${seconds} s`,
    expired: 'This code has expired. Get a new one if you still need it.',
    copied: 'Code copied.',
  },
} satisfies DeepPartial<DfnsMessages>;
