import type { ChallengeSigner, KeyAssertion, SigningChallenge } from '../api/types';
import { bytesToBase64url, utf8ToBase64url, utf8ToBytes } from '../encoding/base64url';
import { RecoveryError } from '../errors';
import { rawToDer } from './der';
import { keyClientData } from './keyClientData';
import { ECDSA_SHA256, subtle } from './subtle';

/** Options of `signWithKey`. */
export interface SignWithKeyOptions {
  challenge: SigningChallenge;
  credId: string;
  privateKey: CryptoKey;
  /** `PasswordProtectedKey` checks `allowCredentials.passwordProtectedKey` instead of `.key`. */
  kind?: KeyAssertion['kind'] | undefined;
  /** Adds `origin` and `crossOrigin: false` to the client data; Dfns's SDK signers leave them out. */
  origin?: string | undefined;
}

/** ECDSA P-256 / SHA-256 over a string's UTF-8 bytes, as base64url DER (how Dfns takes assertions). */
export async function signUtf8AsDerBase64url(privateKey: CryptoKey, text: string): Promise<string> {
  return bytesToBase64url(rawToDer(await subtle().sign(ECDSA_SHA256, privateKey, utf8ToBytes(text))));
}

/**
 * Signs a login or user action challenge with a key credential (reference 3.3): `key.get`
 * client data with the challenge verbatim, DER signature in base64url.
 * @example const firstFactor = await signWithKey({ challenge, credId, privateKey });
 */
export async function signWithKey(options: SignWithKeyOptions): Promise<KeyAssertion> {
  const kind = options.kind ?? 'Key';
  const allowed =
    kind === 'Key' ? options.challenge.allowCredentials.key : (options.challenge.allowCredentials.passwordProtectedKey ?? []);
  if (!allowed.some((credential) => credential.id === options.credId)) {
    throw new RecoveryError(
      'credential_not_allowed',
      `The ${kind} credential ${options.credId} is not in this challenge's allowCredentials; ` +
        'it may be deactivated, belong to another user, or (PasswordProtectedKey) need a login code first.',
    );
  }
  const clientData = keyClientData('key.get', options.challenge.challenge, { origin: options.origin });
  return {
    kind,
    credentialAssertion: {
      credId: options.credId,
      clientData: utf8ToBase64url(clientData),
      signature: await signUtf8AsDerBase64url(options.privateKey, clientData),
    },
  };
}

/**
 * A `ChallengeSigner` that answers every login or user action challenge with one key credential.
 * @example const signer = keySigner({ credId, privateKey });
 */
export function keySigner(options: Omit<SignWithKeyOptions, 'challenge'>): ChallengeSigner {
  return (challenge) => signWithKey({ ...options, challenge });
}
