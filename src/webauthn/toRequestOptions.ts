import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { SigningChallenge } from '../api/types';
import { utf8ToBase64url } from '../encoding/base64url';
import { DEFAULT_PASSKEY_TIMEOUT } from './toCreationOptions';

/** Options of `toRequestOptions`. */
export interface RequestOptionsConfig {
  rpId: string;
  /** Milliseconds; defaults to 60 000. */
  timeout?: number | undefined;
}

/**
 * SimpleWebAuthn authentication options for a Dfns login or user action challenge: challenge as
 * base64url of its UTF-8 string, `allowCredentials` from `allowCredentials.webauthn` (left out
 * when empty, so the browser offers discoverable passkeys: usernameless login).
 * @example startAuthentication({ optionsJSON: toRequestOptions(challenge, { rpId: 'example.com' }) });
 */
export function toRequestOptions(
  challenge: SigningChallenge,
  config: RequestOptionsConfig,
): PublicKeyCredentialRequestOptionsJSON {
  const allowed = challenge.allowCredentials.webauthn;
  return {
    challenge: utf8ToBase64url(challenge.challenge),
    rpId: config.rpId,
    ...(allowed.length === 0 ? {} : { allowCredentials: allowed.map(({ id, type }) => ({ id, type })) }),
    userVerification: challenge.userVerification,
    timeout: config.timeout ?? DEFAULT_PASSKEY_TIMEOUT,
  };
}
