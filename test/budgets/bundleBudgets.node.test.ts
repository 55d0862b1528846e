/**
 * Size budgets of issue 8, measured on the built `dist/` as an app's bundler sees it (esbuild,
 * minified ESM for browsers, gzip -9; react, react-dom and react-query left out).
 *
 * - "own code" of the `.` entry = everything the kit ships in an app's bundle except
 *   `@simplewebauthn/browser`: budget 12 KB gzip, 16 KB with SimpleWebAuthn.
 * - an endpoint hook's own cost = gzip(hook alone) − gzip(shared hook base), the base being
 *   `useDfnsAuth` + `useEndpointMutation` + the validation runtime (scripts/bench/sizes.mjs).
 * - the whole kit (SimpleWebAuthn included) at most 0.7× Dfns's `WebAuthnSigner`
 *   alone, built the same way in the same run.
 *
 * The `.` entry is over the first three budgets today (see bench/results.md for the modules that
 * dominate): those targets run as `it.fails`, so they turn red the day the kit meets them (flip them
 * to `it` then), while the ceilings below keep the kit from growing in the meantime.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensurePeers } from '../../scripts/bench/ensurePeers.mjs';
import {
  endpointHookCosts,
  inputsByGroup,
  marginalGzipByPart,
  componentNames as componentNamesForBudgets,
  measureKit,
  measureUse,
  measureWebAuthnSigner,
  measureWebAuthnSignerAsApp,
  uses,
  OWN_EXTERNAL,
  ROOT,
  type BundleSize,
  ensureDist,
} from '../../scripts/bench/sizes.mjs';

const KB = 1000;
const WHOLE = `export * from 'dfns-react-kit';`;

/**
 * Today's sizes plus about 2 %: a ratchet against growth until the targets are met. Lower them as the kit shrinks.
 * Moved up on 2026-12-06 from 30.5 / 33 KB (measured then: 29.9 / 32.1 KB) to take four new components
 * (<SocialSignIn/>, <SsoCallback/>, <CreateCredentialCode/>, <AddPasskeyWithCode/>, issues 17 and 18), the
 * product redesign of issue 14 and the hardening of issue 15 (measured now: 43.9 / 46.1 KB). Issue 19 retired
 * the whole-entry target in favour of budgets per use: the ratchets per use below are what an app pays.
 * Moved up again the same day from 44.8 / 47 KB to 49.1 / 51.6 KB (measured 48.1 / 50.6 KB): issue 19 moved
 * later steps (the error alert, the recovery kit, recovery-key crypto, reading a failed answer or a failed
 * ceremony, the SSO offer, the credential rows' signing) behind import(). This bundle puts every chunk in one
 * file, so it pays each boundary's wrapper and none of the gain; what a page loads first fell by a quarter.
 * Own code moved up again the same day from 49.1 to 50.5 KB (measured 49.5 KB, was 49.0): the HTTP layer and
 * the sign-in and sign-up steps became chunks fetched at mount, three more boundaries. With SimpleWebAuthn
 * moved down from 51.6 to 50.9 KB (measured 49.8 KB, was 51.0): a registration asks
 * navigator.credentials.create itself (webauthn/browserRegistration), as a sign-in already did.
 */
const CEILING = { ownGzip: 50.5 * KB, withWebAuthnGzip: 50.9 * KB } as const;

const describeBundle = (size: BundleSize): string =>
  `${size.gzip} B gzip (${size.minified} B min); largest: ${inputsByGroup(size.inputs)
    .slice(0, 5)
    .map(([group, bytes]) => `${group} ${bytes} B`)
    .join(', ')}`;

describe('bundle budgets of the . entry', () => {
  let own: BundleSize;
  let withWebAuthn: BundleSize;

  beforeAll(async () => {
    // `npm test` builds first; the bench (`npm run bench`) also rebuilds a stale dist.
    ensureDist();
    own = await measureKit(WHOLE, OWN_EXTERNAL);
    withWebAuthn = await measureKit(WHOLE);
    console.log(`kit own code: ${describeBundle(own)}\nkit with @simplewebauthn/browser: ${describeBundle(withWebAuthn)}`);
  }, 120_000);

  it('keeps its own code out of @simplewebauthn/browser, so "own code" really excludes it', () => {
    expect(Object.keys(own.inputs).some((file) => file.includes('@simplewebauthn/browser'))).toBe(false);
    expect(Object.keys(withWebAuthn.inputs).some((file) => file.includes('@simplewebauthn/browser'))).toBe(true);
  });

  it('does not grow past today’s ceiling for its own code', () => {
    expect(own.gzip).toBeLessThanOrEqual(CEILING.ownGzip);
  });

  it('does not grow past today’s ceiling with @simplewebauthn/browser', () => {
    expect(withWebAuthn.gzip).toBeLessThanOrEqual(CEILING.withWebAuthnGzip);
  });

  it.fails('ships at most 12 KB gzip of its own code (target, not met yet)', () => {
    expect(own.gzip).toBeLessThanOrEqual(12 * KB);
  });

  it.fails('ships at most 16 KB gzip with @simplewebauthn/browser (target, not met yet)', () => {
    expect(withWebAuthn.gzip).toBeLessThanOrEqual(16 * KB);
  });
});

/**
 * Issue 19's budgets per use: what a Vite app loads with the page for what it imports (`measureUse`:
 * Vite's production build, SimpleWebAuthn included, react and react-query external, gzip per chunk),
 * beside Dfns's `WebAuthnSigner` built the same way in the same run. Code a component loads by
 * `import()` when a later step is reached (the recovery kit, the SSO offer…) is not in the first
 * load; it is printed beside it. Nor is what the kit asks for as soon as it has rendered (the HTTP
 * layer, the sign-in and sign-up steps: `FETCHED_AT_MOUNT`), which is printed and has a ceiling below.
 */
const TARGET = {
  provider: 6 * KB,
  login: { gzip: 11 * KB, ratio: 0.42 },
  anyOneComponent: { ratio: 0.6 },
  typical: { gzip: 19 * KB, ratio: 0.73 },
} as const;

/**
 * Targets not met yet: `it.fails` turns red the day the kit meets one (flip it to `it` then). Every
 * target is met since the HTTP layer and the sign-in and sign-up steps are chunks fetched at mount
 * (2026-12-06); a target missed again goes back here only with a note on the issue.
 */
const NOT_MET: ReadonlySet<string> = new Set([]);

/**
 * What a page fetches by the end of its first render's effects (first load + `FETCHED_AT_MOUNT`), for
 * the uses whose hooks fetch their steps at mount: today's figure (2026-12-06) plus about 2 %. The
 * targets are on the first load; this keeps the bytes moved behind it from growing unseen.
 */
const WITH_MOUNT_CEILING: Record<string, number> = {
  'provider + LoginWithPasskey': 12.9 * KB,
  'provider + RegisterPasskey': 14.3 * KB,
  'typical app (provider, register, login, recover)': 22.5 * KB,
};

describe('what an app loads for what it imports (issue 19)', () => {
  const peers = ensurePeers();
  const loads = new Map<string, { initial: number; mount: number; later: number }>();
  let signer = 0;

  beforeAll(async () => {
    ensureDist();
    if (peers.ok) signer = (await measureWebAuthnSignerAsApp()).initial.gzip;
    for (const [name, exports] of Object.entries(uses())) {
      const { initial, mount, later } = await measureUse(exports);
      loads.set(name, { initial: initial.gzip, mount: mount.gzip, later: later.gzip });
      console.log(
        `${name}: ${initial.gzip} B first load${signer ? ` (${(initial.gzip / signer).toFixed(2)}× WebAuthnSigner ${signer} B)` : ''}, ` +
          `+ ${mount.gzip} B fetched at mount, ${later.gzip} B in all chunks after the first load`,
      );
    }
  }, 300_000);

  const budget = (name: string, run: () => void): void => {
    (NOT_MET.has(name) ? it.fails : it)(name, run);
  };
  const first = (use: string): number => {
    const load = loads.get(use);
    if (!load) throw new Error(`no measurement of ${use}`);
    return load.initial;
  };
  const LOGIN = 'provider + LoginWithPasskey';
  const TYPICAL = 'typical app (provider, register, login, recover)';

  budget('<DfnsAuthProvider> alone loads at most 6 KB gzip', () => {
    expect(first('provider')).toBeLessThanOrEqual(TARGET.provider);
  });
  budget('provider + <LoginWithPasskey/> loads at most 11 KB gzip', () => {
    expect(first(LOGIN)).toBeLessThanOrEqual(TARGET.login.gzip);
  });
  budget('provider + <LoginWithPasskey/> loads at most 0.42× WebAuthnSigner', () => {
    expect(signer).toBeGreaterThan(15 * KB);
    expect(first(LOGIN) / signer).toBeLessThanOrEqual(TARGET.login.ratio);
  });
  for (const name of componentNamesForBudgets()) {
    budget(`provider + <${name}/> loads at most 0.6× WebAuthnSigner`, () => {
      expect(signer).toBeGreaterThan(15 * KB);
      expect(first(`provider + ${name}`) / signer).toBeLessThanOrEqual(TARGET.anyOneComponent.ratio);
    });
  }
  budget('a typical app (provider, register, login, recover) loads at most 19 KB gzip', () => {
    expect(first(TYPICAL)).toBeLessThanOrEqual(TARGET.typical.gzip);
  });
  budget('a typical app loads at most 0.73× WebAuthnSigner', () => {
    expect(signer).toBeGreaterThan(15 * KB);
    expect(first(TYPICAL) / signer).toBeLessThanOrEqual(TARGET.typical.ratio);
  });
  for (const [use, ceiling] of Object.entries(WITH_MOUNT_CEILING)) {
    it(`${use} fetches at most ${(ceiling / KB).toFixed(1)} KB by the end of mount (first load + its steps)`, () => {
      const load = loads.get(use);
      expect(load?.mount).toBeGreaterThan(0);
      expect(load!.initial + load!.mount).toBeLessThanOrEqual(ceiling);
    });
  }
});

describe('what each part of the . entry costs (the bench table that says where to cut)', () => {
  it('splits the bundle into the kit folders and packages, each adding gzip bytes, near the real total', async () => {
    const [byPart, whole] = await Promise.all([marginalGzipByPart(), measureKit(WHOLE)]);
    const names = byPart.parts.map((p) => p.part);
    expect(names).toEqual(expect.arrayContaining(['hooks', 'components', 'components/parts', 'api', 'messages', '@simplewebauthn/browser']));
    // Every part costs something, and gzip shares repeated text, so the parts add up to less than the total.
    expect(byPart.parts.every((p) => p.gzip > 0 && p.minified > 0)).toBe(true);
    expect(byPart.parts.reduce((sum, p) => sum + p.gzip, 0)).toBeLessThan(byPart.total);
    expect(Math.abs(byPart.total - whole.gzip) / whole.gzip).toBeLessThan(0.1);
  }, 120_000);
});

describe('bundle budgets of the endpoint hooks', () => {
  it('keeps every endpoint hook within 1.5 KB gzip of its own', async () => {
    const { base, hooks } = await endpointHookCosts();
    const over = Object.entries(hooks)
      .filter(([, cost]) => cost.ownGzip > 1.5 * KB)
      .map(([name, cost]) => `${name} ${cost.ownGzip} B`);
    console.log(`shared hook base: ${base.gzip} B gzip; largest own: ${Math.max(...Object.values(hooks).map((c) => c.ownGzip))} B`);
    expect(over).toEqual([]);
    // The definition only means something when each hook is bigger than the base it contains.
    expect(Object.values(hooks).every((cost) => cost.ownGzip > 0)).toBe(true);
  }, 120_000);
});

describe('the kit beside Dfns’s own SDK', () => {
  const peers = ensurePeers();

  it.skipIf(!peers.ok)('measures @dfns/sdk-browser WebAuthnSigner from bench/peers', async () => {
    const signer = await measureWebAuthnSigner();
    // 0.6.12 bundles every generated API client plus buffer, cross-fetch and uuid: about 25 KB gzip.
    expect(signer.gzip).toBeGreaterThan(15 * KB);
    expect(Object.keys(signer.inputs).some((file) => file.includes('@dfns/sdk-browser'))).toBe(true);
  });

  it.skipIf(!peers.ok).fails('costs at most 0.7× WebAuthnSigner alone, dependencies included (target, not met yet)', async () => {
    const [kit, signer] = await Promise.all([measureKit(WHOLE), measureWebAuthnSigner()]);
    console.log(`kit ${kit.gzip} B ÷ WebAuthnSigner ${signer.gzip} B = ${(kit.gzip / signer.gzip).toFixed(2)}`);
    expect(kit.gzip / signer.gzip).toBeLessThanOrEqual(0.7);
  });

  if (!peers.ok) {
    it.skip(`compares with WebAuthnSigner: skipped, bench/peers could not be installed (${peers.reason})`, () => {});
  }
});
