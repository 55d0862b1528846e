import type { DeepPartial, DfnsMessages } from '../types';

/** English heading of the recovery kit step, shown while the kit panel loads and above the kit. */
export const recoveryKitHeadingCopy = {
  recoveryKit: {
    title: 'Account recovery kit',
    intro: 'With this kit you can get back into your account if you lose all your passkeys.',
  },
} satisfies DeepPartial<DfnsMessages>;
