import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the Copy button of the recovery kit and the one-time code. */
export const clipboardCopy = {
  buttons: {
    copy: 'Copy',
    copied: 'Copied',
  },
} satisfies DeepPartial<DfnsMessages>;
