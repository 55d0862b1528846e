/** WebCrypto P-256 key credentials (Key, PasswordProtectedKey, RecoveryKey) and recovery-key crypto. No React. */
export { derToRaw, rawToDer } from './der';
export { toPem } from './pem';
export { currentOrigin, keyClientData } from './keyClientData';
export type { KeyClientDataOptions, KeyClientDataType } from './keyClientData';
export { challengeString, createKeyAttestation, createKeyCredential } from './keyAttestation';
export type {
  ChallengeInput,
  CreateKeyAttestationOptions,
  CreatedKeyCredential,
  KeyCredentialKind,
  KeyPairInput,
  KeyStyleAttestation,
} from './keyAttestation';
export { keySigner, signWithKey } from './signWithKey';
export type { SignWithKeyOptions } from './signWithKey';
export {
  generateRecoveryCode,
  isRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_PREFIX,
} from './recoveryCode';
export {
  BLOB_IV_LENGTH,
  decryptPrivateKey,
  encryptPrivateKey,
  parseEncryptedKey,
  PBKDF2_ITERATIONS,
  usernameSalt,
} from './encryptedKey';
export { createRecoveryKey, findRecoveryKey, unlockRecoveryKey } from './recoveryKey';
export type { CreatedRecoveryKey, CreateRecoveryKeyOptions, UnlockRecoveryKeyOptions } from './recoveryKey';
export { recoverUserBodyJson, signRecovery } from './signRecovery';
export type { SignedRecovery, SignRecoveryOptions } from './signRecovery';
export { createPasswordProtectedKey, unlockPasswordProtectedKey } from './passwordProtectedKey';
export type { CreatePasswordProtectedKeyOptions } from './passwordProtectedKey';
export * from './parseRecoveryKit';
