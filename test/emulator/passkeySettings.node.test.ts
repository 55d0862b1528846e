import { describe, expect, it } from 'vitest';
import { createDfnsEmulator, DEFAULT_PASSKEY_SETTINGS } from '../../src/emulator/index';
import { parseCliArgs } from '../../src/emulator/parseCliArgs';

const BASE = 'http://localhost:8787';

/** A registration challenge for a fresh user of `emulator`. */
async function registrationSelection(emulator: ReturnType<typeof createDfnsEmulator>, username: string) {
  const { registrationCode } = emulator.createUser({ username });
  const response = await emulator.handle(
    new Request(`${BASE}/auth/registration/init`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orgId: emulator.orgId, username, registrationCode }),
    }),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { authenticatorSelection: Record<string, unknown> }).authenticatorSelection;
}

function admin(emulator: ReturnType<typeof createDfnsEmulator>, method: string, body?: unknown): Promise<Response> {
  return emulator.handle(
    new Request(`${BASE}/emulator/admin/passkey-settings`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

describe('the organisation\'s passkey settings in the emulator', () => {
  it('ask for a platform passkey by default, as in Dfns\'s reference examples', async () => {
    const emulator = createDfnsEmulator();
    expect(await registrationSelection(emulator, 'ann@example.com')).toEqual({
      authenticatorAttachment: 'platform',
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'required',
    });
    expect(emulator.passkeySettings).toEqual(DEFAULT_PASSKEY_SETTINGS);
  });

  it('take an option, and send no attachment for null (any authenticator)', async () => {
    const any = createDfnsEmulator({ passkeySettings: { authenticatorAttachment: null } });
    const selection = await registrationSelection(any, 'ann@example.com');
    expect(selection).not.toHaveProperty('authenticatorAttachment');
    expect(selection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    const keys = createDfnsEmulator({ passkeySettings: { authenticatorAttachment: 'cross-platform', residentKey: 'preferred', requireResidentKey: false } });
    expect(await registrationSelection(keys, 'ann@example.com')).toEqual({
      authenticatorAttachment: 'cross-platform',
      residentKey: 'preferred',
      requireResidentKey: false,
      userVerification: 'required',
    });
  });

  it('change at run time (setter and admin route), survive reset, and refuse a bad value', async () => {
    const emulator = createDfnsEmulator();
    emulator.setPasskeySettings({ authenticatorAttachment: 'cross-platform' });
    expect(await registrationSelection(emulator, 'ann@example.com')).toMatchObject({ authenticatorAttachment: 'cross-platform' });
    const put = await admin(emulator, 'PUT', { authenticatorAttachment: null, userVerification: 'preferred' });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ ...DEFAULT_PASSKEY_SETTINGS, authenticatorAttachment: null, userVerification: 'preferred' });
    emulator.reset();
    expect(await (await admin(emulator, 'GET')).json()).toMatchObject({ authenticatorAttachment: null, userVerification: 'preferred' });
    expect(await registrationSelection(emulator, 'bob@example.com')).not.toHaveProperty('authenticatorAttachment');

    for (const bad of [{ authenticatorAttachment: 'usb' }, { residentKey: true }, { requireResidentKey: 'yes' }, { colour: 'red' }]) {
      const refused = await admin(emulator, 'PUT', bad);
      expect(refused.status).toBe(400);
    }
    expect(() => emulator.setPasskeySettings({ authenticatorAttachment: 'usb' as 'platform' })).toThrow(TypeError);
    expect(emulator.passkeySettings.userVerification).toBe('preferred');
  });

  it('shape recovery and new-credential challenges too', async () => {
    const emulator = createDfnsEmulator({ passkeySettings: { authenticatorAttachment: 'cross-platform' } });
    emulator.createUser({ username: 'ann@example.com' });
    const token = await emulator.loginAs('ann@example.com');
    const response = await emulator.handle(
      new Request(`${BASE}/auth/credentials/init`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ kind: 'Fido2' }),
      }),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { authenticatorSelection: unknown }).authenticatorSelection).toMatchObject({
      authenticatorAttachment: 'cross-platform',
    });
  });

  it('are set from the CLI with --authenticator-attachment platform|cross-platform|any', () => {
    expect(parseCliArgs([]).authenticatorAttachment).toBeUndefined();
    expect(parseCliArgs(['--authenticator-attachment', 'any']).authenticatorAttachment).toBeNull();
    expect(parseCliArgs(['--authenticator-attachment=cross-platform']).authenticatorAttachment).toBe('cross-platform');
    expect(() => parseCliArgs(['--authenticator-attachment', 'usb'])).toThrow(/platform, cross-platform or any/);
  });
});
