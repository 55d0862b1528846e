/**
 * What the live stories need when they run as tests: there is no person to type the code from
 * the outbox or to register first, so the play functions do it (with the browser's own passkey
 * API, answered by the CDP virtual authenticator of `.storybook/vitest.setup.ts`).
 */
import { completeRegistration, createDfnsClient, createPasskey, createRecoveryKey, initRegistration, simpleWebAuthnAuthenticator } from '../../src/core';
import { DEMO_USERNAME, EMULATOR_BASE_URL, EMULATOR_RP, emulator, notifyEmulatorChanged, seedDemoUser } from './emulator';
import type { FixtureUser } from './fixtures';
import { liveSession, setLiveSession } from './liveSession';

/**
 * True when the story runs as a test (Vitest). Live play functions act only then: in Storybook a
 * person drives the live stories, and a play function must not open passkey prompts for them.
 */
export function isStoryTest(): boolean {
  const env = (import.meta as { env?: Record<string, unknown> }).env;
  return env?.['VITEST'] === true || env?.['VITEST'] === 'true' || '__vitest_browser__' in globalThis;
}

let demoKit: FixtureUser | undefined;

/** Registers the demo user with the browser's own authenticator, unless already registered; returns their kit. */
export async function ensureDemoRegistered(): Promise<FixtureUser> {
  seedDemoUser();
  const demo = emulator.users().find((user) => user.username === DEMO_USERNAME);
  if (demo?.isRegistered && demoKit) return demoKit;
  const registrationCode = emulator.lastCode(DEMO_USERNAME, 'registration');
  if (!registrationCode) throw new Error('the demo user has no registration code in the outbox');
  const client = createDfnsClient({ baseUrl: EMULATOR_BASE_URL, orgId: emulator.orgId });
  const challenge = await initRegistration(client, { username: DEMO_USERNAME, registrationCode });
  const passkey = await createPasskey(challenge, { rp: EMULATOR_RP, authenticator: simpleWebAuthnAuthenticator });
  const recovery = await createRecoveryKey({ challenge });
  const result = await completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: {
      firstFactorCredential: { ...passkey, credentialName: 'This browser' },
      recoveryCredential: { ...recovery.credential, credentialName: 'Recovery kit' },
    },
  });
  notifyEmulatorChanged();
  demoKit = { username: DEMO_USERNAME, userId: result.user.id, recoveryCode: recovery.recoveryCode, recoveryKeyId: recovery.credId };
  return demoKit;
}

/** Registers the demo user if needed and starts a live session for them (the emulator's login shortcut). */
export async function ensureLiveSession(): Promise<void> {
  await ensureDemoRegistered();
  if (liveSession()?.username === DEMO_USERNAME) return;
  setLiveSession({ username: DEMO_USERNAME, token: await emulator.loginAs(DEMO_USERNAME) });
}

/** True once the demo user is registered in the in-page emulator. */
export function isDemoRegistered(): boolean {
  return emulator.users().some((user) => user.username === DEMO_USERNAME && user.isRegistered);
}

/**
 * Signs the demo user in for a live story opened on its own (no earlier story in this page made a
 * session): creates their passkey in this browser first when the emulator has none for them (one
 * prompt), then starts the session with the emulator's login shortcut. Call it from a click.
 */
export async function signInDemoUser(): Promise<void> {
  seedDemoUser();
  const demo = emulator.users().find((user) => user.username === DEMO_USERNAME);
  if (!demo?.isRegistered) await ensureDemoRegistered();
  setLiveSession({ username: DEMO_USERNAME, token: await emulator.loginAs(DEMO_USERNAME) });
  notifyEmulatorChanged();
}

/**
 * Under test, empties the virtual authenticator, as if the person lost the device with their
 * passkey (a recovery on the same device would be refused: it still holds a passkey of the user).
 */
export async function loseDevice(): Promise<void> {
  const authenticator = (globalThis as { __dfnsStoryTestAuthenticator?: { clearCredentials(): Promise<void> } })
    .__dfnsStoryTestAuthenticator;
  if (!authenticator) throw new Error('no virtual authenticator: loseDevice() only works when stories run as tests');
  await authenticator.clearCredentials();
}
