import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<RegisterPasskey/>`. */
export const registerCopy = {
  labels: {
    registrationCode: 'Registration code',
  },
  hints: {
    registrationCode: 'The code from your invitation email.',
  },
  status: {
    registerPasskey: {
      idle: '',
      'fetching-challenge': 'Preparing your registration…',
      'awaiting-authenticator': 'Follow the prompt from your browser to create your passkey.',
      submitting: 'Finishing your registration…',
      'showing-recovery-kit': 'Your passkey is created. Save your recovery kit before you continue.',
      'logging-in': 'Signing you in…',
      success: 'Your passkey is ready.',
      error: 'Registration did not finish.',
    },
  },
  components: {
    registerPasskey: {
      title: 'Create your passkey',
      description: 'Use your fingerprint, face or screen lock to secure your account. No password needed.',
    },
  },
  success: {
    registered: ({ username }) => `Welcome, ${username}. Your passkey is ready.`,
  },
  nextSteps: {
    registered: 'Next time, sign in with your passkey. No password needed.',
  },
} satisfies DeepPartial<DfnsMessages>;
