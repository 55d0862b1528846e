export * from './RegisterPasskey';
export * from './LoginWithPasskey';
export * from './RecoverAccount';
export * from './AddPasskey';
export * from './CreateRecoveryKey';
export * from './CredentialList';
export * from './ConfirmUserAction';
export type { KitComponentProps } from './parts/FlowFrame';
