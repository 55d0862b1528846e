/// <reference types="@vitest/browser-playwright" />
/// <reference types="vite/client" />
/**
 * Screenshots of what a person sees while a later step's chunk is on its way or cannot arrive
 * (issue 19), in light, dark and German, with the kit's stylesheet: the recovery kit step's heading
 * while its panel loads (and when it cannot arrive), the error alert when its own code cannot arrive,
 * a credential row's busy button while its actions load, and a sign-in or sign-up whose steps did
 * not arrive. The same
 * conventions as `screenshots.browser.test.tsx` (one cell per state, shots in __screenshots__/shots,
 * copied to /tmp/shots/components/); a file of its own because each chunk is one module state for
 * the whole file, held or failed through `vi.mock`, so the groups run in an order that never lets a
 * chunk a later group must fail arrive first.
 *
 * Runs only when asked: `SCREENSHOTS=1 npx vitest run --project browser test/components/chunkScreenshots.browser.test.tsx`.
 */
import '../../src/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { ReactNode } from 'react';
import { page } from 'vitest/browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { completeRegistration, initRegistration } from '../../src/api/registration';
import { AddPasskey } from '../../src/components/AddPasskey';
import { ConfirmUserAction } from '../../src/components/ConfirmUserAction';
import { CreateRecoveryKey } from '../../src/components/CreateRecoveryKey';
import { CredentialList } from '../../src/components/CredentialList';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { createDfnsEmulator, type DfnsEmulator } from '../../src/emulator/index';
import { dfnsEmulatorHandlers } from '../../src/emulator/msw';
import { createRecoveryKey } from '../../src/keys/recoveryKey';
import { germanMessages } from '../../src/messages/de';
import { englishMessages } from '../../src/messages/en';
import type { DfnsMessages } from '../../src/messages/types';
import type { DfnsTheme } from '../../src/provider/DfnsAuthContext';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createFakeAuthenticator, createSoftwareAuthenticator } from '../../src/testing/index';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { createPasskey } from '../../src/webauthn/createPasskey';
import { BASE_URL, directClient, RP } from './browserKit';

/**
 * Each chunk as a test holds it: `pass` (arrives), `fail` (the import rejects, as over a dropped
 * connection) or `hold` (on its way until `drop` rejects it, so the next group can fail it again).
 * Each group names the chunks that arrive or wait; every other one fails, so no group lets a chunk
 * arrive (for good) that a later group must hold or fail.
 */
const chunks = vi.hoisted(() => {
  type Mode = 'pass' | 'fail' | 'hold';
  const control = () => ({ mode: 'fail' as Mode, held: [] as Array<(reason: unknown) => void> });
  const all = {
    errorAlert: control(),
    loginSteps: control(),
    registerSteps: control(),
    recoveryKitPanel: control(),
    rowActions: control(),
  };
  /**
   * The module `actual` with its export `name` replaced by a thenable that `control` answers at each
   * load. In the browser a mocked module reads its factory's exports once (a getter would be asked
   * only then), but the kit reads the export inside the import's `.then`, and a thenable returned
   * there is asked again at each load: the chunk arrives, fails as over a dropped connection, or waits.
   */
  const chunkOf = (actual: Record<string, unknown>, name: string, c: ReturnType<typeof control>) => ({
    ...actual,
    [name]: {
      then(resolve: (value: unknown) => void, reject: (reason: unknown) => void) {
        if (c.mode === 'fail') reject(new TypeError('Failed to fetch dynamically imported module'));
        else if (c.mode === 'hold') c.held.push(reject);
        else resolve(actual[name]);
      },
    },
  });
  /** Ends every held load as a failure: the chunk is not here, and the next load asks again. */
  const drop = (c: ReturnType<typeof control>) => {
    c.held.splice(0).forEach((reject) => reject(new TypeError('Failed to fetch dynamically imported module')));
  };
  return { all, chunkOf, drop };
});
vi.mock('../../src/components/parts/ErrorAlertView', async (importActual) =>
  chunks.chunkOf(await importActual<Record<string, unknown>>(), 'ErrorAlertView', chunks.all.errorAlert),
);
vi.mock('../../src/hooks/loginSteps', async (importActual) =>
  chunks.chunkOf(await importActual<Record<string, unknown>>(), 'loginSteps', chunks.all.loginSteps),
);
vi.mock('../../src/hooks/registerSteps', async (importActual) =>
  chunks.chunkOf(await importActual<Record<string, unknown>>(), 'registerSteps', chunks.all.registerSteps),
);
vi.mock('../../src/components/parts/RecoveryKitPanel', async (importActual) =>
  chunks.chunkOf(await importActual<Record<string, unknown>>(), 'RecoveryKitPanel', chunks.all.recoveryKitPanel),
);
vi.mock('../../src/components/parts/CredentialRowActions', async (importActual) =>
  chunks.chunkOf(await importActual<Record<string, unknown>>(), 'CredentialRowActions', chunks.all.rowActions),
);

const env: Record<string, unknown> = import.meta.env;
const enabled = env['VITE_SCREENSHOTS'] === '1' || env['SCREENSHOTS'] === '1';
/** As in screenshots.browser.test.tsx: inside the project (Vite refuses writes outside its root), gitignored. */
const OUT = '__screenshots__/shots';

interface Variant {
  name: 'light' | 'dark' | 'de';
  theme: DfnsTheme;
  messages: DfnsMessages;
}
const VARIANTS: Variant[] = [
  { name: 'light', theme: 'light', messages: englishMessages },
  { name: 'dark', theme: 'dark', messages: englishMessages },
  { name: 'de', theme: 'light', messages: germanMessages },
];

/** One state of a component: how to render it and how to drive it there inside its cell. */
interface Cell {
  component: string;
  state: string;
  ui: ReactNode;
  authenticator?: PasskeyAuthenticator | undefined;
  token?: string | undefined;
  drive?: ((cell: HTMLElement) => Promise<void>) | undefined;
}

/** States that need the same chunks in the same state, shot together. */
interface Group {
  name: string;
  /** The chunks that arrive or wait in this group, and any that fail first; the others fail. */
  chunks: Partial<Record<keyof typeof chunks.all, 'pass' | 'fail' | 'hold'>>;
  cells: (v: Variant) => Promise<Cell[]>;
}

let worker: SetupWorker;
let emulator: DfnsEmulator;
let userCount = 0;

const software = () => createSoftwareAuthenticator({ origin: location.origin, rpId: 'localhost' });
const user = () => userEvent.setup();
const statusOf = (cell: HTMLElement) => cell.querySelector('section')?.getAttribute('data-status');
const reach = (cell: HTMLElement, status: string) => waitFor(() => expect(statusOf(cell)).toBe(status), { timeout: 8000 });
const click = async (cell: HTMLElement, name: string) => user().click(within(cell).getByRole('button', { name }));
const field = (cell: HTMLElement, name: string) => within(cell).getByRole('textbox', { name });

/** A fresh user with a passkey on `authenticator` (and a recovery key, whose kit values it returns), logged in. */
async function member(authenticator: PasskeyAuthenticator, { recovery = false } = {}) {
  userCount += 1;
  const username = `member${userCount}@example.com`;
  const { registrationCode } = emulator.createUser({ username });
  const client = directClient(emulator);
  const challenge = await initRegistration(client, { username, registrationCode });
  const passkey = await createPasskey(challenge, { rp: RP, authenticator });
  const recoveryKey = recovery ? await createRecoveryKey({ challenge }) : undefined;
  await completeRegistration(client, {
    temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
    credentials: recoveryKey
      ? { firstFactorCredential: { ...passkey, credentialName: 'MacBook Pro' }, recoveryCredential: recoveryKey.credential }
      : { firstFactorCredential: { ...passkey, credentialName: 'MacBook Pro' } },
  });
  return { username, token: await emulator.loginAs(username), recoveryKey };
}

/** An invited user's name and registration code. */
function invite() {
  userCount += 1;
  const username = `invited${userCount}@example.com`;
  return { username, registrationCode: emulator.createUser({ username }).registrationCode };
}

/** The groups, in the order they must run (see the file's comment). */
const GROUPS: Group[] = [
  {
    // First: nothing has loaded the alert's code yet. Flows whose own steps are not held here.
    name: 'alert-unavailable',
    chunks: {},
    cells: async (v) => {
      const { token } = await member(software());
      // The flow's own error is a passkey one: the alert reads network_error only as its stand-in.
      const unavailable = async (cell: HTMLElement) => {
        await reach(cell, 'error');
        await waitFor(() => expect(within(cell).getByRole('alert')).toHaveAttribute('data-code', 'network_error'));
      };
      return [
        {
          component: 'AddPasskey',
          state: 'alert-unavailable',
          token,
          authenticator: createFakeAuthenticator({ create: 'already-registered' }),
          ui: <AddPasskey />,
          drive: async (cell) => {
            await click(cell, v.messages.buttons.addPasskey);
            await unavailable(cell);
          },
        },
        {
          component: 'ConfirmUserAction',
          state: 'alert-unavailable',
          token,
          authenticator: createFakeAuthenticator({ get: 'cancel' }),
          ui: <ConfirmUserAction request={{ method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia', name: 'Treasury' } }} />,
          drive: async (cell) => {
            await click(cell, v.messages.buttons.approve);
            await unavailable(cell);
          },
        },
      ];
    },
  },
  {
    // Before any sign-in or sign-up has loaded its steps.
    name: 'steps-failed',
    chunks: { errorAlert: 'pass' },
    cells: async (v) => {
      const { username } = await member(software());
      const invited = invite();
      const networkAlert = async (cell: HTMLElement) => {
        await reach(cell, 'error');
        await waitFor(() => expect(within(cell).getByRole('alert')).toHaveAttribute('data-code', 'network_error'));
      };
      return [
        {
          component: 'LoginWithPasskey',
          state: 'steps-failed',
          authenticator: software(),
          ui: <LoginWithPasskey autofill={false} />,
          drive: async (cell) => {
            await user().type(field(cell, v.messages.labels.username), username);
            await click(cell, v.messages.buttons.continue);
            await networkAlert(cell);
          },
        },
        {
          component: 'RegisterPasskey',
          state: 'steps-failed',
          authenticator: software(),
          ui: <RegisterPasskey {...invited} />,
          drive: async (cell) => {
            await click(cell, v.messages.buttons.register);
            await networkAlert(cell);
          },
        },
      ];
    },
  },
  {
    // The recovery kit panel and a row's actions on their way. A list shows its rows once the first
    // load of the actions settled, so that load fails and the press's load is the one held.
    name: 'loading',
    chunks: { errorAlert: 'pass', loginSteps: 'pass', registerSteps: 'pass', recoveryKitPanel: 'hold', rowActions: 'fail' },
    cells: async (v) => {
      const laptop = software();
      const { token } = await member(laptop);
      const lost = await member(software(), { recovery: true });
      const listed = await member(software(), { recovery: true });
      const kit = async (cell: HTMLElement) => {
        await reach(cell, 'showing-recovery-kit');
        expect(cell.querySelector('.dfns-recovery-kit')).toHaveAttribute('aria-busy', 'true');
      };
      return [
        {
          component: 'RegisterPasskey',
          state: 'kit-loading',
          authenticator: software(),
          ui: <RegisterPasskey {...invite()} />,
          drive: async (cell) => {
            await click(cell, v.messages.buttons.register);
            await kit(cell);
          },
        },
        {
          component: 'RecoverAccount',
          state: 'kit-loading',
          authenticator: software(),
          ui: <RecoverAccount />,
          drive: async (cell) => {
            await user().type(field(cell, v.messages.labels.username), lost.username);
            await click(cell, v.messages.buttons.sendCode);
            await reach(cell, 'code-sent');
            await user().type(field(cell, v.messages.labels.verificationCode), emulator.lastCode(lost.username, 'recovery') ?? '');
            await user().type(field(cell, v.messages.labels.recoveryCode), lost.recoveryKey!.recoveryCode);
            await user().type(field(cell, v.messages.labels.recoveryKeyId), lost.recoveryKey!.credId);
            await click(cell, v.messages.buttons.recover);
            await reach(cell, 'awaiting-authenticator');
            await click(cell, v.messages.buttons.createNewPasskey);
            await kit(cell);
          },
        },
        {
          component: 'CreateRecoveryKey',
          state: 'kit-loading',
          token,
          authenticator: laptop,
          ui: <CreateRecoveryKey />,
          drive: async (cell) => {
            await click(cell, v.messages.buttons.addRecoveryKey);
            await kit(cell);
          },
        },
        {
          component: 'CredentialList',
          state: 'row-busy',
          token: listed.token,
          ui: <CredentialList />,
          drive: async (cell) => {
            await reach(cell, 'ready');
            chunks.all.rowActions.mode = 'hold';
            const row = cell.querySelector<HTMLElement>('li[data-kind="RecoveryKey"]')!;
            await user().click(within(row).getByRole('button', { name: v.messages.buttons.deactivate }));
            const busy = () => within(row).getByRole('button', { name: v.messages.buttons.deactivate });
            await waitFor(() => expect(busy()).toHaveAttribute('aria-busy', 'true'));
          },
        },
      ];
    },
  },
  {
    // The kit panel's chunk cannot arrive: the step's heading stays, with the alert under it.
    name: 'kit-failed',
    chunks: { errorAlert: 'pass', registerSteps: 'pass' },
    cells: async (v) => {
      const laptop = software();
      const { token } = await member(laptop);
      const failed = async (cell: HTMLElement) => {
        await reach(cell, 'showing-recovery-kit');
        await waitFor(() => expect(within(cell).getByRole('alert')).toHaveAttribute('data-code', 'network_error'));
      };
      return [
        {
          component: 'RegisterPasskey',
          state: 'kit-failed',
          authenticator: software(),
          ui: <RegisterPasskey {...invite()} />,
          drive: async (cell) => {
            await click(cell, v.messages.buttons.register);
            await failed(cell);
          },
        },
        {
          component: 'CreateRecoveryKey',
          state: 'kit-failed',
          token,
          authenticator: laptop,
          ui: <CreateRecoveryKey />,
          drive: async (cell) => {
            await click(cell, v.messages.buttons.addRecoveryKey);
            await failed(cell);
          },
        },
      ];
    },
  },
];

beforeAll(async () => {
  if (!enabled) return;
  emulator = createDfnsEmulator({ origins: '*' });
  worker = setupWorker(...dfnsEmulatorHandlers(emulator, { baseUrl: BASE_URL }));
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  await page.viewport(1280, 720);
});
afterAll(() => {
  if (enabled) worker.stop();
});
beforeEach(() => {
  // A chunk settles on its own schedule (after a dynamic import, outside any event), as on a page:
  // this file waits for what shows with waitFor, so React's act() bookkeeping, which Testing Library
  // turns on for the whole file, has nothing to wrap (its render and events still turn it on for themselves).
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

describe.skipIf(!enabled)('screenshots of chunks on their way or not arriving (set SCREENSHOTS=1 to take them)', () => {
  for (const group of GROUPS) {
    for (const variant of VARIANTS) {
      it(`${group.name}, ${variant.name}`, async () => {
        for (const [name, control] of Object.entries(chunks.all)) control.mode = group.chunks[name as keyof typeof chunks.all] ?? 'fail';
        const cells = await group.cells(variant);
        const queryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
        const background = variant.theme === 'dark' ? '#0b0d12' : '#eceff4';
        const key = (cell: Cell) => `${cell.component}-${cell.state}`;
        const { container, unmount } = render(
          <div data-shot style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-start', padding: 24, background, width: 1272, boxSizing: 'border-box' }}>
            {cells.map((cell) => (
              <div key={key(cell)} data-cell={key(cell)} style={{ width: 384 }}>
                <p style={{ margin: '0 0 8px', font: '12px monospace', color: variant.theme === 'dark' ? '#8b93a5' : '#5b6475' }}>
                  {cell.component}: {cell.state}
                </p>
                <QueryClientProvider client={queryClient()}>
                  <DfnsAuthProvider
                    baseUrl={BASE_URL}
                    orgId={emulator.orgId}
                    rp={RP}
                    authToken={cell.token}
                    authenticator={cell.authenticator ?? createFakeAuthenticator({ create: 'hang', get: 'hang' })}
                    theme={variant.theme}
                    messages={variant.messages}
                  >
                    {cell.ui}
                  </DfnsAuthProvider>
                </QueryClientProvider>
              </div>
            ))}
          </div>,
        );
        for (const cell of cells) await cell.drive?.(container.querySelector<HTMLElement>(`[data-cell="${key(cell)}"]`)!);
        // Nothing focused by the drive: a focus ring in a screenshot should be one we put there.
        (document.activeElement as HTMLElement | null)?.blur();
        await new Promise((resolve) => setTimeout(resolve, 150));
        for (const cell of cells) {
          const element = container.querySelector<HTMLElement>(`[data-cell="${key(cell)}"]`)!;
          element.scrollIntoView();
          await page.screenshot({ path: `${OUT}/${cell.component}-${variant.name}-${cell.state}.png`, element });
        }
        unmount();
        // What this group held is let go as a failure, so the next variant's loads start again.
        Object.values(chunks.all).forEach(chunks.drop);
      });
    }
  }
});
