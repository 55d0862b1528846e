/**
 * Users the state stories need, made through the kit itself against the emulator: a registered
 * user whose passkeys live in a software authenticator (so a scripted fake can succeed), and
 * fresh invitations for registration stories.
 */
import { completeRegistration, createDfnsClient, createPasskey, createRecoveryKey, initRegistration, type DfnsClient } from '../../src/core';
import { createSoftwareAuthenticator, type SoftwareAuthenticator } from '../../src/testing';
import { EMULATOR_BASE_URL, EMULATOR_RP, emulator, notifyEmulatorChanged } from './emulator';

/** The registered user of the state stories. */
export const FIXTURE_USERNAME = 'alex@example.com';

/** What a registration leaves behind: the recovery kit is shown in recovery stories on purpose (it is a demo). */
export interface FixtureUser {
  username: string;
  userId: string;
  recoveryCode: string;
  recoveryKeyId: string;
}

let device: SoftwareAuthenticator | undefined;
let fixture: Promise<FixtureUser> | undefined;
let registering = false;
let invitations = 0;

/** The software authenticator holding the fixture user's passkeys (this page's origin, rp id `localhost`). */
export function fixtureDevice(): SoftwareAuthenticator {
  device ??= createSoftwareAuthenticator({ origin: location.origin, rpId: EMULATOR_RP.id });
  return device;
}

/** A client that calls the emulator directly, without MSW, so seeding works before the worker starts. */
function directClient(): DfnsClient {
  return createDfnsClient({
    baseUrl: EMULATOR_BASE_URL,
    orgId: emulator.orgId,
    fetch: (input, init) => emulator.handle(new Request(input, init)),
  });
}

/** Invites a new user (a registration code lands in the outbox) and returns their username and code. */
export function inviteUser(prefix = 'new-user'): { username: string; registrationCode: string } {
  invitations += 1;
  const username = `${prefix}-${invitations}@example.com`;
  const { registrationCode } = emulator.createUser({ username });
  notifyEmulatorChanged();
  return { username, registrationCode };
}

/** Invites and registers `username` with a passkey in the fixture device and a recovery key. */
export async function registerUser(username: string): Promise<FixtureUser> {
  const { registrationCode } = emulator.createUser({ username });
  const client = directClient();
  const challenge = await initRegistration(client, { username, registrationCode });
  const passkey = await createPasskey(challenge, { rp: EMULATOR_RP, authenticator: fixtureDevice() });
  const recovery = await createRecoveryKey({ challenge, origin: location.origin });
  const result = await completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: {
      firstFactorCredential: { ...passkey, credentialName: 'Laptop passkey' },
      recoveryCredential: { ...recovery.credential, credentialName: 'Recovery kit' },
    },
  });
  notifyEmulatorChanged();
  return { username, userId: result.user.id, recoveryCode: recovery.recoveryCode, recoveryKeyId: recovery.credId };
}

/** A newly registered user of its own, for stories that change credentials (recovery, deactivation). */
export function registerFreshUser(prefix = 'user'): Promise<FixtureUser> {
  invitations += 1;
  return registerUser(`${prefix}-${invitations}@example.com`);
}

/** The registered fixture user; registered once, and again after the emulator was reset. */
export async function ensureFixtureUser(): Promise<FixtureUser> {
  const exists = emulator.users().some((user) => user.username === FIXTURE_USERNAME && user.isRegistered);
  // While a registration runs the user is not registered yet: wait for it instead of starting another.
  if (fixture && (registering || exists)) return fixture;
  registering = true;
  fixture = registerUser(FIXTURE_USERNAME).then(
    (user) => {
      registering = false;
      return user;
    },
    (error: unknown) => {
      // A failed registration must not be cached, or every later story would reuse the failure.
      registering = false;
      fixture = undefined;
      throw error;
    },
  );
  return fixture;
}

/** A session token for the fixture user, without a ceremony (the emulator's admin shortcut). */
export async function fixtureToken(): Promise<string> {
  await ensureFixtureUser();
  return emulator.loginAs(FIXTURE_USERNAME);
}
