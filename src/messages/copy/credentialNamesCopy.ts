import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of default names of new credentials. */
export const credentialNamesCopy = {
  credentialNames: {
    passkey: ({ platform }) => `Passkey on ${platform}`,
    recoveryKey: 'Recovery key',
    thisDevice: 'this device',
  },
} satisfies DeepPartial<DfnsMessages>;
