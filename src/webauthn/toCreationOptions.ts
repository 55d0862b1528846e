import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import type { Fido2CredentialChallenge, RegistrationChallenge } from '../api/types';
import { utf8ToBase64url } from '../encoding/base64url';

/** The relying party every ceremony uses: the provider's, never the deprecated `challenge.rp`. */
export interface RelyingParty {
  /** Registrable domain equal to or a parent of the page's host, allowed in Dfns Passkey Settings. */
  id: string;
  name: string;
}

/** How long the browser waits for the user, as Dfns's `WebAuthnSigner` (`DEFAULT_WAIT_TIMEOUT`). */
export const DEFAULT_PASSKEY_TIMEOUT = 60_000;

/** Options of `toCreationOptions`. */
export interface CreationOptionsConfig {
  rp: RelyingParty;
  /** Milliseconds; defaults to 60 000. */
  timeout?: number | undefined;
}

/**
 * SimpleWebAuthn registration options for a Dfns challenge, as Dfns's browser SDK builds them:
 * the challenge and `user.id` are the base64url of their UTF-8 strings (not decoded), excluded
 * credential ids pass through (already base64url), and `rp` comes from config.
 * @example startRegistration({ optionsJSON: toCreationOptions(challenge, { rp }) });
 */
export function toCreationOptions(
  challenge: RegistrationChallenge | Fido2CredentialChallenge,
  config: CreationOptionsConfig,
): PublicKeyCredentialCreationOptionsJSON {
  const { authenticatorSelection } = challenge;
  return {
    rp: { id: config.rp.id, name: config.rp.name },
    user: {
      id: utf8ToBase64url(challenge.user.id),
      name: challenge.user.name,
      displayName: challenge.user.displayName,
    },
    challenge: utf8ToBase64url(challenge.challenge),
    pubKeyCredParams: challenge.pubKeyCredParams.map(({ type, alg }) => ({ type, alg })),
    timeout: config.timeout ?? DEFAULT_PASSKEY_TIMEOUT,
    excludeCredentials: challenge.excludeCredentials.map(({ id, type }) => ({ id, type })),
    authenticatorSelection: {
      ...(authenticatorSelection.authenticatorAttachment === undefined
        ? {}
        : { authenticatorAttachment: authenticatorSelection.authenticatorAttachment }),
      residentKey: authenticatorSelection.residentKey,
      requireResidentKey: authenticatorSelection.requireResidentKey,
      userVerification: authenticatorSelection.userVerification,
    },
    attestation: challenge.attestation,
  };
}
