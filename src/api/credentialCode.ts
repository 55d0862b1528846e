import { DfnsApiError, DfnsAuthError } from '../errors';

/** The shape of a Dfns credential code: three groups of three letters or digits (`A7U-KY6-9PT`). */
const CODE_SHAPE = /^([A-Z0-9]{3})-?([A-Z0-9]{3})-?([A-Z0-9]{3})$/;

/**
 * The code as Dfns wrote it, from what a person typed: capitals, no spaces, dashes between the
 * groups; `credential_code_invalid` (before any request, so no wrong try is counted) when it
 * cannot be one.
 *
 * @example
 * normalizeCredentialCode(' a7u ky6 9pt '); // 'A7U-KY6-9PT'
 */
export function normalizeCredentialCode(input: string): string {
  const match = CODE_SHAPE.exec(input.replace(/[\s\u2010-\u2015]+/g, (s) => (s.trim() ? '-' : '')).toUpperCase());
  if (!match) {
    throw new DfnsAuthError(
      'credential_code_invalid',
      'A credential code is nine letters or digits in three groups, such as A7U-KY6-9PT (from POST /auth/credentials/code).',
    );
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * A refusal of `POST /auth/credentials/code/init` as the person can act on it: a code Dfns never
 * made is `credential_code_invalid` (check the typing), a spent one (its minute over, or used) is
 * `credential_code_expired` (get a new one). Everything else, `rate_limited` included, passes
 * through unchanged. Dfns words the refusal, not codes it: the cause is read from its message.
 */
export function toCredentialCodeError(error: unknown): unknown {
  if (!(error instanceof DfnsApiError) || ![400, 401, 404].includes(error.status)) return error;
  const spent = /expired|already used|used already/i.test(error.apiMessage ?? '');
  return new DfnsAuthError(
    spent ? 'credential_code_expired' : 'credential_code_invalid',
    spent
      ? `Dfns refused the credential code as spent (${error.apiMessage}): codes are single use and live about a minute; ask for a new one with POST /auth/credentials/code.`
      : `Dfns refused the credential code (${error.apiMessage ?? error.status}): it is not a code it made, or was mistyped.`,
    { cause: error },
  );
}
