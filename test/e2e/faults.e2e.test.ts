import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { Harness } from './support/browser';
import {
  alertCode,
  kitRoot,
  loginWithUsername,
  openFlow,
  registerStandard,
  saveRecoveryKit,
  submitRegistration,
  waitForStatus,
  type ShownKit,
} from './support/kitPage';
import { expectNoSecretsLeft } from './support/secrets';
import type { AppParams, Stack } from './support/stack';
import { useE2E } from './support/useE2E';

const e2e = useE2E();

/** What one case has to work with while it runs. */
interface CaseContext {
  h: Harness;
  stack: Stack;
  username: string;
  /** Secrets the user typed, to look for afterwards. */
  secrets: string[];
  /** The recovery kit of the `recover` target's user. */
  kit?: ShownKit;
}

/** Which flow a case breaks: each knows how to start it, where its challenge comes from, and how it ends well. */
type Target = 'register' | 'login' | 'recover' | 'recover-delegated' | 'add-passkey' | 'wallet';

/** One row of the fault matrix. */
interface FaultCase {
  name: string;
  target?: Target;
  /** App query parameters for this case (a wrong rp id, a short timeout). */
  params?: Omit<AppParams, 'flow'>;
  /** Breaks things before the flow starts (a fault, a route, an init script, the authenticator). */
  arrange?: (ctx: CaseContext) => Promise<void>;
  /** Drives the flow into the error; the default submits the target's form. */
  act?: (ctx: CaseContext, root: Locator) => Promise<void>;
  /** The kit error code the alert must carry. */
  code: string;
  /** Undoes what `arrange` broke, before the retry. Faults with `times: 1` heal themselves. */
  heal?: (ctx: CaseContext) => Promise<void>;
  /**
   * The buttons the alert offers, in order; the exact list, so what is not in it is not offered.
   * Default `['Try again', 'Back']`: a retryable error on a form the user can go back to.
   */
  actions?: string[];
  /**
   * What the user does about it. `Try again` (default): the retry fetches a fresh challenge and the
   * flow succeeds. `Back`: not retryable, so back to the form and submit it again. `fix-field`: the
   * error sits under its field, the form stays, the user corrects the field and submits. `none`:
   * only the site's owner can fix it (no WebAuthn, a wrong rp id), so nothing is offered at all.
   */
  recovery?: 'Try again' | 'Back' | 'fix-field' | 'none';
  /** The field a `fix-field` error is said under. */
  field?: string;
  /** Seconds of the Try again countdown (a 429's `Retry-After`), checked before it runs out. */
  countdown?: number;
  /**
   * `fresh` (default): the retry fetched a challenge never seen before. `reused-unsent`: the error
   * happened before the challenge was ever sent back (a wrong recovery code fails to decrypt in the
   * page), so the kit deliberately keeps that still-valid challenge and does not fetch another.
   */
  challenge?: 'fresh' | 'reused-unsent';
  /** A kit bug makes this case fail: it runs as `it.fails` and names the bug. */
  knownBug?: string;
  /** How the known bug shows; any other failure turns the `it.fails` red. */
  knownBugSymptom?: RegExp;
}

const REGISTRATION_INIT = '/auth/registration/init';

/** A fault on one endpoint, for the next request only. */
function fault(spec: { method?: string; path: string; status?: number; body?: string; headers?: Record<string, string>; drop?: true; latencyMs?: number }) {
  return async ({ stack }: CaseContext): Promise<void> => {
    await stack.admin('POST', '/faults', { times: 1, ...spec });
  };
}

const CASES: FaultCase[] = [
  {
    name: 'the user cancels the passkey prompt',
    arrange: async ({ h }) => {
      await h.cdp.send('WebAuthn.setUserVerified', { authenticatorId: h.authenticatorId, isUserVerified: false });
    },
    code: 'passkey_cancelled',
    heal: async ({ h }) => {
      await h.cdp.send('WebAuthn.setUserVerified', { authenticatorId: h.authenticatorId, isUserVerified: true });
    },
  },
  {
    name: 'the authenticator never answers (the prompt times out)',
    params: { timeout: 1500 },
    arrange: async ({ h }) => {
      await h.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: h.authenticatorId });
    },
    code: 'passkey_cancelled',
    heal: ({ h }) => h.replaceAuthenticator(),
  },
  {
    name: 'the authenticator already holds a passkey of this user',
    target: 'add-passkey',
    code: 'passkey_already_registered',
    // Not retryable (the same authenticator refuses again): Back to the form, then another device.
    // No Sign in instead: the user is signed in already and the app passes no onSignInInstead.
    actions: ['Back'],
    recovery: 'Back',
  },
  {
    name: 'the app is configured with an rp id that is not the page host',
    params: { rp: 'example.com' },
    code: 'passkey_invalid_domain',
    actions: [],
    recovery: 'none',
  },
  {
    name: 'the browser has no WebAuthn',
    arrange: async ({ h }) => {
      await h.page.addInitScript(() => {
        delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
      });
    },
    code: 'webauthn_unsupported',
    actions: [],
    recovery: 'none',
  },
  {
    name: 'the connection drops while fetching the challenge',
    // No `times`: Chromium silently resends a request whose reused connection was reset once.
    arrange: ({ stack }) => stack.admin('POST', '/faults', { path: REGISTRATION_INIT, drop: true }),
    code: 'network_error',
    heal: ({ stack }) => stack.admin('DELETE', '/faults'),
  },
  {
    name: 'the network goes down after the passkey prompt',
    arrange: async ({ h }) => {
      await h.page.route('**/auth/registration', (route) => route.abort('internetdisconnected'), { times: 1 });
    },
    code: 'network_error',
  },
  // A 4xx is an answer about the request, not a passing failure: Back to the form (nothing to wait for).
  {
    name: 'Dfns answers 400 with a JSON error',
    arrange: fault({ path: REGISTRATION_INIT, status: 400 }),
    code: 'http_error',
    actions: ['Back'],
    recovery: 'Back',
  },
  {
    name: 'a proxy answers 403 with an HTML page',
    arrange: fault({ path: REGISTRATION_INIT, status: 403, body: '<html><body><h1>403 Forbidden</h1></body></html>' }),
    code: 'forbidden',
    actions: ['Back'],
    recovery: 'Back',
  },
  { name: 'Dfns answers 500', arrange: fault({ path: REGISTRATION_INIT, status: 500 }), code: 'server_error' },
  {
    name: 'Dfns rate-limits the request (429, Retry-After: 2)',
    // A short Retry-After keeps the case quick; without one the alert would count 5 s.
    arrange: fault({ path: REGISTRATION_INIT, status: 429, headers: { 'retry-after': '2' } }),
    code: 'rate_limited',
    countdown: 2,
  },
  {
    name: 'a 200 challenge misses a required field',
    arrange: fault({ path: REGISTRATION_INIT, status: 200, body: JSON.stringify({ user: { id: 'us-1', name: 'x', displayName: 'x' } }) }),
    code: 'invalid_response',
    actions: ['Back'],
    recovery: 'Back',
  },
  {
    name: 'a 200 challenge has a field of the wrong type',
    arrange: fault({
      path: REGISTRATION_INIT,
      status: 200,
      body: JSON.stringify({ challenge: 42, temporaryAuthenticationToken: 7, rp: 'nope', user: [], supportedCredentialKinds: {} }),
    }),
    code: 'invalid_response',
    actions: ['Back'],
    recovery: 'Back',
  },
  {
    name: 'a 200 answer has an empty body',
    arrange: fault({ path: REGISTRATION_INIT, status: 200, body: '' }),
    code: 'invalid_response',
    actions: ['Back'],
    recovery: 'Back',
  },
  {
    name: 'the temporary token expired before the registration completed',
    // The emulator's own answer for an expired token (401, "temporary authentication token has expired").
    arrange: fault({
      method: 'POST',
      path: '/auth/registration',
      status: 401,
      body: JSON.stringify({ error: { status: 401, message: 'temporary authentication token has expired' } }),
    }),
    code: 'unauthorized',
    // Submitting the form again starts over with a new challenge and token.
    actions: ['Back'],
    recovery: 'Back',
  },
  {
    name: 'the user types a wrong recovery code',
    target: 'recover',
    act: async ({ kit }, root) => {
      const code = kit!.recoveryCode;
      await fillRecovery(root, `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`, kit!.recoveryKeyId);
    },
    code: 'recovery_code_invalid',
    recovery: 'fix-field',
    field: 'Recovery code',
    challenge: 'reused-unsent',
  },
  {
    name: 'the user types an unknown recovery key id',
    target: 'recover',
    act: async ({ kit }, root) => fillRecovery(root, kit!.recoveryCode, 'cr-00000-00000-0000000000000000'),
    code: 'recovery_key_not_found',
    recovery: 'fix-field',
    field: 'Recovery key ID',
  },
  // The signed action: a retryable failure offers Try again only (Back would drop the request).
  {
    name: 'Dfns answers 500 to a signed wallet creation',
    target: 'wallet',
    arrange: fault({ method: 'POST', path: '/wallets', status: 500 }),
    code: 'server_error',
    actions: ['Try again'],
  },
  {
    name: 'the connection drops while signing a user action',
    target: 'wallet',
    arrange: ({ stack }) => stack.admin('POST', '/faults', { method: 'POST', path: '/auth/action', drop: true }),
    code: 'network_error',
    actions: ['Try again'],
    heal: ({ stack }) => stack.admin('DELETE', '/faults'),
  },
  { name: 'Dfns answers 503 to the add-passkey challenge', target: 'add-passkey', arrange: fault({ path: '/auth/credentials/init', status: 503 }), code: 'server_error' },
  { name: 'Dfns answers 503 to the login challenge', target: 'login', arrange: fault({ path: '/auth/login/init', status: 503 }), code: 'server_error' },
  {
    name: 'Dfns refuses the signed login (401)',
    target: 'login',
    arrange: fault({ method: 'POST', path: '/auth/login', status: 401 }),
    code: 'unauthorized',
    actions: ['Back'],
    recovery: 'Back',
  },
  {
    name: 'the backend relays a 404 for an unknown recovery key id (delegated recovery)',
    target: 'recover-delegated',
    act: async ({ kit }, root) => fillRecovery(root, kit!.recoveryCode, 'cr-00000-00000-0000000000000000'),
    code: 'recovery_key_not_found',
    recovery: 'fix-field',
    field: 'Recovery key ID',
  },
];

/** Fills the delegated recovery form and submits it. */
async function fillRecovery(root: Locator, recoveryCode: string, recoveryKeyId: string): Promise<void> {
  await root.getByLabel('Recovery code').fill(recoveryCode);
  await root.getByLabel('Recovery key ID').fill(recoveryKeyId);
  await root.getByRole('button', { name: 'Recover account' }).click();
}

/** Per target: the component, the endpoint its challenge comes from, and how to start and finish it. */
const TARGETS: Record<
  Target,
  {
    component: string;
    challengePath: string;
    prepare(ctx: CaseContext, params: Omit<AppParams, 'flow'>): Promise<Locator>;
    start(ctx: CaseContext, root: Locator): Promise<void>;
    /** What the user does before trying again, whatever the fault was (e.g. use another device). */
    beforeRetry?(ctx: CaseContext): Promise<void>;
    finish(ctx: CaseContext, root: Locator): Promise<void>;
  }
> = {
  register: {
    component: 'RegisterPasskey',
    challengePath: REGISTRATION_INIT,
    async prepare(ctx, params) {
      const code = await ctx.stack.createUser(ctx.username);
      ctx.secrets.push(code);
      return openFlow(ctx.h, ctx.stack, 'register', 'RegisterPasskey', params);
    },
    start: (ctx, root) => submitRegistration(root, ctx.username, ctx.secrets[0]),
    async finish(ctx, root) {
      await waitForStatus(ctx.h.page, 'RegisterPasskey', 'showing-recovery-kit');
      ctx.secrets.push((await saveRecoveryKit(ctx.h.page, root)).recoveryCode);
      await waitForStatus(ctx.h.page, 'RegisterPasskey', 'success');
    },
  },
  login: {
    component: 'LoginWithPasskey',
    challengePath: '/auth/login/init',
    async prepare(ctx, params) {
      await registerStandard(ctx.h, ctx.stack, ctx.username).then((kit) => ctx.secrets.push(kit.registrationCode, kit.recoveryCode));
      return openFlow(ctx.h, ctx.stack, 'login', 'LoginWithPasskey', { ...params, autofill: false });
    },
    async start(ctx, root) {
      await root.getByLabel('Email or username').fill(ctx.username);
      await root.getByRole('button', { name: 'Continue', exact: true }).click();
    },
    async finish(ctx) {
      await waitForStatus(ctx.h.page, 'LoginWithPasskey', 'success');
      await ctx.h.page.getByTestId('account').waitFor();
    },
  },
  recover: {
    component: 'RecoverAccount',
    challengePath: '/auth/recover/user/init',
    async prepare(ctx, params) {
      const kit = await registerStandard(ctx.h, ctx.stack, ctx.username);
      ctx.kit = kit;
      ctx.secrets.push(kit.registrationCode, kit.recoveryCode);
      // The lost device: the new passkey goes on a fresh authenticator.
      await ctx.h.replaceAuthenticator();
      const root = await openFlow(ctx.h, ctx.stack, 'recover', 'RecoverAccount', params);
      await root.getByLabel('Email or username').fill(ctx.username);
      await root.getByRole('button', { name: 'Send verification code' }).click();
      await waitForStatus(ctx.h.page, 'RecoverAccount', 'code-sent');
      const code = await ctx.stack.lastCode(ctx.username, 'recovery');
      ctx.secrets.push(code);
      await root.getByLabel('Verification code').fill(code);
      return root;
    },
    start: (ctx, root) => fillRecovery(root, ctx.kit!.recoveryCode, ctx.kit!.recoveryKeyId),
    finish: finishRecovery,
  },
  'recover-delegated': {
    component: 'RecoverAccount',
    challengePath: '/api/recover/delegated',
    async prepare(ctx, params) {
      let root = await openFlow(ctx.h, ctx.stack, 'register-delegated', 'RegisterPasskey');
      await submitRegistration(root, ctx.username);
      await waitForStatus(ctx.h.page, 'RegisterPasskey', 'showing-recovery-kit');
      ctx.kit = await saveRecoveryKit(ctx.h.page, root);
      ctx.secrets.push(ctx.kit.recoveryCode);
      await waitForStatus(ctx.h.page, 'RegisterPasskey', 'success');
      await ctx.h.replaceAuthenticator();
      root = await openFlow(ctx.h, ctx.stack, 'recover-delegated', 'RecoverAccount', params);
      await root.getByLabel('Email or username').fill(ctx.username);
      return root;
    },
    start: (ctx, root) => fillRecovery(root, ctx.kit!.recoveryCode, ctx.kit!.recoveryKeyId),
    finish: finishRecovery,
  },
  'add-passkey': {
    component: 'AddPasskey',
    challengePath: '/auth/credentials/init',
    async prepare(ctx) {
      await registerStandard(ctx.h, ctx.stack, ctx.username).then((kit) => ctx.secrets.push(kit.registrationCode, kit.recoveryCode));
      await loginWithUsername(ctx.h, ctx.stack, ctx.username);
      return kitRoot(ctx.h.page, 'AddPasskey');
    },
    start: (_ctx, root) => root.getByRole('button', { name: 'Add passkey' }).click(),
    async beforeRetry({ h }) {
      // This authenticator is excluded (it holds the user's passkey): the user picks another
      // device, where the first passkey still signs the user action once the new one exists.
      const { credentials } = await h.cdp.send('WebAuthn.getCredentials', { authenticatorId: h.authenticatorId });
      const first = credentials[0]!;
      await h.replaceAuthenticator();
      await h.page.route('**/auth/action/init', async (route) => {
        if (h.requestsTo('/auth/credentials/init').length > 1) {
          await h.cdp.send('WebAuthn.addCredential', { authenticatorId: h.authenticatorId, credential: { ...first, isResidentCredential: false } });
        }
        await route.continue();
      });
    },
    finish: (ctx) => waitForStatus(ctx.h.page, 'AddPasskey', 'success'),
  },
  wallet: {
    component: 'ConfirmUserAction',
    challengePath: '/auth/action/init',
    async prepare(ctx) {
      await registerStandard(ctx.h, ctx.stack, ctx.username).then((kit) => ctx.secrets.push(kit.registrationCode, kit.recoveryCode));
      await loginWithUsername(ctx.h, ctx.stack, ctx.username);
      return kitRoot(ctx.h.page, 'ConfirmUserAction');
    },
    start: (_ctx, root) => root.getByRole('button', { name: 'Confirm with passkey' }).click(),
    async finish(ctx) {
      await waitForStatus(ctx.h.page, 'ConfirmUserAction', 'success');
      await expect(ctx.h.page.getByTestId('wallet-result').innerText()).resolves.toMatch(/^created wa-/);
    },
  },
};

/** The new passkey prompt, the new kit, and the recovered account. */
async function finishRecovery(ctx: CaseContext, root: Locator): Promise<void> {
  await waitForStatus(ctx.h.page, 'RecoverAccount', 'awaiting-authenticator');
  await root.getByRole('button', { name: 'Create new passkey' }).click();
  await waitForStatus(ctx.h.page, 'RecoverAccount', 'showing-recovery-kit');
  ctx.secrets.push((await saveRecoveryKit(ctx.h.page, root)).recoveryCode);
  await waitForStatus(ctx.h.page, 'RecoverAccount', 'success');
}

/** The labels of the actions an alert offers, in order (not its Copy reference link). */
function actionsOf(alert: Locator): Promise<string[]> {
  return alert.locator('.dfns-actions button').evaluateAll((buttons) => buttons.map((button) => button.textContent?.trim() ?? ''));
}

/** The challenge strings a target's challenge endpoint handed out so far. */
function challengesSeen(h: Harness, path: string): string[] {
  return h.responses
    .filter((response) => response.path === path && response.status === 200)
    .map((response) => (response.body as { challenge?: unknown } | undefined)?.challenge)
    .filter((challenge): challenge is string => typeof challenge === 'string');
}

describe('the fault matrix: every failure ends in a typed alert offering the action that fits, which works', () => {
  it('has at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  const rows = CASES.map((row, index) => ({ ...row, index }));
  it.each(rows.filter((row) => !row.knownBug))('$name → $code', (row) => runCase(row));
  // Each names its kit bug in `knownBug`; it turns red the day the bug is fixed.
  const knownBugs = rows.filter((row) => row.knownBug);
  if (knownBugs.length > 0) it.fails.each(knownBugs)('KNOWN KIT BUG: $name → $code', async (row) => {
    try {
      await runCase(row);
    } catch (error) {
      // Only the named symptom counts as the expected failure; anything else must show up red.
      if (row.knownBugSymptom?.test(String(error))) throw error;
      console.error(`unexpected failure in a known-bug case: ${String(error)}`);
    }
  });
});

/** Breaks the flow as the row says, checks the typed alert, retries, and checks what is left behind. */
async function runCase(row: FaultCase & { index: number }): Promise<void> {
  {
    const { h, stack } = e2e;
    const target = TARGETS[row.target ?? 'register'];
    const ctx: CaseContext = { h, stack, username: `fault${row.index}@example.com`, secrets: [] };
    const root = await target.prepare(ctx, row.params ?? {});
    await row.arrange?.(ctx);
    if (row.arrange && row.name === 'the browser has no WebAuthn') {
      // The init script applies from the next navigation on.
      await h.page.reload();
      await root.waitFor();
    }
    const before = h.requestsTo(target.challengePath).length;
    await (row.act ?? target.start)(ctx, root);

    await waitForStatus(h.page, target.component, 'error');
    expect(await alertCode(root)).toBe(row.code);
    const alert = root.getByRole('alert');
    await expect(alert.innerText()).resolves.not.toMatch(/undefined|\[object/);
    const recovery = row.recovery ?? 'Try again';

    if (recovery === 'fix-field' || recovery === 'none') {
      // No action in the alert: a field error is fixed in its field; a setup error only by the site.
      expect(row.actions ?? []).toEqual([]);
      expect(await actionsOf(alert)).toEqual([]);
    } else if (row.countdown !== undefined) {
      // Try again counts the server's wait down, disabled until it ran out; Back is there at once.
      const counting = alert.getByRole('button', { name: /^Try again in \d+ s$/ });
      expect(await counting.getAttribute('aria-disabled')).toBe('true');
      const seconds = Number(/(\d+) s$/.exec(await counting.innerText())![1]);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(row.countdown);
      expect(await actionsOf(alert)).toEqual([`Try again in ${seconds} s`, 'Back']);
      const countedAt = Date.now();
      await alert.getByRole('button', { name: 'Try again', exact: true }).waitFor();
      // It waited for the server's answer to run out (not the 5 s default for a 429 without one).
      expect(Date.now() - countedAt).toBeLessThan(row.countdown * 1000 + 1500);
      expect(await actionsOf(alert)).toEqual(['Try again', 'Back']);
    } else {
      expect(await actionsOf(alert)).toEqual(row.actions ?? ['Try again', 'Back']);
    }

    if (recovery === 'none') {
      // Nothing to click anywhere in the component (no Try again, no Back, no Cancel: the app passes no onCancel).
      expect(await root.getByRole('button').count()).toBe(0);
      await expectNoSecretsLeft(h, ctx.secrets);
      return;
    }

    await row.heal?.(ctx);
    await target.beforeRetry?.(ctx);
    const challengesBefore = challengesSeen(h, target.challengePath);
    const attempts = h.requestsTo(target.challengePath).length;
    if (recovery === 'Try again') {
      await alert.getByRole('button', { name: 'Try again', exact: true }).click();
    } else if (recovery === 'Back') {
      await alert.getByRole('button', { name: 'Back', exact: true }).click();
      await waitForStatus(h.page, target.component, 'idle');
      await target.start(ctx, root);
    } else {
      // The form stayed, the mistake marked on its field; the user corrects it and submits again.
      await expect(root.getByLabel(row.field!).getAttribute('aria-invalid')).resolves.toBe('true');
      await target.start(ctx, root);
    }

    await target.finish(ctx, root);
    // The retry asked for a NEW challenge: one more request, and a challenge never seen before.
    const fresh = challengesSeen(h, target.challengePath).at(-1);
    expect(fresh).toBeDefined();
    if ((row.challenge ?? 'fresh') === 'fresh') {
      expect(h.requestsTo(target.challengePath).length).toBeGreaterThan(attempts);
      expect(challengesBefore).not.toContain(fresh);
    } else {
      expect(h.requestsTo(target.challengePath).length).toBe(attempts);
      expect(challengesBefore).toEqual([fresh]);
    }
    expect(h.requestsTo(target.challengePath).length).toBeGreaterThan(before);
    await expectNoSecretsLeft(h, ctx.secrets);
  }
}

describe('the user stops a slow or repeated flow', () => {
  it('closes the flow while the passkey prompt is open without an uncaught error, and a new one works', async () => {
    const { h, stack } = e2e;
    const code = await stack.createUser('prompt@example.com');
    // No authenticator answers, so the prompt stays open (for the kit's 60 s default timeout).
    await h.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: h.authenticatorId });
    const root = await openFlow(h, stack, 'register', 'RegisterPasskey');
    await submitRegistration(root, 'prompt@example.com', code);
    await waitForStatus(h.page, 'RegisterPasskey', 'awaiting-authenticator');
    await h.page.getByTestId('toggle-flow').click();
    await root.waitFor({ state: 'detached' });
    await h.replaceAuthenticator();
    await h.page.getByTestId('toggle-flow').click();
    const again = kitRoot(h.page, 'RegisterPasskey');
    await waitForStatus(h.page, 'RegisterPasskey', 'idle');
    await submitRegistration(again, 'prompt@example.com', code);
    await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
    await saveRecoveryKit(h.page, again);
    await waitForStatus(h.page, 'RegisterPasskey', 'success');
    // The second attempt asked for its own challenge.
    expect(h.requestsTo(REGISTRATION_INIT)).toHaveLength(2);
    await expectNoSecretsLeft(h, [code]);
  });

  it('closes the flow while the challenge is on its way without an uncaught error, and a new one works', async () => {
    const { h, stack } = e2e;
    const code = await stack.createUser('unmount@example.com');
    await stack.admin('POST', '/faults', { path: REGISTRATION_INIT, latencyMs: 3000, times: 1 });
    const root = await openFlow(h, stack, 'register', 'RegisterPasskey');
    await submitRegistration(root, 'unmount@example.com', code);
    await waitForStatus(h.page, 'RegisterPasskey', 'fetching-challenge');
    await h.page.getByTestId('toggle-flow').click();
    await root.waitFor({ state: 'detached' });
    await h.page.getByTestId('toggle-flow').click();
    const again = kitRoot(h.page, 'RegisterPasskey');
    await waitForStatus(h.page, 'RegisterPasskey', 'idle');
    await submitRegistration(again, 'unmount@example.com', code);
    await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
    await saveRecoveryKit(h.page, again);
    await waitForStatus(h.page, 'RegisterPasskey', 'success');
    await expectNoSecretsLeft(h, [code]);
  });

  it('sends one request for a double click', async () => {
    const { h, stack } = e2e;
    const code = await stack.createUser('double@example.com');
    const root = await openFlow(h, stack, 'register', 'RegisterPasskey');
    await root.getByLabel('Email or username').fill('double@example.com');
    await root.getByLabel('Registration code').fill(code);
    await root.getByRole('button', { name: 'Create passkey' }).dblclick();
    await waitForStatus(h.page, 'RegisterPasskey', 'showing-recovery-kit');
    await saveRecoveryKit(h.page, root);
    await waitForStatus(h.page, 'RegisterPasskey', 'success');
    expect(h.requestsTo(REGISTRATION_INIT)).toHaveLength(1);
    expect(h.requestsTo('/auth/registration', 'POST')).toHaveLength(1);
  });

  it('lets the user cancel a 5-second answer, then sends the code again', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'slow@example.com');
    await stack.admin('POST', '/faults', { path: '/auth/recover/user/code', latencyMs: 5000, times: 1 });
    // Cancel is offered only when the app handles it (onCancel): the example app's ?cancel=1.
    const root = await openFlow(h, stack, 'recover', 'RecoverAccount', { cancel: true });
    await root.getByLabel('Email or username').fill('slow@example.com');
    await root.getByRole('button', { name: 'Send verification code' }).click();
    await waitForStatus(h.page, 'RecoverAccount', 'sending-code');
    const cancelledAt = Date.now();
    await root.getByRole('button', { name: 'Cancel' }).click();
    await waitForStatus(h.page, 'RecoverAccount', 'idle');
    // The app heard it (its onCancel ran once).
    await expect(h.page.getByTestId('cancelled').innerText()).resolves.toBe('Cancelled 1×.');
    // Back at once, not after the slow answer.
    expect(Date.now() - cancelledAt).toBeLessThan(4000);
    await root.getByRole('button', { name: 'Send verification code' }).click();
    await waitForStatus(h.page, 'RecoverAccount', 'code-sent', 10_000);
    expect(h.requestsTo('/auth/recover/user/code')).toHaveLength(2);
  });
});
