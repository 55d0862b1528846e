/**
 * The shape of a message catalogue: every user-facing string of the kit, keyed. Status maps and
 * error maps are `Record`s over the flow statuses and error codes, so a catalogue that misses
 * one is a type error.
 */
import type { CredentialKind } from '../api/types';
import type { DfnsAuthErrorCode } from '../errors';
import type { AddCredentialState } from '../flows/addCredentialFlow';
import type { AddPasskeyWithCodeState } from '../flows/addPasskeyWithCodeFlow';
import type { CredentialCodeState } from '../flows/credentialCodeFlow';
import type { LoginState } from '../flows/loginFlow';
import type { RecoverAccountState } from '../flows/recoverAccountFlow';
import type { RegisterPasskeyState } from '../flows/registerPasskeyFlow';
import type { SocialSignInState } from '../flows/socialSignInFlow';
import type { SsoLoginState } from '../flows/ssoLoginFlow';
import type { UserActionState } from '../flows/userActionFlow';

/** A title and a one-sentence description of a component. */
export interface ComponentCopy {
  title: string;
  description: string;
}

/** Every user-facing string of the kit. */
export interface DfnsMessages {
  /** BCP 47 language tag of the catalogue, used to format dates (`Intl.DateTimeFormat`). */
  locale: string;
  /** Field labels. */
  labels: {
    username: string;
    registrationCode: string;
    verificationCode: string;
    recoveryCode: string;
    recoveryKeyId: string;
    credentialName: string;
    /** The one-time code typed on the new device (`<AddPasskeyWithCode/>`). */
    credentialCode: string;
    /** Between the username path and the passkey picker of `<LoginWithPasskey/>`. */
    or: string;
  };
  /** Help text under fields. */
  hints: {
    username: string;
    registrationCode: string;
    verificationCode: string;
    recoveryCode: string;
    recoveryKeyId: string;
    credentialName: string;
    /** Under the one-time code field: where the code comes from. */
    credentialCode: string;
    /** The name field of `<CreateRecoveryKey/>`: a recovery key is a kit on paper or in a file, not a device. */
    recoveryKeyName: string;
  };
  buttons: {
    register: string;
    signIn: string;
    /** Usernameless sign-in: the browser offers the passkeys saved for this site. */
    signInUsernameless: string;
    continue: string;
    retry: string;
    cancel: string;
    copy: string;
    copied: string;
    download: string;
    print: string;
    /** Confirms the recovery kit is stored safely. */
    savedKit: string;
    addPasskey: string;
    addRecoveryKey: string;
    activate: string;
    deactivate: string;
    approve: string;
    sendCode: string;
    resendCode: string;
    haveCode: string;
    recover: string;
    editCodes: string;
    /** Opens the passkey prompt of account recovery, once the recovery key is unlocked. */
    createNewPasskey: string;
    /** Picks the recovery kit file to fill in the recovery code and key id. */
    uploadKit: string;
    /** Declines a `<ConfirmUserAction>` request: nothing is signed or sent. */
    decline: string;
    /** Back from an error to the step's form, with what was typed kept. */
    back: string;
    /** The passkey exists already: go to sign-in (shown when the app passes `onSignInInstead`). */
    signInInstead: string;
    /** Asks for a one-time code to add a passkey on another device (`<CreateCredentialCode/>`). */
    getCredentialCode: string;
    /** The code expired (or another device is next): a new one. */
    newCredentialCode: string;
  };
  /** Live-region text per flow status; `idle` is usually empty (nothing to announce). */
  status: {
    registerPasskey: Record<RegisterPasskeyState['status'], string>;
    loginWithPasskey: Record<LoginState['status'], string>;
    recoverAccount: Record<RecoverAccountState['status'], string>;
    addPasskey: Record<AddCredentialState['status'], string>;
    createRecoveryKey: Record<AddCredentialState['status'], string>;
    confirmUserAction: Record<UserActionState['status'], string>;
    createCredentialCode: Record<CredentialCodeState['status'], string>;
    addPasskeyWithCode: Record<AddPasskeyWithCodeState['status'], string>;
  };
  /** Title and description per component. */
  components: {
    registerPasskey: ComponentCopy;
    loginWithPasskey: ComponentCopy;
    recoverAccount: ComponentCopy;
    addPasskey: ComponentCopy;
    createRecoveryKey: ComponentCopy;
    credentialList: ComponentCopy;
    confirmUserAction: ComponentCopy;
    createCredentialCode: ComponentCopy;
    addPasskeyWithCode: ComponentCopy;
  };
  /** The one-time code shown on the signed-in device (`<CreateCredentialCode/>`). */
  credentialCode: {
    /** Names the code for assistive technology, and beside it on screen. */
    codeLabel: string;
    /** What to do with the code on the other device. */
    instructions: string;
    /** The live countdown beside the code. */
    expiresIn: (p: { seconds: number }) => string;
    /** The code's minute is over. */
    expired: string;
    /** Announced once the code is copied. */
    copied: string;
  };
  credentialList: {
    empty: string;
    active: string;
    inactive: string;
    kinds: Record<CredentialKind, string>;
    count: (p: { count: number }) => string;
    createdOn: (p: { date: string }) => string;
    deactivateConfirm: (p: { name: string }) => string;
    /** The question for a recovery key, which never signs in: it recovers the account. */
    deactivateRecoveryKeyConfirm: (p: { name: string }) => string;
    /** Confirms the inline "deactivate?" question. */
    confirmDeactivate: string;
    loading: string;
    /** A row waits for the passkey prompt and the request. */
    pending: string;
    activated: (p: { name: string }) => string;
    deactivated: (p: { name: string }) => string;
  };
  /** Default names of new credentials, editable before they are added. */
  credentialNames: {
    passkey: (p: { platform: string }) => string;
    recoveryKey: string;
    /** Stands for the platform when the browser does not tell it. */
    thisDevice: string;
  };
  userAction: {
    /** What is about to be signed, e.g. "POST /wallets" (under the technical details). */
    request: (p: { method: string; path: string }) => string;
    /** Shown as the request's summary when the app gave none. */
    fallbackSummary: string;
    /** The folded section with the method, path and fields of the request. */
    technicalDetails: string;
    /** The user declined: nothing was signed or sent. */
    declined: string;
    pendingApproval: string;
    /** Heading of the summary of the request body. */
    details: string;
    /** Shown instead of the summary when the request has no body. */
    noDetails: string;
  };
  /** Success titles: what happened. */
  success: {
    registered: (p: { username: string }) => string;
    signedIn: string;
    recovered: (p: { username: string }) => string;
    passkeyAdded: (p: { name: string }) => string;
    recoveryKeyAdded: string;
    approved: string;
    /** `<AddPasskeyWithCode/>`: the passkey on this device was added to `username`'s account. */
    passkeyAddedWithCode: (p: { username: string }) => string;
  };
  /** Under each success title: what comes next. */
  nextSteps: {
    registered: string;
    signedIn: string;
    recovered: string;
    passkeyAdded: string;
    recoveryKeyAdded: string;
    approved: string;
    /** After `<AddPasskeyWithCode/>` without `autoLogin`: sign in with the new passkey. */
    passkeyAddedWithCode: string;
  };
  /** The recovery kit: on screen and in the downloaded file (`recoveryKitText`). */
  recoveryKit: {
    title: string;
    intro: string;
    warning: string;
    recoveryCode: string;
    recoveryKeyId: string;
    username: string;
    orgId: string;
    server: string;
    /** Under the fields: which ones recovery asks for, and what the others are for. */
    fieldsHint: string;
    createdAt: string;
    instructionsTitle: string;
    instructions: string[];
    fileName: (p: { username: string; date: string }) => string;
    copiedNotice: string;
  };
  /** Copy of `<RecoverAccount/>` beyond its title, statuses and fields. */
  recoverAccount: {
    /** Heading of the step whose button opens the passkey prompt. */
    newPasskeyTitle: string;
    newPasskeyDescription: string;
    /** Under the recovery code and key id fields: the kit file can fill them in. */
    kitFileHint: string;
    /** Announced after a kit file filled in the fields. */
    kitFileRead: string;
    /** The chosen file holds neither a recovery code nor a recovery key id. */
    kitFileUnreadable: string;
  };
  /** Per error code, the alert's title: what happened, in a few words. */
  errorTitles: Record<DfnsAuthErrorCode, string>;
  /** Per error code, what to do (the alert's body, or the message under a field); stands on its own. */
  errors: Record<DfnsAuthErrorCode, string>;
  /** The alert's fine print and actions. */
  alert: {
    /** The retry button while `Retry-After` runs (`rate_limited`). */
    retryIn: (p: { seconds: number }) => string;
    /** Label of the Dfns request id, shown on its own line for support. */
    reference: string;
    copyReference: string;
    referenceCopied: string;
  };
  /** Appended to API errors that carry a Dfns error id, for support requests. */
  errorReference: (p: { errorId: string }) => string;
  /** `<SocialSignIn/>`: sign in with an identity provider's account, a passkey created for new users. */
  socialSignIn: ComponentCopy & {
    /** The button: "Continue with Google". */
    continueWith: (p: { provider: string }) => string;
    status: Record<SocialSignInState['status'], string>;
    signedIn: string;
    signedInNext: string;
    registered: (p: { username: string }) => string;
    registeredNext: string;
  };
  /** SSO: the offer in `<LoginWithPasskey/>` and `<SsoCallback/>` at the redirect URI. */
  sso: ComponentCopy & {
    /** The button that leaves for the organisation's identity provider. */
    continue: string;
    callbackTitle: string;
    callbackDescription: string;
    status: Record<SsoLoginState['status'], string>;
    signedIn: string;
    signedInNext: string;
  };
}

/** A partial catalogue: any subset of keys, at any depth (functions and lists replace whole). */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;
