import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the offer to continue at the organisation's SSO, inside `<LoginWithPasskey sso>`. */
export const ssoOfferCopy = {
  sso: {
    title: 'Sign in with your organisation',
    description: 'Your organisation signs you in with its own sign-in page. You’ll come back here afterwards.',
    continue: 'Continue to your organisation’s sign-in',
  },
} satisfies DeepPartial<DfnsMessages>;
