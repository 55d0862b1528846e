// Type tests of the social sign-in and SSO surface (issue 17), checked by `tsc` in `npm test`.
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { SocialSignIn } from '../../src/components/SocialSignIn';
import { SsoCallback } from '../../src/components/SsoCallback';
import type { DfnsAuthErrorCode } from '../../src/errors';
import type { SocialSignInResult, UseSocialSignInResult } from '../../src/hooks/useSocialSignIn';
import type { UseSsoCallbackResult } from '../../src/hooks/useSsoCallback';

const getIdToken = async (): Promise<string> => 'header.payload.signature';
const leave = (): void => undefined;

// <SocialSignIn>: the app brings the id token; onSuccess always gets a token and how the person got in.
void (<SocialSignIn getIdToken={getIdToken} provider="Google" onCancel={leave} logo={<img src="/logo.svg" alt="Acme" />} />);
void (
  <SocialSignIn
    getIdToken={getIdToken}
    wallets={[{ network: 'EthereumSepolia' }]}
    recoveryKey={false}
    onSuccess={(result: SocialSignInResult) => {
      const token: string = result.token;
      const outcome: 'signed-in' | 'registered' = result.outcome;
      void [token, outcome];
    }}
  />
);
// @ts-expect-error the kit does no OAuth itself: getIdToken is required
void (<SocialSignIn provider="Google" />);

// <LoginWithPasskey sso>: the redirect URI is required, redirectAtOnce optional.
void (<LoginWithPasskey sso={{ redirectUri: 'https://app.example.com/sso', redirectAtOnce: true }} />);
// @ts-expect-error sso needs the page that finishes the login
void (<LoginWithPasskey sso={{ redirectAtOnce: true }} />);

// <SsoCallback>: onSuccess gets the token; the back link is the app's.
void (<SsoCallback onSuccess={({ token }: { token: string }) => void token} onBack={leave} />);

// The new error codes are part of the union.
const codes: DfnsAuthErrorCode[] = ['id_token_unavailable', 'id_token_refused', 'sso_state_invalid', 'sso_cancelled'];
void codes;

// Hook results: retry of the callback exists only when a pending login is known.
declare const social: UseSocialSignInResult;
declare const callback: UseSsoCallbackResult;
social.start();
callback.retry?.();
// @ts-expect-error start takes no arguments: the id token comes from getIdToken
social.start('token');
