import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<SocialSignIn/>`. */
export const socialSignInCopy = {
  socialSignIn: {
    title: 'Sign in',
    description: 'Use your existing account. New here? We’ll set up a passkey for you in one step.',
    continueWith: ({ provider }) => `Continue with ${provider}`,
    status: {
      idle: '',
      'awaiting-id-token': 'Finish signing in in the window that opened.',
      'signing-in': 'Signing you in…',
      'fetching-challenge': 'Setting up your account…',
      'awaiting-authenticator': 'Follow the prompt from your browser to create a passkey for your account.',
      submitting: 'Creating your account…',
      'showing-recovery-kit': 'Your account is ready. Save your recovery kit.',
      success: 'You’re signed in.',
      error: 'Sign-in did not finish.',
    },
    signedIn: 'You’re signed in',
    signedInNext: 'Next time, one click is all it takes.',
    registered: ({ username }) => `Welcome, ${username}`,
    registeredNext: 'Your account and its passkey are ready. Next time, one click signs you in.',
  },
} satisfies DeepPartial<DfnsMessages>;
