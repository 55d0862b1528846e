import type { DeepPartial, DfnsMessages } from '../types';

/**
 * English copy of the alert for `network_error`, its Try again and Back: loaded with the page, as the
 * alert says it when the rest of the alert's code did not arrive (offline, a new deployment).
 */
export const networkErrorCopy = {
  buttons: {
    retry: 'Try again',
    back: 'Back',
  },
  errorTitles: {
    network_error: 'Can’t reach the server',
  },
  errors: {
    network_error: 'Check your internet connection, then try again.',
  },
} satisfies DeepPartial<DfnsMessages>;
