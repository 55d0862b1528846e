import type { ChallengeSigner, Fido2Assertion, SigningChallenge } from '../api/types';
import type { PasskeyAuthenticator } from './authenticator';
import { passkeyErrorOf, passkeyErrors } from './passkeyErrorOf';
import { browserAuthentication } from './browserAuthentication';
import type { RelyingParty } from './toCreationOptions';
import { toRequestOptions } from './toRequestOptions';

/** Options of `signWithPasskey`. */
export interface SignWithPasskeyOptions {
  /** Only `id` is used to sign; the whole `rp` is accepted so one config serves every ceremony. */
  rp: Pick<RelyingParty, 'id'> & Partial<RelyingParty>;
  /** Defaults to `browserAuthentication` (the browser's `navigator.credentials.get`, autofill for `'conditional'`). */
  authenticator?: Pick<PasskeyAuthenticator, 'get'> | undefined;
  signal?: AbortSignal | undefined;
  /** `'conditional'` for passkey autofill (usernameless login from an input). */
  mediation?: 'conditional' | undefined;
  /** Milliseconds the browser waits for the user; defaults to 60 000. */
  timeout?: number | undefined;
}

/**
 * Signs a login or user action challenge with a passkey and returns the assertion as Dfns takes
 * it. Throws only `PasskeyError`s.
 * @example const firstFactor = await signWithPasskey(challenge, { rp: { id: 'example.com' } });
 */
export async function signWithPasskey(challenge: SigningChallenge, options: SignWithPasskeyOptions): Promise<Fido2Assertion> {
  const authenticator = options.authenticator ?? browserAuthentication;
  try {
    const optionsJSON = toRequestOptions(challenge, { rpId: options.rp.id, timeout: options.timeout });
    const asserted = authenticator.get(optionsJSON, { signal: options.signal, mediation: options.mediation });
    // The prompt is open: the code that reads a failure loads meanwhile, never before the prompt.
    passkeyErrors.preload();
    const credential = await asserted;
    const { clientDataJSON, authenticatorData, signature, userHandle } = credential.response;
    return {
      kind: 'Fido2',
      credentialAssertion: {
        credId: credential.id,
        clientData: clientDataJSON,
        authenticatorData,
        signature,
        ...(userHandle === undefined ? {} : { userHandle }),
      },
    };
  } catch (error) {
    throw await passkeyErrorOf(error, { rpId: options.rp.id, signal: options.signal });
  }
}

/**
 * A `ChallengeSigner` that signs every login or user action challenge with a passkey.
 * @example const signer = passkeySigner({ rp: { id: 'example.com', name: 'Example' } });
 */
export function passkeySigner(options: Omit<SignWithPasskeyOptions, 'signal' | 'mediation'>): ChallengeSigner {
  return (challenge, call) => signWithPasskey(challenge, { ...options, signal: call?.signal });
}
