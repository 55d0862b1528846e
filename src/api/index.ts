/** The typed Dfns auth client: `createDfnsClient`, one plain async function per endpoint, and response schemas. */
export * from './createDfnsClient';
export * from './request';
export * from './registration';
export * from './login';
export * from './social';
export * from './sso';
export * from './loginToken';
export * from './dfnsUserIdOf';
export * from './tokenExpiresAt';
export * from './recovery';
export * from './credentials';
export * from './credentialCode';
export * from './userActions';
export * from './schemas';
export type * from './types';
