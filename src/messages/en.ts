/** The default English catalogue, assembled from the slices each component ships (`./copy`). */
import { addPasskeyCopy } from './copy/addPasskeyCopy';
import { addPasskeyWithCodeCopy } from './copy/addPasskeyWithCodeCopy';
import { clipboardCopy } from './copy/clipboardCopy';
import { confirmUserActionCopy } from './copy/confirmUserActionCopy';
import { createCredentialCodeCopy } from './copy/createCredentialCodeCopy';
import { createRecoveryKeyCopy } from './copy/createRecoveryKeyCopy';
import { credentialCodeCopy } from './copy/credentialCodeCopy';
import { credentialListCopy } from './copy/credentialListCopy';
import { credentialNameCopy } from './copy/credentialNameCopy';
import { credentialNamesCopy } from './copy/credentialNamesCopy';
import { errorCopy } from './copy/errorCopy';
import { frameCopy } from './copy/frameCopy';
import { loginCopy } from './copy/loginCopy';
import { networkErrorCopy } from './copy/networkErrorCopy';
import { passkeyAddedCopy } from './copy/passkeyAddedCopy';
import { pendingApprovalCopy } from './copy/pendingApprovalCopy';
import { recoverCopy } from './copy/recoverCopy';
import { recoveryKitCopy } from './copy/recoveryKitCopy';
import { recoveryKitHeadingCopy } from './copy/recoveryKitHeadingCopy';
import { recoveryKitLabelsCopy } from './copy/recoveryKitLabelsCopy';
import { registerButtonCopy } from './copy/registerButtonCopy';
import { registerCopy } from './copy/registerCopy';
import { signedInCopy } from './copy/signedInCopy';
import { socialSignInCopy } from './copy/socialSignInCopy';
import { ssoCallbackCopy } from './copy/ssoCallbackCopy';
import { ssoOfferCopy } from './copy/ssoOfferCopy';
import { usernameCopy } from './copy/usernameCopy';
import { stepButtonsCopy } from './copy/stepButtonsCopy';
import { recoveryFieldErrorsCopy } from './copy/recoveryFieldErrorsCopy';
import { credentialCodeErrorsCopy } from './copy/credentialCodeErrorsCopy';
import { mergeCopy } from './mergeCopy';
import type { DfnsMessages } from './types';

/**
 * Every user-facing string of the kit, in English (the default). Components do not import it: each
 * merges only its own slices, so an app ships the English of the components it renders. Typed as
 * `DfnsMessages`, so a key that no slice carries does not compile.
 */
export const englishMessages: DfnsMessages = /* @__PURE__ */ mergeCopy([
  addPasskeyCopy,
  addPasskeyWithCodeCopy,
  clipboardCopy,
  confirmUserActionCopy,
  createCredentialCodeCopy,
  createRecoveryKeyCopy,
  credentialCodeCopy,
  credentialListCopy,
  credentialNameCopy,
  credentialNamesCopy,
  errorCopy,
  frameCopy,
  loginCopy,
  networkErrorCopy,
  passkeyAddedCopy,
  pendingApprovalCopy,
  recoverCopy,
  recoveryKitCopy,
  recoveryKitHeadingCopy,
  recoveryKitLabelsCopy,
  registerButtonCopy,
  registerCopy,
  signedInCopy,
  socialSignInCopy,
  ssoCallbackCopy,
  ssoOfferCopy,
  usernameCopy,
  stepButtonsCopy,
  recoveryFieldErrorsCopy,
  credentialCodeErrorsCopy,
]);
