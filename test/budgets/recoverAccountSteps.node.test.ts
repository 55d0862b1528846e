/**
 * Issue 19: <RecoverAccount/> first shows a form (the username, or in delegated mode the codes);
 * what runs once the codes are submitted (checking them, the recovery challenge, the new passkey,
 * the recovery signature, the new kit, the login after it) is a later step, in a chunk fetched
 * when the flow starts; of the recovery requests, only the email (api/sendRecoveryCode) loads with
 * the page. Measured on the built `dist/` as a Vite app splits it (scripts/bundleSize.mjs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, measureUse, ensureDist } from '../../scripts/bench/sizes.mjs';

/** The module file names (no folder, no `.js`) with code in a part of a bundle. */
const modulesOf = (inputs: Record<string, number>): string[] =>
  Object.entries(inputs)
    .filter(([, bytes]) => bytes > 0)
    .map(([file]) => file.replace(/^.*\//, '').replace(/\.js$/, ''));

beforeAll(() => {
  ensureDist();
}, 120_000);

describe('<RecoverAccount/> loads the steps after the codes when the flow starts', () => {
  it('keeps the recovery steps, the passkey ceremonies and the login after the kit out of the first load', async () => {
    const { initial, later } = await measureUse(['DfnsAuthProvider', 'RecoverAccount']);
    const afterCodes = ['recoverAccountSteps', 'recovery', 'recoveryCode', 'createPasskey', 'loginAfterKit', 'signWithPasskey', 'recoveryKitOf'];
    expect(modulesOf(initial.inputs).filter((name) => afterCodes.includes(name))).toEqual([]);
    expect(modulesOf(later.inputs)).toEqual(expect.arrayContaining(afterCodes));
  }, 60_000);
});
