import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of the recovery kit: the panel that shows it once, and its text file (its heading is `recoveryKitHeadingCopy`, two field names `recoveryKitLabelsCopy`). */
export const recoveryKitCopy = {
  buttons: {
    download: 'Download',
    print: 'Print',
    savedKit: 'I have saved it',
  },
  recoveryKit: {
    warning:
      'Anyone who has this kit and access to your email can take over your account. Keep it somewhere safe and private, and never share it.',
    recoveryCode: 'Recovery code',
    orgId: 'Organisation ID',
    server: 'Server',
    fieldsHint:
      'To recover your account you will enter the recovery code and the recovery key ID. The organisation ID and server tell support where your account lives.',
    createdAt: 'Created',
    instructionsTitle: 'How to recover your account',
    instructions: [
      'Open the account recovery page of the app and enter your username.',
      'Enter the verification code we email you.',
      'Enter the recovery code and the recovery key ID from this kit.',
      'Create a new passkey. Your old passkeys and this kit will stop working, and you will get a new kit.',
    ],
    fileName: ({ username, date }) => `recovery-kit-${username}-${date}.txt`,
    copiedNotice: 'Recovery kit copied to the clipboard.',
  },
} satisfies DeepPartial<DfnsMessages>;
