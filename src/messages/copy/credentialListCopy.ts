import type { DeepPartial, DfnsMessages } from '../types';

/** English copy of `<CredentialList/>`. */
export const credentialListCopy = {
  buttons: {
    activate: 'Activate',
    deactivate: 'Deactivate',
  },
  components: {
    credentialList: {
      title: 'Passkeys and recovery keys',
      description: 'Everything that can sign in to your account or recover it.',
    },
  },
  credentialList: {
    empty: 'You have no passkeys or recovery keys yet.',
    active: 'Active',
    inactive: 'Deactivated',
    kinds: {
      Fido2: 'Passkey',
      Key: 'Key',
      Password: 'Password',
      Totp: 'Authenticator app',
      RecoveryKey: 'Recovery key',
      PasswordProtectedKey: 'Password-protected key',
    },
    count: ({ count }) => (count === 1 ? '1 key' : `${count} keys`),
    createdOn: ({ date }) => `Added on ${date}`,
    deactivateConfirm: ({ name }) => `Deactivate “${name}”? It will no longer be able to sign in.`,
    deactivateRecoveryKeyConfirm: ({ name }) => `Deactivate “${name}”? Its recovery kit will no longer recover your account.`,
    confirmDeactivate: 'Yes, deactivate',
    loading: 'Loading your passkeys and recovery keys…',
    pending: 'Confirm with your passkey…',
    activated: ({ name }) => `“${name}” is active again.`,
    deactivated: ({ name }) => `“${name}” is deactivated.`,
  },
} satisfies DeepPartial<DfnsMessages>;
