import type { EmulatorEngine } from '../engine';
import type { EmulatorOidcIssuer } from './createOidcIssuer';

/** An SSO login started by `/auth/login/sso/init`, waiting for the identity provider. */
export interface SsoSession {
  state: string;
  clientId: string;
  redirectUri: string;
  expiresAt: number;
}

/** A single-use code the identity provider returned to `redirectUri`, bound to its `state`. */
export interface SsoCode {
  code: string;
  state: string;
  userId: string;
  expiresAt: number;
  used: boolean;
}

/** The organisation's social login and SSO settings, and the SSO logins in progress. */
export interface SocialSetup {
  /** The emulator's own test issuer. */
  issuer: EmulatorOidcIssuer;
  /** The issuers whose id tokens social login accepts (the org's allowed providers). */
  providers: EmulatorOidcIssuer[];
  /** Whether `/auth/registration/social` creates unknown users. */
  allowSocialRegistration: boolean;
  /** The org's SSO client id. */
  ssoClientId: string;
  /** Ids of users who must sign in through SSO (`/auth/login` answers `{ ssoClientId }`). */
  ssoRequired: Set<string>;
  sessions: Map<string, SsoSession>;
  codes: Map<string, SsoCode>;
}

// Kept beside the engine rather than in its state so the Dfns-shaped state stays as it is.
const setups = new WeakMap<EmulatorEngine, SocialSetup>();

/** Gives an engine its social and SSO setup. */
export function attachSocialSetup(engine: EmulatorEngine, setup: SocialSetup): void {
  setups.set(engine, setup);
}

/** The engine's social and SSO setup. */
export function socialSetupOf(engine: EmulatorEngine): SocialSetup {
  const setup = setups.get(engine);
  if (!setup) throw new Error('the emulator engine has no social setup');
  return setup;
}

/** The SSO client a user must sign in with, if the org requires SSO of them. */
export function ssoClientIdFor(engine: EmulatorEngine, userId: string): string | undefined {
  const setup = setups.get(engine);
  return setup?.ssoRequired.has(userId) ? setup.ssoClientId : undefined;
}
