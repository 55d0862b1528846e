/**
 * Issue 19: <AddPasskey> and <CreateRecoveryKey> share one flow and one view, but each ships only
 * the credential it makes: <CreateRecoveryKey> makes no passkey (it signs with one), so it carries
 * no registration ceremony; <AddPasskey> never shows a recovery kit, so it carries neither the
 * recovery-key code nor the kit step. Measured on the built `dist/` as a Vite app splits it
 * (scripts/bundleSize.mjs), first load and later chunks alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, measureUse, ensureDist } from '../../scripts/bench/sizes.mjs';

/** The modules (by file name) that put code anywhere in what an app ships for `provider + component`. */
async function shipped(component: string): Promise<string[]> {
  const { initial, later } = await measureUse(['DfnsAuthProvider', component]);
  return Object.entries({ ...initial.inputs, ...later.inputs })
    .filter(([, bytes]) => bytes > 0)
    .map(([file]) => file.replace(/^.*\//, '').replace(/\.js$/, ''));
}

beforeAll(() => {
  ensureDist();
}, 120_000);

describe('each add-credential component ships the credential it makes', () => {
  it('<CreateRecoveryKey/> ships no registration ceremony, and still signs with a passkey', async () => {
    const modules = await shipped('CreateRecoveryKey');
    expect(
      modules.filter((name) =>
        ['createPasskey', 'browserRegistration', 'startRegistration', 'identifyRegistrationError', 'toCreationOptions'].includes(name),
      ),
    ).toEqual([]);
    expect(modules).toEqual(expect.arrayContaining(['signWithPasskey', 'browserAuthentication', 'recoveryKeyCrypto', 'RecoveryKitPanel']));
  }, 60_000);

  it('<AddPasskey/> ships no recovery-key code and no recovery kit step, and still makes a passkey', async () => {
    const modules = await shipped('AddPasskey');
    expect(modules.filter((name) => ['recoveryKeyCrypto', 'recoveryKey', 'recoveryKitOf', 'RecoveryKitStep', 'RecoveryKitPanel'].includes(name))).toEqual([]);
    expect(modules).toEqual(expect.arrayContaining(['createPasskey', 'browserRegistration', 'signWithPasskey']));
  }, 60_000);
});
