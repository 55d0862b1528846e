import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<SsoCallback/>`. */
export const ssoCallbackCopy = {
  sso: {
    callbackTitle: 'Signing you in',
    callbackDescription: 'You’re back from your organisation’s sign-in.',
    status: {
      idle: '',
      redirecting: 'Taking you to your organisation’s sign-in…',
      completing: 'Signing you in…',
      success: 'You’re signed in.',
      error: 'Sign-in did not finish.',
    },
    signedIn: 'You’re signed in',
    signedInNext: 'You can continue to the app.',
  },
} satisfies DeepPartial<DfnsMessages>;
