import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the errors `<AddPasskeyWithCode/>` shows under its code field (and the alert shows too). */
export const credentialCodeErrorsCopy = {
  errorTitles: {
    credential_code_invalid: 'That code isn’t right',
    credential_code_expired: 'That code has expired',
  },
  errors: {
    credential_code_invalid: 'Check the code against the one shown on your other device, then enter it again. It looks like A7U-KY6-9PT.',
    credential_code_expired: 'A code works once, for about a minute. Get a new one on your signed-in device and enter it here.',
  },
} satisfies DeepPartial<DfnsMessages>;
