import type { RecoveryAssertion, RegistrationCredentials } from '../api/types';
import { utf8ToBase64url } from '../encoding/base64url';
import { currentOrigin, keyClientData } from './keyClientData';
import { signUtf8AsDerBase64url } from './signWithKey';

/** Options of `signRecovery`. */
export interface SignRecoveryOptions {
  /** The new credentials, each already made over the recovery challenge. */
  newCredentials: RegistrationCredentials;
  /** The OLD recovery key's credId (the "Recovery Key ID"). */
  credId: string;
  /** The old recovery key, from `unlockRecoveryKey`. */
  privateKey: CryptoKey;
  /** Client data origin; defaults to `location.origin` when there is a page. */
  origin?: string | undefined;
}

/** A signed recovery: the assertion and the exact `newCredentials` JSON it signed. */
export interface SignedRecovery {
  recovery: RecoveryAssertion;
  /**
   * `JSON.stringify(newCredentials)`, computed once. Dfns checks the assertion's challenge
   * against the `newCredentials` it receives, so send this very string (see `recoverUserBodyJson`)
   * rather than stringifying the object again after anything may have touched it.
   */
  newCredentialsJson: string;
}

/**
 * Signs new credentials with the old recovery key (reference 8.1 3d-e): `key.get` client data whose
 * challenge is base64url(JSON.stringify(newCredentials)) — not the server challenge.
 * @example const { recovery, newCredentialsJson } = await signRecovery({ newCredentials, credId, privateKey });
 */
export async function signRecovery(options: SignRecoveryOptions): Promise<SignedRecovery> {
  const newCredentialsJson = JSON.stringify(options.newCredentials);
  const clientData = keyClientData('key.get', utf8ToBase64url(newCredentialsJson), {
    origin: options.origin ?? currentOrigin(),
  });
  return {
    recovery: {
      kind: 'RecoveryKey',
      credentialAssertion: {
        credId: options.credId,
        clientData: utf8ToBase64url(clientData),
        signature: await signUtf8AsDerBase64url(options.privateKey, clientData),
      },
    },
    newCredentialsJson,
  };
}

/** The `POST /auth/recover/user` body with `newCredentials` spliced in as the exact signed string. */
export function recoverUserBodyJson(signed: SignedRecovery): string {
  return `{"recovery":${JSON.stringify(signed.recovery)},"newCredentials":${signed.newCredentialsJson}}`;
}
