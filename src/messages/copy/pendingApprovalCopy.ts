import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the notice that a request waits for approval under the organisation's policy. */
export const pendingApprovalCopy = {
  userAction: {
    pendingApproval: 'Your request is waiting for approval under your organisation’s policy. It will run once approved.',
  },
} satisfies DeepPartial<DfnsMessages>;
