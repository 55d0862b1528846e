import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<ConfirmUserAction/>`. */
export const confirmUserActionCopy = {
  buttons: {
    approve: 'Confirm with passkey',
    decline: 'Decline',
  },
  status: {
    confirmUserAction: {
      idle: '',
      'fetching-challenge': 'Preparing the request…',
      'awaiting-authenticator': 'Confirm with your passkey.',
      submitting: 'Sending the request…',
      'awaiting-approval': 'Waiting for approval…',
      success: 'Done.',
      error: 'The request was not sent.',
    },
  },
  components: {
    confirmUserAction: {
      title: 'Confirm this request',
      description: 'For your security, confirm this request with your passkey.',
    },
  },
  success: {
    approved: 'Confirmed.',
  },
  nextSteps: {
    approved: 'Your request was sent.',
  },
  userAction: {
    request: ({ method, path }) => `${method} ${path}`,
    fallbackSummary: 'This app asks you to confirm a request made in your name.',
    technicalDetails: 'Technical details',
    declined: 'You declined. Nothing was signed or sent.',
    details: 'Details',
    noDetails: 'This request sends no details.',
  },
} satisfies DeepPartial<DfnsMessages>;
