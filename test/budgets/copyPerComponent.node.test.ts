/**
 * Issue 19, "copy that travels with the component that shows it": the provider ships no English,
 * and a component ships the slices of `src/messages/copy` it shows, not the whole catalogue.
 * Measured on the built `dist/` as a Vite app loads it (scripts/bench/sizes.mjs `measureUse`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measureUse, ROOT, ensureDist } from '../../scripts/bench/sizes.mjs';

/** The copy modules (`messages/en`, `messages/copy/x`) an app loads with the page for `exports`. */
async function copyLoaded(exports: string[]): Promise<string[]> {
  const { initial } = await measureUse(exports);
  return Object.keys(initial.inputs)
    .map((file) => /dist\/lib\/messages\/((?:copy\/)?\w+)\.js$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined && (name === 'en' || name.startsWith('copy/')));
}

describe('each component ships the English it shows', () => {
  beforeAll(() => {
    ensureDist();
  });

  it('<DfnsAuthProvider> alone ships no copy at all', async () => {
    expect(await copyLoaded(['DfnsAuthProvider'])).toEqual([]);
  }, 60_000);

  it('<LoginWithPasskey/> ships its own slices, not the catalogue, another flow’s, or the error alert’s (a later step)', async () => {
    const copy = await copyLoaded(['DfnsAuthProvider', 'LoginWithPasskey']);
    expect(copy).toEqual(expect.arrayContaining(['copy/loginCopy', 'copy/frameCopy', 'copy/usernameCopy', 'copy/networkErrorCopy']));
    for (const other of ['en', 'copy/errorCopy', 'copy/registerCopy', 'copy/recoverCopy', 'copy/recoveryKitCopy', 'copy/credentialListCopy', 'copy/socialSignInCopy'])
      expect(copy).not.toContain(other);
  }, 60_000);

  it('<RecoverAccount/> ships the recovery form’s copy, and the kit panel’s only with the panel, later', async () => {
    const copy = await copyLoaded(['DfnsAuthProvider', 'RecoverAccount']);
    expect(copy).toContain('copy/recoverCopy');
    for (const other of ['en', 'copy/loginCopy', 'copy/registerCopy', 'copy/recoveryKitCopy']) expect(copy).not.toContain(other);
  }, 60_000);
});
