import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<CreateRecoveryKey/>`. */
export const createRecoveryKeyCopy = {
  buttons: {
    addRecoveryKey: 'Create recovery key',
  },
  hints: {
    recoveryKeyName: 'A name that helps you recognise it later, such as “Kit in the home safe”.',
  },
  status: {
    createRecoveryKey: {
      idle: '',
      'fetching-challenge': 'Getting ready…',
      'awaiting-authenticator': 'Follow the prompt from your browser.',
      'creating-key': 'Creating your recovery key…',
      'signing-user-action': 'Confirm with your passkey.',
      submitting: 'Saving your recovery key…',
      'showing-recovery-kit': 'Save your recovery kit before you continue.',
      success: 'Recovery key created.',
      error: 'The recovery key was not created.',
    },
  },
  components: {
    createRecoveryKey: {
      title: 'Create a recovery key',
      description: 'A recovery kit lets you get back into your account if you lose all your passkeys.',
    },
  },
  success: {
    recoveryKeyAdded: 'Your recovery key is ready.',
  },
  nextSteps: {
    recoveryKeyAdded: 'Keep the kit somewhere safe. You need it only if you lose all your passkeys.',
  },
} satisfies DeepPartial<DfnsMessages>;
