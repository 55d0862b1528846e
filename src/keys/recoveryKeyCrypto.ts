/**
 * The recovery-key crypto the flows run at a later step (making a recovery key at registration,
 * unlocking one and signing with it at recovery), as one module: the hooks load it by `import()`
 * when such a flow starts, so a page loads without it.
 */
export { createRecoveryKey, findRecoveryKey, unlockRecoveryKey } from './recoveryKey';
export { registrationCredentials } from './registrationCredentials';
export { recoverUserBodyJson, signRecovery } from './signRecovery';
