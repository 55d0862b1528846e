/**
 * The global loader of every story: puts the emulator into the story's state (faults, approval
 * policy, rate limit, fixture user) and builds the story's authenticator and session.
 */
import type { PasskeyAuthenticator } from '../../src/core';
import { DEFAULT_PASSKEY_SETTINGS } from '../../src/emulator';
import { createFakeAuthenticator, createSoftwareAuthenticator } from '../../src/testing';
import type { DfnsStoryParameters, StoryAuthenticatorScripts } from './dfnsParameters';
import { EMULATOR_RP, emulator, notifyEmulatorChanged, seedDemoUser } from './emulator';
import { ensureFixtureUser, fixtureDevice, fixtureToken, inviteUser, registerFreshUser, type FixtureUser } from './fixtures';

/** What the loader hands the decorator through `context.loaded.dfns`. */
export interface LoadedDfns {
  /** A scripted fake, or `undefined` for the browser's own authenticator. */
  authenticator: PasskeyAuthenticator | undefined;
  /** The session token of the story's user (`session: 'fixture'` or `'fresh'`). */
  fixtureToken: string | undefined;
  /** The story's own registered user (`session: 'fresh'` or `user: 'fresh'`), with their recovery kit. */
  user: FixtureUser | undefined;
  /** A new invitation (`invite: true`): the registration code is in the outbox too. */
  invitation: { username: string; registrationCode: string } | undefined;
}

/** A fake authenticator following `scripts`, backed by the fixture device (and a new device for `create`). */
function scriptedAuthenticator(scripts: StoryAuthenticatorScripts, newDevice: boolean): PasskeyAuthenticator {
  const existing = createFakeAuthenticator({ ...scripts, authenticator: fixtureDevice() });
  if (!newDevice) return existing;
  // The fixture device already holds the user's passkey and would refuse a second one (excludeCredentials).
  const other = createFakeAuthenticator({
    create: scripts.create,
    authenticator: createSoftwareAuthenticator({ origin: location.origin, rpId: EMULATOR_RP.id }),
  });
  return { create: (options, call) => other.create(options, call), get: (options, call) => existing.get(options, call) };
}

/**
 * A docs page renders every story of a component at once, and play functions do not run there, so
 * the stories only show their first screen: they share one user (and one invitation) per prefix
 * instead of each filling the shared emulator with its own. A shared user is made again once it is
 * gone or was used (registered, reset).
 */
const docsUsers = new Map<string, Promise<FixtureUser>>();
const docsInvitations = new Map<string, { username: string; registrationCode: string }>();

/** The registered user of `prefix` that docs stories share, registered on first use. */
async function docsUser(prefix = 'user'): Promise<FixtureUser> {
  const known = docsUsers.get(prefix);
  const user = await known?.catch(() => undefined);
  if (known && user && emulator.users().some((entry) => entry.username === user.username && entry.isRegistered)) return user;
  // A concurrent docs story may have replaced it meanwhile: take that one rather than register twice.
  const current = docsUsers.get(prefix);
  if (current && current !== known) return current;
  const next = registerFreshUser(prefix);
  docsUsers.set(prefix, next);
  return next;
}

/** The invitation of `prefix` that docs stories share, while nobody registered with it. */
function docsInvitation(prefix = 'new-user'): { username: string; registrationCode: string } {
  const known = docsInvitations.get(prefix);
  if (known && emulator.users().some((entry) => entry.username === known.username && !entry.isRegistered)) return known;
  const next = inviteUser(prefix);
  docsInvitations.set(prefix, next);
  return next;
}

/** Where the story renders: docs pages share their users (see `docsUser`). */
export interface LoadOptions {
  inDocs?: boolean | undefined;
}

/** Prepares the emulator for one story and returns its authenticator and token. */
export async function loadDfnsStory(parameters: DfnsStoryParameters | undefined, options: LoadOptions = {}): Promise<LoadedDfns> {
  const p = parameters ?? {};
  emulator.faults.clear();
  emulator.policies.clear();
  emulator.setRateLimit(undefined);
  emulator.setPasskeySettings({ ...DEFAULT_PASSKEY_SETTINGS, ...p.passkeySettings });
  seedDemoUser();
  // Seeding goes through the emulator too, so it must be done before this story's faults apply.
  const scripts = typeof p.authenticator === 'object' ? p.authenticator : undefined;
  const scripted = scripts !== undefined;
  if (scripted) await ensureFixtureUser();
  const freshUser = options.inDocs ? docsUser : registerFreshUser;
  const user = p.session === 'fresh' || p.user === 'fresh' ? await freshUser(p.userPrefix) : undefined;
  const token =
    p.session === 'fixture' ? await fixtureToken() : p.session === 'fresh' && user ? await emulator.loginAs(user.username) : undefined;
  const invitation = p.invite ? (options.inDocs ? docsInvitation(p.userPrefix) : inviteUser(p.userPrefix)) : undefined;
  for (const fault of p.faults ?? []) emulator.faults.set(fault);
  for (const rule of p.requireApproval ?? []) emulator.policies.requireApproval(rule);
  if (p.rateLimitPerMinute !== undefined) emulator.setRateLimit(p.rateLimitPerMinute);
  notifyEmulatorChanged();
  return {
    authenticator: scripts ? scriptedAuthenticator(scripts, p.newDevice === true) : undefined,
    fixtureToken: token,
    user,
    invitation,
  };
}
