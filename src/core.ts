/**
 * `dfns-react-kit/core`: everything below React. The typed Dfns auth client and one function per
 * endpoint, the passkey and key-credential ceremonies, recovery-key crypto, and the errors.
 * Safe to import on a server, in a worker or in React Server Components.
 */
export * from './errors';
export * from './api';
export * from './webauthn';
export * from './keys';
export * from './flows';
export * from './sso';
export * from './messages';
