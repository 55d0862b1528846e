import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the buttons that move between steps: Continue, and Back to the form. */
export const stepButtonsCopy = {
  buttons: {
    continue: 'Continue',
    back: 'Back',
  },
} satisfies DeepPartial<DfnsMessages>;
