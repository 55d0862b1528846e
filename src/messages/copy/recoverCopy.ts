import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<RecoverAccount/>`. */
export const recoverCopy = {
  labels: {
    verificationCode: 'Verification code',
    recoveryCode: 'Recovery code',
    recoveryKeyId: 'Recovery key ID',
  },
  hints: {
    verificationCode: 'The code we just sent to your email address.',
    recoveryCode: 'From your recovery kit. It starts with D1-.',
    recoveryKeyId: 'From your recovery kit, next to the recovery code.',
  },
  buttons: {
    sendCode: 'Send verification code',
    resendCode: 'Send a new code',
    haveCode: 'I already have a code',
    recover: 'Recover account',
    editCodes: 'Change what I entered',
    createNewPasskey: 'Create new passkey',
    uploadKit: 'Upload recovery kit file',
  },
  status: {
    recoverAccount: {
      idle: '',
      'sending-code': 'Sending you a verification code…',
      'code-sent': 'We have emailed you a verification code.',
      'fetching-challenge': 'Checking your codes…',
      'unlocking-recovery-key': 'Unlocking your recovery key…',
      'awaiting-authenticator': 'Follow the prompt from your browser to create a new passkey.',
      'signing-with-recovery-key': 'Securing your new credentials…',
      submitting: 'Recovering your account…',
      'showing-recovery-kit': 'Save your new recovery kit. The old one no longer works.',
      'logging-in': 'Signing you in…',
      success: 'Your account is recovered.',
      error: 'Recovery did not finish.',
    },
  },
  components: {
    recoverAccount: {
      title: 'Recover your account',
      description:
        'Lost your passkeys? Use your recovery kit and a code we email you to set up a new passkey. Your old passkeys will stop working.',
    },
  },
  success: {
    recovered: ({ username }) => `Welcome back, ${username}. Your account is recovered.`,
  },
  nextSteps: {
    recovered: 'Your new passkey replaces the old ones. Use it the next time you sign in.',
  },
  recoverAccount: {
    newPasskeyTitle: 'Create your new passkey',
    newPasskeyDescription: 'Your recovery code is correct. Now create a new passkey: it replaces all your old passkeys.',
    kitFileHint: 'Or upload the recovery kit file (.txt) to fill in the recovery code and recovery key ID.',
    kitFileRead: 'Filled in from your recovery kit file.',
    kitFileUnreadable: 'We could not find a recovery code or recovery key ID in this file.',
  },
} satisfies DeepPartial<DfnsMessages>;
