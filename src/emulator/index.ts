/**
 * `dfns-react-kit/emulator`: an in-memory Dfns auth API over Fetch `Request`/`Response`, with
 * real WebAuthn and key-credential verification. Runs in a page, a service worker, Node or an
 * edge runtime.
 */
export {
  createDfnsEmulator,
  type DfnsEmulator,
  type EmulatorCredential,
  type EmulatorServiceAccount,
  type EmulatorSnapshot,
  type EmulatorUser,
} from './createDfnsEmulator';
export { ADMIN_PREFIX, handleAdminRequest, type AdminResult } from './adminRoutes';
export { ADMIN_SECRET_HEADER, type HandleOptions } from './adminGuard';
export {
  DEFAULT_ORIGINS,
  DEFAULT_PASSKEY_SETTINGS,
  type DfnsEmulatorOptions,
  type EmulatorPasskeySettings,
  type OriginPolicy,
} from './options';
export { createOidcIssuer, type EmulatorOidcIssuer, type IdTokenOptions } from './oidc/createOidcIssuer';
export type { FaultController, FaultSpec } from './faults';
export type { RequestRule } from './matchPath';
export type { OutboxEmail, UserKind } from './state';
