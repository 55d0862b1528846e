import { describe, expect, it } from 'vitest';
import type { RegistrationChallenge } from '../../src/api/types';
import { DfnsAuthError } from '../../src/errors';
import { initialSocialSignInState, reduceSocialSignIn, type SocialSignInEvent, type SocialSignInState } from '../../src/flows/socialSignInFlow';
import { initialSsoLoginState, reduceSsoLogin } from '../../src/flows/ssoLoginFlow';

const challenge = { challenge: 'c' } as unknown as RegistrationChallenge;
const user = { id: 'us-1', username: 'jane@example.com', orgId: 'or-1' };
const kit = { recoveryCode: 'D1-x', credId: 'k', username: user.username, orgId: 'or-1', server: 's', createdAt: 't' };

function run(events: ((s: SocialSignInState) => SocialSignInEvent)[]): SocialSignInState {
  return events.reduce((state, next) => reduceSocialSignIn(state, next(state)), initialSocialSignInState);
}
const at = (type: string) => (s: SocialSignInState) => ({ type, attempt: s.attempt }) as SocialSignInEvent;
const fail = (code: 'passkey_cancelled' | 'network_error', retryable = true) => (s: SocialSignInState) =>
  ({ type: 'failed', attempt: s.attempt, error: new DfnsAuthError(code, code, { retryable }) }) as SocialSignInEvent;

describe('social sign-in flow', () => {
  it('a known person: start, id token, signed in', () => {
    expect(run([() => ({ type: 'start' }), at('id-token-received'), at('signed-in')])).toMatchObject({ status: 'success', outcome: 'signed-in' });
  });

  it('a new person: 401, challenge, passkey, registered, kit saved', () => {
    const shown = run([
      () => ({ type: 'start' }),
      at('id-token-received'),
      at('unknown-user'),
      (s) => ({ type: 'challenge-received', attempt: s.attempt, challenge }),
      at('passkey-created'),
      (s) => ({ type: 'registered', attempt: s.attempt, user, recoveryKit: kit }),
    ]);
    expect(shown.status).toBe('showing-recovery-kit');
    // The kit cannot be dropped unseen.
    expect(reduceSocialSignIn(shown, { type: 'reset' })).toBe(shown);
    expect(reduceSocialSignIn(shown, { type: 'kit-saved' })).toMatchObject({ status: 'success', outcome: 'registered', user });
  });

  it('drops a late answer from an attempt the user left', () => {
    const signingIn = run([() => ({ type: 'start' }), at('id-token-received')]);
    expect(reduceSocialSignIn(signingIn, { type: 'signed-in', attempt: signingIn.attempt - 1 })).toBe(signingIn);
  });

  it('a retry in the registration half starts the registration again; in the sign-in half, the sign-in', () => {
    const cancelled = run([() => ({ type: 'start' }), at('id-token-received'), at('unknown-user'), (s) => ({ type: 'challenge-received', attempt: s.attempt, challenge }), fail('passkey_cancelled')]);
    expect(cancelled).toMatchObject({ status: 'error', step: 'awaiting-authenticator' });
    expect(reduceSocialSignIn(cancelled, { type: 'retry' }).status).toBe('fetching-challenge');
    const offline = run([() => ({ type: 'start' }), at('id-token-received'), fail('network_error')]);
    expect(reduceSocialSignIn(offline, { type: 'retry' }).status).toBe('awaiting-id-token');
  });
});

describe('SSO login flow', () => {
  it('redirecting and completing each end in success or a typed error; a retry is a new redirect', () => {
    const completing = reduceSsoLogin(initialSsoLoginState, { type: 'complete' });
    expect(completing.status).toBe('completing');
    expect(reduceSsoLogin(completing, { type: 'signed-in', attempt: completing.attempt }).status).toBe('success');
    const failed = reduceSsoLogin(completing, { type: 'failed', attempt: completing.attempt, error: new DfnsAuthError('sso_state_invalid', 'x') });
    expect(failed).toMatchObject({ status: 'error', step: 'completing' });
    expect(reduceSsoLogin(failed, { type: 'retry' }).status).toBe('redirecting');
    expect(reduceSsoLogin(failed, { type: 'signed-in', attempt: failed.attempt }).status).toBe('error');
  });
});
