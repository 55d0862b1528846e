import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the frame every component shares: the catalogue's locale and the Cancel button. */
export const frameCopy = {
  locale: 'en',
  buttons: {
    cancel: 'Cancel',
  },
} satisfies DeepPartial<DfnsMessages>;
