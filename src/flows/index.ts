/** The flow reducers: pure state machines the flow hooks drive. No I/O, no React. */
export * from './flowState';
export {
  initialState as registerPasskeyInitialState,
  reduce as reduceRegisterPasskey,
  type AfterRegistration,
  type RegisterPasskeyEvent,
  type RegisterPasskeyState,
  type RegisterPasskeyStep,
} from './registerPasskeyFlow';
export {
  initialState as loginInitialState,
  reduce as reduceLogin,
  type LoginEvent,
  type LoginState,
  type LoginStep,
} from './loginFlow';
export {
  initialState as recoverAccountInitialState,
  reduce as reduceRecoverAccount,
  type AfterRecovery,
  type RecoverAccountEvent,
  type RecoverAccountState,
  type RecoverAccountStep,
} from './recoverAccountFlow';
export {
  initialState as addCredentialInitialState,
  reduce as reduceAddCredential,
  type AddCredentialEvent,
  type AddCredentialState,
  type AddCredentialStep,
} from './addCredentialFlow';
export {
  initialState as userActionInitialState,
  reduce as reduceUserAction,
  type UserActionEvent,
  type UserActionState,
  type UserActionStep,
} from './userActionFlow';
export {
  initialState as credentialCodeInitialState,
  reduce as reduceCredentialCode,
  type CredentialCodeEvent,
  type CredentialCodeState,
  type CredentialCodeStep,
} from './credentialCodeFlow';
export {
  initialState as addPasskeyWithCodeInitialState,
  reduce as reduceAddPasskeyWithCode,
  type AddedWithCode,
  type AddPasskeyWithCodeEvent,
  type AddPasskeyWithCodeState,
  type AddPasskeyWithCodeStep,
} from './addPasskeyWithCodeFlow';
export * from './socialSignInFlow';
export * from './ssoLoginFlow';
