import { DfnsApiError } from '../errors';
import type { LoginResult } from './types';

/**
 * The token of a `POST /auth/login` answer. Throws `sso_required` when Dfns answered with an SSO
 * client instead: this user must sign in through SSO, and the UI can say so.
 */
export function loginToken(result: LoginResult): string {
  if ('token' in result) return result.token;
  const { ssoClientId } = result;
  throw new DfnsApiError(
    'sso_required',
    // Which endpoint to call instead is for the developer (development builds only, as in `sendRequest`).
    process.env.NODE_ENV !== 'production'
      ? `POST /auth/login answered { ssoClientId: "${ssoClientId}" }: this user must sign in through SSO (POST /auth/login/sso/init with that client id), not with a passkey.`
      : `POST /auth/login answered { ssoClientId: "${ssoClientId}" }: this user must sign in through SSO.`,
    { status: 200, method: 'POST', path: '/auth/login', body: { ssoClientId } },
  );
}
