import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<AddPasskeyWithCode/>`. */
export const addPasskeyWithCodeCopy = {
  labels: {
    credentialCode: 'One-time code',
  },
  hints: {
    credentialCode: 'Shown on a device where you are signed in, under “Add a passkey on another device”. It looks like A7U-KY6-9PT.',
  },
  status: {
    addPasskeyWithCode: {
      idle: '',
      'fetching-challenge': 'Checking your code…',
      'awaiting-authenticator': 'Follow the prompt from your browser to create your passkey.',
      submitting: 'Adding your passkey…',
      'logging-in': 'Signing you in…',
      success: 'Your passkey was added.',
      error: 'The passkey was not added.',
    },
  },
  components: {
    addPasskeyWithCode: {
      title: 'Add a passkey with a code',
      description: 'Enter the one-time code from a device where you are signed in, then create a passkey on this device.',
    },
  },
  success: {
    passkeyAddedWithCode: ({ username }) => `Your passkey on this device was added to ${username}.`,
  },
  nextSteps: {
    passkeyAddedWithCode: 'Sign in with it now.',
  },
} satisfies DeepPartial<DfnsMessages>;
