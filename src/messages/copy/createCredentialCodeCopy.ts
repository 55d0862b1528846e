import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<CreateCredentialCode/>`. */
export const createCredentialCodeCopy = {
  status: {
    createCredentialCode: {
      idle: '',
      'signing-user-action': 'Confirm with your passkey.',
      submitting: 'Getting your code…',
      'showing-code': 'Your code is ready. Enter it on the other device within a minute.',
      expired: 'The code has expired.',
      success: 'The passkey on your other device was added.',
      error: 'No code was made.',
    },
  },
  components: {
    createCredentialCode: {
      title: 'Add a passkey on another device',
      description: 'Get a one-time code here, then enter it on the new device or website to create a passkey there.',
    },
  },
} satisfies DeepPartial<DfnsMessages>;
