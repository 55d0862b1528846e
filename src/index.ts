/**
 * `dfns-react-kit`: the provider, hooks and components for the Dfns authentication ceremonies.
 * Everything below React (client, endpoint functions, ceremonies, keys) is in `dfns-react-kit/core`.
 */
export * from './errors';
export type * from './api/types';
export { createDfnsClient, DEFAULT_DFNS_BASE_URL } from './api/createDfnsClient';
export type { AuthTokenSource, DfnsClient, DfnsClientConfig } from './api/createDfnsClient';
export type { PasskeyAuthenticator } from './webauthn/authenticator';
export { passkeySupport } from './webauthn/passkeySupport';
export type { RecoveryKit } from './flows/flowState';
export * from './messages';
export * from './provider';
export * from './hooks';
export * from './query';
export * from './components';
