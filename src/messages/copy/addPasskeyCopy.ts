import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<AddPasskey/>`. */
export const addPasskeyCopy = {
  buttons: {
    addPasskey: 'Add passkey',
  },
  status: {
    addPasskey: {
      idle: '',
      'fetching-challenge': 'Getting ready…',
      'awaiting-authenticator': 'Follow the prompt from your browser to create the new passkey.',
      'creating-key': 'Creating the new key…',
      'signing-user-action': 'Confirm with a passkey you already have.',
      submitting: 'Saving the new passkey…',
      'showing-recovery-kit': 'Save your recovery kit before you continue.',
      success: 'Passkey added.',
      error: 'The passkey was not added.',
    },
  },
  components: {
    addPasskey: {
      title: 'Add a passkey',
      description: 'Add another device or security key, so you can still sign in if you lose this one.',
    },
  },
} satisfies DeepPartial<DfnsMessages>;
