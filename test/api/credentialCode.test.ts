import { describe, expect, it } from 'vitest';
import { normalizeCredentialCode, toCredentialCodeError } from '../../src/api/credentialCode';
import { DfnsApiError, DfnsAuthError } from '../../src/errors';

const refusal = (status: number, apiMessage: string) =>
  new DfnsApiError(status === 429 ? 'rate_limited' : 'unauthorized', apiMessage, {
    status,
    apiMessage,
    method: 'POST',
    path: '/auth/credentials/code/init',
  });

describe('credential codes as people type them', () => {
  it.each([
    ['A7U-KY6-9PT', 'A7U-KY6-9PT'],
    [' a7u-ky6-9pt ', 'A7U-KY6-9PT'],
    ['a7u ky6 9pt', 'A7U-KY6-9PT'],
    ['A7UKY69PT', 'A7U-KY6-9PT'],
    ['A7U–KY6–9PT', 'A7U-KY6-9PT'],
  ])('reads %j as %s', (typed, code) => {
    expect(normalizeCredentialCode(typed)).toBe(code);
  });

  it.each(['', 'A7U-KY6', 'A7U-KY6-9PTX', 'A7U_KY6_9PT', 'D1-ABC'])('refuses %j as credential_code_invalid before any request', (typed) => {
    expect(() => normalizeCredentialCode(typed)).toThrow(expect.objectContaining({ code: 'credential_code_invalid' }));
  });

  it('tells a code Dfns never made from a spent one, keeping the refusal as cause', () => {
    const wrong = refusal(401, 'credential code is invalid');
    const invalid = toCredentialCodeError(wrong) as DfnsAuthError;
    expect(invalid).toMatchObject({ code: 'credential_code_invalid', retryable: false, cause: wrong });
    expect(toCredentialCodeError(refusal(401, 'credential code has expired'))).toMatchObject({ code: 'credential_code_expired' });
    expect(toCredentialCodeError(refusal(401, 'credential code was already used'))).toMatchObject({ code: 'credential_code_expired' });
  });

  it('passes a rate limit and anything else through unchanged', () => {
    const limited = refusal(429, 'too many wrong credential code tries; retry later');
    expect(toCredentialCodeError(limited)).toBe(limited);
    const other = new Error('boom');
    expect(toCredentialCodeError(other)).toBe(other);
  });
});
