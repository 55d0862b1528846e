import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<LoginWithPasskey/>`. */
export const loginCopy = {
  labels: {
    or: 'or',
  },
  buttons: {
    signIn: 'Sign in with a passkey',
    signInUsernameless: 'Choose a saved passkey',
  },
  status: {
    loginWithPasskey: {
      idle: '',
      'fetching-challenge': 'Getting ready…',
      'awaiting-authenticator': 'Confirm with your passkey.',
      submitting: 'Signing you in…',
      success: 'You are signed in.',
      error: 'Sign-in did not finish.',
    },
  },
  components: {
    loginWithPasskey: {
      title: 'Sign in',
      description: 'Use the passkey saved on this device or your phone.',
    },
  },
} satisfies DeepPartial<DfnsMessages>;
