import { RecoveryError } from '../errors';
import { randomBytes } from './subtle';

/** The 32 characters of a Dfns recovery code: no 0, 1, I or O, so none can be misread as another. */
export const RECOVERY_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The version prefix of a Dfns recovery code. */
export const RECOVERY_CODE_PREFIX = 'D1';

/** Group lengths after the prefix: `D1-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX`. */
const GROUPS = [6, 5, 5, 5, 5, 6] as const;
const BODY_LENGTH = 32;

/**
 * A new recovery code in Dfns's format, `D1-` and 32 characters of `RECOVERY_CODE_ALPHABET`
 * (160 bits). Each character comes from `crypto.getRandomValues` by rejection sampling, so there is
 * no modulo bias (with 32 symbols no byte is ever rejected, but the loop stays correct if the
 * alphabet changes).
 * @example generateRecoveryCode() // 'D1-7KQ2MZ-…'
 */
export function generateRecoveryCode(): string {
  const size = RECOVERY_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let body = '';
  while (body.length < BODY_LENGTH) {
    for (const byte of randomBytes(BODY_LENGTH)) {
      if (byte < limit && body.length < BODY_LENGTH) body += RECOVERY_CODE_ALPHABET[byte % size];
    }
  }
  return formatBody(body);
}

/** Dashes, hyphens and minus signs a pasted or typed code may contain. */
const SEPARATORS = /[\s\-_.\u2010-\u2015\u2212\u00ad]/g;

/**
 * The canonical form of a recovery code as a user typed or pasted it, which is the exact PBKDF2
 * password: upper case; spaces and any dashes dropped then put back in 6-5-5-5-5-6 groups; the
 * `D1` prefix added when missing. Characters outside the alphabet (0, 1, I, O, symbols) are NOT
 * guessed at: no alphabet character looks like them, so any mapping would be a guess that fails
 * later as `recovery_code_invalid` after 100 000 PBKDF2 rounds. They throw
 * `recovery_code_malformed` instead, which the UI can show as the user types.
 * @example normaliseRecoveryCode(' d1 7kq2mz…') // 'D1-7KQ2MZ-…'
 */
export function normaliseRecoveryCode(input: string): string {
  const compact = input.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
  // "1" is not in the alphabet, so a leading "D1" can only be the prefix.
  const body = compact.length === BODY_LENGTH + RECOVERY_CODE_PREFIX.length && compact.startsWith(RECOVERY_CODE_PREFIX)
    ? compact.slice(RECOVERY_CODE_PREFIX.length)
    : compact;
  if (body.length !== BODY_LENGTH) {
    throw new RecoveryError(
      'recovery_code_malformed',
      `A recovery code has ${BODY_LENGTH} characters after "D1-"; this one has ${body.length}.`,
    );
  }
  for (const char of body) {
    if (!RECOVERY_CODE_ALPHABET.includes(char)) {
      // The message never echoes the input: it is a secret.
      throw new RecoveryError(
        'recovery_code_malformed',
        'A recovery code contains only the letters A-Z without I and O, and the digits 2-9.',
      );
    }
  }
  return formatBody(body);
}

/** True when the input normalises to a well-formed recovery code. */
export function isRecoveryCode(input: string): boolean {
  try {
    normaliseRecoveryCode(input);
    return true;
  } catch {
    return false;
  }
}

function formatBody(body: string): string {
  const parts: string[] = [RECOVERY_CODE_PREFIX];
  let offset = 0;
  for (const length of GROUPS) {
    parts.push(body.slice(offset, offset + length));
    offset += length;
  }
  return parts.join('-');
}
