import { describe, expect, it, vi } from 'vitest';
import { logInAfterKit, startLoginPrefetch, type LoginAfterKitContext } from '../../src/hooks/loginAfterKit';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { signingChallenge } from '../api/fixtures/wire';
import { clientWith, jsonReply, type Reply } from '../api/recordingFetch';
import { authenticationResponse } from '../webauthn/fixtures';

const USER = 'jane@example.com';

function setup(...replies: Reply[]) {
  const { client, calls } = clientWith(replies);
  const authenticator = { create: vi.fn<PasskeyAuthenticator['create']>(), get: vi.fn<PasskeyAuthenticator['get']>(async () => authenticationResponse) };
  const context = (isCurrent = () => true): LoginAfterKitContext => ({
    client,
    rp: { id: 'localhost', name: 'Test' },
    authenticator,
    nextSignal: () => new AbortController().signal,
    isCurrent,
  });
  const paths = () => calls.map((call) => `${call.method} ${new URL(call.url).pathname}`);
  return { client, calls, authenticator, context, paths };
}

describe('logInAfterKit', () => {
  it('signs a prefetched challenge that already arrived, without a request before the prompt', async () => {
    const { client, context, paths, authenticator } = setup(jsonReply(signingChallenge), jsonReply({ token: 'jwt' }));
    const prefetch = startLoginPrefetch(client, USER);
    await prefetch.promise;
    // The prompt opens in the same task as the call: nothing is awaited before it.
    const login = logInAfterKit(USER, prefetch, context());
    expect(authenticator.get).toHaveBeenCalledTimes(1);
    await expect(login).resolves.toBe('jwt');
    expect(paths()).toEqual(['POST /auth/login/init', 'POST /auth/login']);
  });

  it('fetches again when the prefetch failed, instead of reporting a failure the user never saw', async () => {
    const { client, context, paths } = setup(new TypeError('Failed to fetch'), jsonReply(signingChallenge), jsonReply({ token: 'jwt' }));
    const prefetch = startLoginPrefetch(client, USER);
    await prefetch.promise.catch(() => {});
    await expect(logInAfterKit(USER, prefetch, context())).resolves.toBe('jwt');
    expect(paths()).toEqual(['POST /auth/login/init', 'POST /auth/login/init', 'POST /auth/login']);
  });

  it('does not use a challenge prefetched for someone else, or one too old to be accepted', async () => {
    const other = setup(jsonReply(signingChallenge), jsonReply(signingChallenge), jsonReply({ token: 'jwt' }));
    const forOther = startLoginPrefetch(other.client, 'someone@else.com');
    await forOther.promise;
    await expect(logInAfterKit(USER, forOther, other.context())).resolves.toBe('jwt');
    expect(other.paths()).toEqual(['POST /auth/login/init', 'POST /auth/login/init', 'POST /auth/login']);

    const old = setup(jsonReply(signingChallenge), jsonReply(signingChallenge), jsonReply({ token: 'jwt' }));
    const stale = startLoginPrefetch(old.client, USER);
    await stale.promise;
    stale.requestedAt -= 5 * 60_000;
    await expect(logInAfterKit(USER, stale, old.context())).resolves.toBe('jwt');
    expect(old.paths()).toEqual(['POST /auth/login/init', 'POST /auth/login/init', 'POST /auth/login']);
  });

  it('stops before the prompt when the user left the attempt, and reports an SSO-only user as sso_required', async () => {
    const left = setup(jsonReply(signingChallenge));
    await expect(logInAfterKit(USER, undefined, left.context(() => false))).resolves.toBeUndefined();
    expect(left.authenticator.get).not.toHaveBeenCalled();

    const sso = setup(jsonReply(signingChallenge), jsonReply({ ssoClientId: 'cl-1' }));
    await expect(logInAfterKit(USER, undefined, sso.context())).rejects.toMatchObject({ code: 'sso_required' });
  });
});
