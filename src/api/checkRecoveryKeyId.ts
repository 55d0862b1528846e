import { RecoveryError } from '../errors';

/** A recovery key's credId: base64url of a SHA-256 digest, exactly 43 characters. */
const RECOVERY_KEY_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Refuses, before any request, a "Recovery Key ID" that cannot be one (`recovery_key_not_found`),
 * never quoting it: a recovery code pasted into the wrong field is a secret and must not reach the
 * API, a log or a message.
 */
export function checkRecoveryKeyId(credentialId: string, endpoint: string): void {
  if (RECOVERY_KEY_ID.test(credentialId) && !looksLikeRecoveryCode(credentialId)) return;
  const recoveryCode = looksLikeRecoveryCode(credentialId);
  // Which field the value belongs in is for the developer (development builds only, as in `sendRequest`);
  // production keeps the fact, the length and whether it was the recovery code.
  throw new RecoveryError(
    'recovery_key_not_found',
    process.env.NODE_ENV !== 'production'
      ? `${endpoint}: the Recovery Key ID on a recovery kit is 43 base64url characters; the value given (${credentialId.length} characters) is not one, so nothing was sent.${
          recoveryCode ? ' It looks like the recovery code: that goes in the recovery code field, and the Recovery Key ID is the other value on the kit.' : ''
        }`
      : `${endpoint}: not a Recovery Key ID (${credentialId.length} characters${recoveryCode ? ', the recovery code' : ''}); nothing was sent.`,
  );
}

/** `D1-` and 32 characters of the recovery code alphabet, however separated or cased (see `normaliseRecoveryCode`). */
function looksLikeRecoveryCode(value: string): boolean {
  return /^(?:D1)?[A-HJ-NP-Z2-9]{32}$/i.test(value.replace(/[\s\-_.\u2010-\u2015\u2212\u00ad]/g, ''));
}
