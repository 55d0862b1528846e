/** Passkeys: Dfns challenges <-> @simplewebauthn/browser JSON, the ceremonies, and their errors. No React. */
export { DEFAULT_PASSKEY_TIMEOUT, toCreationOptions } from './toCreationOptions';
export type { CreationOptionsConfig, RelyingParty } from './toCreationOptions';
export { toRequestOptions } from './toRequestOptions';
export type { RequestOptionsConfig } from './toRequestOptions';
export { simpleWebAuthnAuthenticator } from './authenticator';
export type { AuthenticatorCreateOptions, AuthenticatorGetOptions, PasskeyAuthenticator } from './authenticator';
export { createPasskey } from './createPasskey';
export type { CreatePasskeyOptions } from './createPasskey';
export { passkeySigner, signWithPasskey } from './signWithPasskey';
export type { SignWithPasskeyOptions } from './signWithPasskey';
export { toPasskeyError } from './toPasskeyError';
export type { PasskeyErrorContext } from './toPasskeyError';
export { passkeySupport } from './passkeySupport';
export { signalAcceptedPasskeys } from './signalAcceptedPasskeys';
export type { AcceptedPasskeys } from './signalAcceptedPasskeys';
export type { PasskeySupport } from './passkeySupport';
