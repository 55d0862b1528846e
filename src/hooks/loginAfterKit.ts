import type { DfnsClient } from '../api/createDfnsClient';
import { completeLogin, initLogin } from '../api/login';
import { loginToken } from '../api/loginToken';
import type { LoginChallenge } from '../api/types';
import type { PasskeyAuthenticator } from '../webauthn/authenticator';
import { signWithPasskey } from '../webauthn/signWithPasskey';
import type { RelyingParty } from '../webauthn/toCreationOptions';
import { CHALLENGE_LIFETIME_MS } from './challengeLifetime';

/** A login challenge fetched while the new recovery kit is read, so "Continue" opens the prompt at once. */
export interface LoginPrefetch {
  username: string;
  requestedAt: number;
  promise: Promise<LoginChallenge>;
  /** Set once the challenge arrived: then it is signed with no await, inside the click. */
  challenge?: LoginChallenge | undefined;
  /** Aborts the request when the flow is reset or unmounted. */
  controller: AbortController;
}

/** Starts fetching the login challenge of `username`; a failure is handled by `logInAfterKit`. */
export function startLoginPrefetch(client: DfnsClient, username: string): LoginPrefetch {
  const controller = new AbortController();
  const promise = initLogin(client, { username }, { signal: controller.signal });
  const prefetch: LoginPrefetch = { username, requestedAt: Date.now(), promise, controller };
  promise.then(
    (challenge) => {
      prefetch.challenge = challenge;
    },
    () => {},
  );
  return prefetch;
}

/** What `logInAfterKit` needs from the provider and the flow. */
export interface LoginAfterKitContext {
  client: DfnsClient;
  rp: RelyingParty;
  /** `undefined`: the browser's own (`signWithPasskey`'s default). */
  authenticator?: PasskeyAuthenticator | undefined;
  timeout?: number | undefined;
  /** A fresh signal per request (the flow's `nextSignal`): each aborts the one before. */
  nextSignal: () => AbortSignal;
  /** False once the user left this attempt: the login stops before its next step. */
  isCurrent: () => boolean;
}

/**
 * Logs the user who just registered or recovered in with their new passkey (the "Continue" click
 * after the recovery kit) and returns the token, or undefined when the attempt was left. Uses the
 * prefetched challenge while it is fresh and for this user; when its request failed, fetches again
 * rather than report a failure the user never saw.
 */
export async function logInAfterKit(
  username: string,
  prefetched: LoginPrefetch | undefined,
  { client, rp, authenticator, timeout, nextSignal, isCurrent }: LoginAfterKitContext,
): Promise<string | undefined> {
  const usable = prefetched?.username === username && Date.now() - prefetched.requestedAt < CHALLENGE_LIFETIME_MS;
  // A challenge already here is signed without any await, inside the click's user activation.
  const challenge =
    (usable ? (prefetched.challenge ?? (await prefetched.promise.catch(() => undefined))) : undefined) ??
    (await initLogin(client, { username }, { signal: nextSignal() }));
  if (!isCurrent()) return undefined;
  const firstFactor = await signWithPasskey(challenge, { rp, authenticator, signal: nextSignal(), timeout });
  if (!isCurrent()) return undefined;
  return loginToken(
    await completeLogin(client, { challengeIdentifier: challenge.challengeIdentifier, firstFactor }, { signal: nextSignal() }),
  );
}
