/**
 * Issue 19, "code that loads when its step is reached", for the recovery kit: showing, copying,
 * downloading and printing a new kit, reading a kit file, and the recovery-key crypto travel in
 * chunks of their own (a dynamic `import()`), not with every recovery render. Measured on the built `dist/` as an app's
 * bundler splits it (scripts/bundleSize.mjs).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSizeSplit } from '../../scripts/bundleSize.mjs';
import { ROOT, ensureDist } from '../../scripts/bench/sizes.mjs';

/** The kit's own files of a bundle part, as paths under `dist/lib/` without `.js` (e.g. `keys/parseRecoveryKit`). */
const kitFiles = (inputs: Record<string, number>): string[] =>
  Object.keys(inputs)
    .filter((file) => file.startsWith('dist/lib/'))
    .map((file) => file.slice('dist/lib/'.length).replace(/\.js$/, ''));

/** Splits `provider + exports` as an app's bundler does: the kit files loaded with the page, and those loaded later. */
async function split(exports: string[]): Promise<{ initial: string[]; later: string[] }> {
  ensureDist();
  const size = await bundleSizeSplit(`export { DfnsAuthProvider, ${exports.join(', ')} } from 'dfns-react-kit';`, { resolveDir: ROOT });
  return { initial: kitFiles(size.initial.inputs), later: kitFiles(size.later.inputs) };
}

/** What only the recovery kit step uses: the panel (copy, download, print) and the kit's text file. */
const KIT_PANEL = ['components/parts/RecoveryKitPanel', 'messages/recoveryKitText'];

/** Making a recovery key (PBKDF2, AES-GCM, the key attestation) and signing a recovery with the old one. */
const RECOVERY_KEY_CRYPTO = ['keys/recoveryKey', 'keys/encryptedKey', 'keys/keyAttestation', 'keys/der', 'keys/pem', 'keys/registrationCredentials'];

describe('the recovery kit loads when its step is reached', () => {
  for (const component of ['RecoverAccount', 'RegisterPasskey', 'CreateRecoveryKey', 'SocialSignIn']) {
    it(`<${component}/> loads the kit panel later, not with the page`, async () => {
      const { initial, later } = await split([component]);
      expect(initial.filter((file) => KIT_PANEL.includes(file))).toEqual([]);
      expect(later).toEqual(expect.arrayContaining(KIT_PANEL));
    }, 60_000);
  }

  it('<RecoverAccount/> loads the kit file reader when a file is chosen, not with the page', async () => {
    const { initial, later } = await split(['RecoverAccount']);
    expect(initial).not.toContain('keys/parseRecoveryKit');
    expect(later).toContain('keys/parseRecoveryKit');
  }, 60_000);

  for (const component of ['RecoverAccount', 'RegisterPasskey', 'CreateRecoveryKey', 'SocialSignIn']) {
    it(`<${component}/> loads the recovery-key crypto when its flow starts, not with the page`, async () => {
      const { initial, later } = await split([component]);
      expect(initial.filter((file) => RECOVERY_KEY_CRYPTO.includes(file))).toEqual([]);
      expect(later).toEqual(expect.arrayContaining(RECOVERY_KEY_CRYPTO));
    }, 60_000);
  }

  it('<AddPasskey/>, which never shows a kit, does not ship the panel at all with the page', async () => {
    const { initial } = await split(['AddPasskey']);
    expect(initial.filter((file) => KIT_PANEL.includes(file))).toEqual([]);
  }, 60_000);
});
