/**
 * Wire types of the Dfns auth API, as sent and received. Names follow Dfns's own
 * (`CreateRegistrationChallengeResponse` → `RegistrationChallenge`, ...). See
 * `docs/wire-format.md` for which fields are deprecated and why the kit ignores them.
 */

/** A kind of Dfns credential. `Password` and `Totp` are deprecated by Dfns. */
export type CredentialKind =
  | 'Fido2'
  | 'Key'
  | 'Password'
  | 'Totp'
  | 'RecoveryKey'
  | 'PasswordProtectedKey';

/** The user a challenge is for: `id` is the `us-…` id, `name` the username. */
export interface ChallengeUser {
  id: string;
  displayName: string;
  name: string;
}

/** Deprecated relying party in challenges; the kit always uses the provider's `rp` instead. */
export interface DeprecatedRelyingParty {
  id: string;
  name: string;
}

/** WebAuthn authenticator selection, as Dfns sends it. */
export interface AuthenticatorSelection {
  authenticatorAttachment?: 'platform' | 'cross-platform';
  residentKey: 'required' | 'preferred' | 'discouraged';
  requireResidentKey: boolean;
  userVerification: UserVerification;
}

/** WebAuthn user verification requirement. */
export type UserVerification = 'required' | 'preferred' | 'discouraged';

/** WebAuthn attestation conveyance. */
export type Attestation = 'none' | 'indirect' | 'direct' | 'enterprise';

/** One algorithm a new credential may use (`-7` ES256, `-257` RS256). */
export interface PubKeyCredParam {
  type: 'public-key';
  alg: number;
}

/** A credential id (base64url) the browser must not register again, or may sign with. */
export interface PublicKeyCredentialRef {
  type: 'public-key';
  id: string;
}

/** Registration-style `supportedCredentialKinds`: an object of two lists. */
export interface RegistrationCredentialKinds {
  firstFactor: CredentialKind[];
  secondFactor: CredentialKind[];
}

/** Login- and action-style `supportedCredentialKinds`: an array of entries. */
export interface SupportedCredentialKind {
  kind: CredentialKind;
  factor: 'first' | 'second' | 'either';
  requiresSecondFactor: boolean;
}

/**
 * The challenge to create new credentials, from registration init, end-user and delegated
 * registration, and (with `allowedRecoveryCredentials`) recovery init.
 */
export interface RegistrationChallenge {
  user: ChallengeUser;
  /** JWT; sent as `Authorization: Bearer` to complete the flow. */
  temporaryAuthenticationToken: string;
  challenge: string;
  /** @deprecated Dfns deprecated `rp` in challenges; the kit uses the provider's `rp`. */
  rp?: DeprecatedRelyingParty | undefined;
  supportedCredentialKinds: RegistrationCredentialKinds;
  authenticatorSelection: AuthenticatorSelection;
  attestation: Attestation;
  pubKeyCredParams: PubKeyCredParam[];
  excludeCredentials: PublicKeyCredentialRef[];
  /** TOTP provisioning URL (deprecated credential kind). */
  otpUrl?: string | undefined;
}

/** One encrypted recovery key the user may recover with. */
export interface AllowedRecoveryCredential {
  /** The recovery key's credId ("Recovery Key ID" on the recovery kit). */
  id: string;
  /** The opaque blob stored at creation (see `src/keys`). */
  encryptedRecoveryKey: string;
}

/** Recovery init (standard or delegated): a registration challenge plus the recovery keys. */
export interface RecoveryChallenge extends RegistrationChallenge {
  allowedRecoveryCredentials: AllowedRecoveryCredential[];
}

/** A password-protected key the user may sign with, with its encrypted private key. */
export interface PasswordProtectedKeyRef extends PublicKeyCredentialRef {
  encryptedPrivateKey: string;
}

/** Credentials allowed to answer a login or user action challenge. */
export interface AllowCredentials {
  key: PublicKeyCredentialRef[];
  passwordProtectedKey?: PasswordProtectedKeyRef[] | undefined;
  webauthn: PublicKeyCredentialRef[];
}

/** The challenge to sign with an existing credential: login and user action init. */
export interface SigningChallenge {
  challenge: string;
  /** JWT identifying this signing session; sent back with the assertion. */
  challengeIdentifier: string;
  /** @deprecated Dfns deprecated `rp` in challenges; the kit uses the provider's `rp`. */
  rp?: DeprecatedRelyingParty | undefined;
  supportedCredentialKinds: SupportedCredentialKind[];
  userVerification: UserVerification;
  attestation?: Attestation | undefined;
  allowCredentials: AllowCredentials;
  externalAuthenticationUrl?: string | undefined;
}

/** Login init response. */
export type LoginChallenge = SigningChallenge;
/** User action init response. */
export type UserActionChallenge = SigningChallenge;

/** Fields every credential challenge (`POST /auth/credentials/init`) carries. */
interface CredentialChallengeBase {
  user: ChallengeUser;
  challengeIdentifier: string;
  /** @deprecated same role as `challengeIdentifier`; Dfns says to use that. */
  temporaryAuthenticationToken?: string | undefined;
  /** @deprecated the kit uses the provider's `rp`. */
  rp?: DeprecatedRelyingParty | undefined;
}

/** Credential challenge for a new passkey. */
export interface Fido2CredentialChallenge extends CredentialChallengeBase {
  kind: 'Fido2';
  challenge: string;
  authenticatorSelection: AuthenticatorSelection;
  attestation: Attestation;
  pubKeyCredParams: PubKeyCredParam[];
  excludeCredentials: PublicKeyCredentialRef[];
}

/** Credential challenge for a key-style credential (Key, PasswordProtectedKey, RecoveryKey). */
export interface KeyCredentialChallenge extends CredentialChallengeBase {
  kind: 'Key' | 'PasswordProtectedKey' | 'RecoveryKey';
  challenge: string;
  attestation: Attestation;
  pubKeyCredParams: PubKeyCredParam[];
}

/** Credential challenge, discriminated by `kind`. */
export type CredentialChallenge = Fido2CredentialChallenge | KeyCredentialChallenge;

/** The kinds a credential challenge can be requested for by the kit. */
export type CreatableCredentialKind = CredentialChallenge['kind'];

/**
 * Credential challenge for a given kind. Not `Extract<CredentialChallenge, { kind: K }>`: that is
 * `never` for the key kinds, whose variant carries the union `'Key' | 'PasswordProtectedKey' | 'RecoveryKey'`.
 */
export type CredentialChallengeFor<K extends CreatableCredentialKind> = K extends 'Fido2'
  ? Fido2CredentialChallenge
  : KeyCredentialChallenge & { kind: K };

// ---------------------------------------------------------------------------
// Credentials sent to Dfns (attestations) and assertions.

/** `credentialInfo` of a Fido2 or key-style attestation; every field base64url. */
export interface AttestationInfo {
  credId: string;
  clientData: string;
  attestationData: string;
}

/** A new passkey, as sent to Dfns. */
export interface Fido2Attestation {
  credentialKind: 'Fido2';
  credentialInfo: AttestationInfo;
  credentialName?: string | undefined;
}

/** A new WebCrypto key credential, as sent to Dfns. */
export interface KeyAttestation {
  credentialKind: 'Key';
  credentialInfo: AttestationInfo;
  credentialName?: string | undefined;
}

/** A new password-protected key credential: the private key travels encrypted. */
export interface PasswordProtectedKeyAttestation {
  credentialKind: 'PasswordProtectedKey';
  credentialInfo: AttestationInfo;
  encryptedPrivateKey: string;
  credentialName?: string | undefined;
}

/** A new recovery key credential: the private key travels encrypted with the recovery code. */
export interface RecoveryKeyAttestation {
  credentialKind: 'RecoveryKey';
  credentialInfo: AttestationInfo;
  encryptedPrivateKey?: string | undefined;
  credentialName?: string | undefined;
}

/** Any credential the kit can create as a first factor. */
export type FirstFactorAttestation =
  | Fido2Attestation
  | KeyAttestation
  | PasswordProtectedKeyAttestation;

/** Any credential the kit can create. */
export type CredentialAttestation = FirstFactorAttestation | RecoveryKeyAttestation;

/** Body of registration completion (`/auth/registration`, `/auth/registration/enduser`). */
export interface RegistrationCredentials {
  firstFactorCredential: FirstFactorAttestation;
  secondFactorCredential?: FirstFactorAttestation | undefined;
  recoveryCredential?: RecoveryKeyAttestation | undefined;
}

/** A passkey assertion, every binary field base64url. */
export interface Fido2Assertion {
  kind: 'Fido2';
  credentialAssertion: {
    credId: string;
    clientData: string;
    authenticatorData: string;
    signature: string;
    userHandle?: string | undefined;
  };
}

/** A key-style assertion: DER ECDSA signature, base64url. */
export interface KeyAssertion {
  kind: 'Key' | 'PasswordProtectedKey';
  credentialAssertion: {
    credId: string;
    clientData: string;
    signature: string;
    algorithm?: string | undefined;
  };
}

/** Any first-factor assertion. */
export type CredentialAssertion = Fido2Assertion | KeyAssertion;

/** A signed login or user action challenge, ready for `/auth/login` or `/auth/action`. */
export interface SignedChallenge {
  challengeIdentifier: string;
  firstFactor: CredentialAssertion;
  secondFactor?: CredentialAssertion | undefined;
}

/** The recovery assertion: the old recovery key signing `newCredentials`. */
export interface RecoveryAssertion {
  kind: 'RecoveryKey';
  credentialAssertion: {
    credId: string;
    clientData: string;
    signature: string;
    algorithm?: string | undefined;
  };
}

/** Body of `POST /auth/recover/user`. */
export interface RecoverUserBody {
  recovery: RecoveryAssertion;
  newCredentials: RegistrationCredentials;
}

// ---------------------------------------------------------------------------
// Responses.

/** The credential just created, as registration and recovery report it. */
export interface CreatedCredentialSummary {
  uuid: string;
  kind: CredentialKind;
  name: string;
}

/** The user a registration or recovery was for. */
export interface RegisteredUser {
  id: string;
  username: string;
  orgId: string;
}

/** Response of registration completion and of recovery: no token (log in next). */
export interface RegistrationResult {
  credential: CreatedCredentialSummary;
  user: RegisteredUser;
}

/** A wallet as Dfns returns it (the fields the kit reads; others pass through). */
export interface Wallet {
  id: string;
  network: string;
  address?: string | undefined;
  status: string;
  dateCreated: string;
  name?: string | undefined;
  [field: string]: unknown;
}

/** A wallet to create with an end user: `network` such as `EthereumSepolia` or `KeyECDSA`. */
export interface WalletSpec {
  network: string;
  name?: string | undefined;
}

/** Response of end-user registration: logged in, with wallets. */
export interface EndUserRegistrationResult extends RegistrationResult {
  authentication: { token: string };
  wallets: Wallet[];
}

/** Response of login completion: a token, or the SSO client the user must use instead. */
export type LoginResult = { token: string } | { ssoClientId: string };

/** A plain `{ message }` acknowledgement. */
export interface MessageResult {
  message: string;
}

/** A credential of the user, from the list or from creation. */
export interface Credential {
  kind: CredentialKind;
  credentialId: string;
  credentialUuid: string;
  dateCreated: string;
  isActive: boolean;
  name: string;
  publicKey: string;
  relyingPartyId: string;
  origin: string;
}

/** `GET /auth/credentials`. */
export interface CredentialListResponse {
  items: Credential[];
}

/** Body of `POST /auth/credentials` and `/auth/credentials/code/verify`. */
export type CreateCredentialBody = CredentialAttestation & {
  credentialName: string;
  challengeIdentifier: string;
};

/** Response of `POST /auth/credentials/code`. */
export interface CredentialCode {
  code: string;
  expiration: string;
}

/** Response of `POST /auth/action`: the single-use user action token. */
export interface UserActionResult {
  userAction: string;
}

/** HTTP methods a user action can sign. */
export type UserActionMethod = 'POST' | 'PUT' | 'DELETE' | 'GET';

/** Body of `POST /auth/action/init`. */
export interface UserActionInitBody {
  userActionHttpMethod: UserActionMethod;
  userActionHttpPath: string;
  userActionPayload: string;
  userActionServerKind?: 'Api' | undefined;
}

/**
 * Signs a login or user action challenge with one of the user's credentials: a passkey
 * (`src/webauthn`), a WebCrypto key (`src/keys`), or a customer's own signer.
 */
export type ChallengeSigner = (
  challenge: SigningChallenge,
  options?: { signal?: AbortSignal | undefined },
) => Promise<CredentialAssertion>;
