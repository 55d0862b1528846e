/**
 * Schemas of every Dfns auth response the kit reads. Objects are loose (fields Dfns adds
 * pass through untouched) and deprecated fields are optional, so an API addition or removal of a
 * deprecated field does not break the kit; a missing or mistyped field it relies on does, loudly.
 *
 * Each schema is a factory, called per request (building one takes microseconds): module-level
 * schema constants are calls that bundlers such as esbuild keep even when unused, whereas unused
 * functions are dropped by every bundler, so importing one endpoint costs only its own schemas.
 */
import {
  array,
  boolean,
  looseObject,
  map,
  number,
  optional,
  picklist,
  preprocess,
  string,
  union,
  type Schema,
} from './validators';
import type { CreatableCredentialKind, CredentialChallengeFor, CredentialKind, SupportedCredentialKind } from './types';

const CREDENTIAL_KINDS = ['Fido2', 'Key', 'Password', 'Totp', 'RecoveryKey', 'PasswordProtectedKey'] as const;
// WebAuthn requirement levels: residentKey and userVerification share them.
const REQUIREMENT = ['required', 'preferred', 'discouraged'] as const;
const ATTESTATION = ['none', 'indirect', 'direct', 'enterprise'] as const;

function isCredentialKind(kind: string): kind is CredentialKind {
  return (CREDENTIAL_KINDS as readonly string[]).includes(kind);
}

/** A credential kind, as in credential list items. */
export const credentialKindSchema = () => picklist(CREDENTIAL_KINDS);

/** A list of kinds the user may use; kinds this kit does not know yet are dropped, not fatal. */
const kindList = () => map(array(string()), (kinds): CredentialKind[] => kinds.filter(isCredentialKind));

const challengeUser = () => looseObject({ id: string(), displayName: string(), name: string() });
const deprecatedRp = () => optional(looseObject({ id: string(), name: string() }));
const publicKeyType = () => picklist(['public-key']);
const credentialRef = () => looseObject({ type: publicKeyType(), id: string() });
const pubKeyCredParam = () => looseObject({ type: publicKeyType(), alg: number() });

const authenticatorSelection = () =>
  looseObject({
    authenticatorAttachment: optional(picklist(['platform', 'cross-platform'])),
    residentKey: picklist(REQUIREMENT),
    requireResidentKey: boolean(),
    userVerification: picklist(REQUIREMENT),
  });

const registrationChallengeEntries = () => ({
  user: challengeUser(),
  temporaryAuthenticationToken: string(),
  challenge: string(),
  rp: deprecatedRp(),
  supportedCredentialKinds: looseObject({ firstFactor: kindList(), secondFactor: kindList() }),
  authenticatorSelection: authenticatorSelection(),
  attestation: picklist(ATTESTATION),
  pubKeyCredParams: array(pubKeyCredParam()),
  excludeCredentials: array(credentialRef()),
  otpUrl: optional(string()),
});

/**
 * Dfns's delegated-recovery page documents the singular `pubKeyCredParam`; the API and SDK use
 * `pubKeyCredParams`. Accept the documented spelling rather than fail a real user.
 */
const acceptLegacyPubKeyCredParam = (input: unknown): unknown => {
  if (typeof input !== 'object' || input === null || 'pubKeyCredParams' in input || !('pubKeyCredParam' in input)) {
    return input;
  }
  return { ...input, pubKeyCredParams: (input as { pubKeyCredParam: unknown }).pubKeyCredParam };
};

/** Registration init, end-user and delegated registration: the challenge to create credentials. */
export const registrationChallengeSchema = () => looseObject(registrationChallengeEntries());

/** Recovery init (standard and delegated): a registration challenge plus the recovery keys. */
export const recoveryChallengeSchema = () =>
  preprocess(
    acceptLegacyPubKeyCredParam,
    looseObject({
      ...registrationChallengeEntries(),
      allowedRecoveryCredentials: array(looseObject({ id: string(), encryptedRecoveryKey: string() })),
    }),
  );

/** Login-style kinds: entries whose kind this kit does not know are dropped, not fatal. */
const supportedKindEntries = () =>
  map(
    array(
      looseObject({ kind: string(), factor: picklist(['first', 'second', 'either']), requiresSecondFactor: boolean() }),
    ),
    (entries) => entries.filter((entry): entry is typeof entry & SupportedCredentialKind => isCredentialKind(entry.kind)),
  );

/** Login init and user action init: the challenge to sign with an existing credential. */
export const signingChallengeSchema = () =>
  looseObject({
    challenge: string(),
    challengeIdentifier: string(),
    rp: deprecatedRp(),
    supportedCredentialKinds: supportedKindEntries(),
    userVerification: picklist(REQUIREMENT),
    attestation: optional(picklist(ATTESTATION)),
    allowCredentials: looseObject({
      key: array(credentialRef()),
      passwordProtectedKey: optional(
        array(looseObject({ type: publicKeyType(), id: string(), encryptedPrivateKey: string() })),
      ),
      webauthn: array(credentialRef()),
    }),
    externalAuthenticationUrl: optional(string()),
  });

const credentialChallengeBaseEntries = () => ({
  user: challengeUser(),
  challengeIdentifier: string(),
  temporaryAuthenticationToken: optional(string()),
  rp: deprecatedRp(),
  challenge: string(),
  attestation: picklist(ATTESTATION),
  pubKeyCredParams: array(pubKeyCredParam()),
});

/** The challenge of `POST /auth/credentials/init` for `kind`; a challenge of another kind fails. */
export function credentialChallengeSchema<K extends CreatableCredentialKind>(
  kind: K,
): Schema<CredentialChallengeFor<K>> {
  const schema =
    kind === 'Fido2'
      ? looseObject({
          ...credentialChallengeBaseEntries(),
          kind: picklist(['Fido2']),
          authenticatorSelection: authenticatorSelection(),
          excludeCredentials: array(credentialRef()),
        })
      : looseObject({ ...credentialChallengeBaseEntries(), kind: picklist([kind]) });
  // The one-item picklist pins `kind` at run time; the compiler cannot follow that through the ternary.
  return schema as unknown as Schema<CredentialChallengeFor<K>>;
}

const createdCredential = () => looseObject({ uuid: string(), kind: credentialKindSchema(), name: string() });
const registeredUser = () => looseObject({ id: string(), username: string(), orgId: string() });

/** Registration completion and recovery: the new credential and the user, no token. */
export const registrationResultSchema = () => looseObject({ credential: createdCredential(), user: registeredUser() });

/** End-user registration: logged in, with the wallets just created. */
export const endUserRegistrationResultSchema = () =>
  looseObject({
    credential: createdCredential(),
    user: registeredUser(),
    authentication: looseObject({ token: string() }),
    wallets: array(
      looseObject({
        id: string(),
        network: string(),
        address: optional(string()),
        status: string(),
        dateCreated: string(),
        name: optional(string()),
      }),
    ),
  });

/** A `{ token }` answer (delegated login). */
export const tokenResultSchema = () => looseObject({ token: string() });

/** SSO login init: the identity-provider page to send the browser to. */
export const ssoInitResultSchema = () => looseObject({ ssoRedirectUrl: string() });

/** Login completion: a token, or the SSO client the user must log in with instead. */
export const loginResultSchema = () => union([tokenResultSchema(), looseObject({ ssoClientId: string() })]);

export { messageResultSchema } from './messageResultSchema';

/** A credential of the user. */
export const credentialSchema = () =>
  looseObject({
    kind: credentialKindSchema(),
    credentialId: string(),
    credentialUuid: string(),
    dateCreated: string(),
    isActive: boolean(),
    name: string(),
    publicKey: string(),
    relyingPartyId: string(),
    origin: string(),
  });

/** `GET /auth/credentials`. */
export const credentialListSchema = () => looseObject({ items: array(credentialSchema()) });

/** `POST /auth/credentials/code`. */
export const credentialCodeSchema = () => looseObject({ code: string(), expiration: string() });

/** `POST /auth/action`: the single-use user action token. */
export const userActionResultSchema = () => looseObject({ userAction: string() });
