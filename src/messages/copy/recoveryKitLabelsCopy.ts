import type { DeepPartial, DfnsMessages } from '../types';

/** English names of the kit's fields that `<RecoverAccount/>` also reads, to fill itself from a kit file. */
export const recoveryKitLabelsCopy = {
  recoveryKit: {
    recoveryKeyId: 'Recovery key ID',
    username: 'Username',
  },
} satisfies DeepPartial<DfnsMessages>;
