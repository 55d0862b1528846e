/// <reference types="@vitest/browser-playwright" />
/// <reference types="vite/client" />
/**
 * Screenshots of what a person sees while a later step's chunk is on its way or cannot arrive
 * (issue 19), in light, dark and German, with the kit's stylesheet: the recovery kit step's heading
 * while its panel loads (and when it cannot arrive), the error alert when its own code cannot arrive,
 * a credential row's busy button while its actions load, and a sign-in or sign-up whose steps did
 * not arrive. The same harness as `screenshots.browser.test.tsx` (`screenshotKit.tsx`: one cell per
 * state, shots in __screenshots__/shots, copied to /tmp/shots/components/); a file of its own because each chunk is one module state for
 * the whole file, held or failed through `vi.mock`, so the groups run in an order that never lets a
 * chunk a later group must fail arrive first.
 *
 * Runs only when asked: `SCREENSHOTS=1 npx vitest run --project browser test/components/chunkScreenshots.browser.test.tsx`.
 */
import '../../src/styles.css';
import { waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AddPasskey } from '../../src/components/AddPasskey';
import { ConfirmUserAction } from '../../src/components/ConfirmUserAction';
import { CreateRecoveryKey } from '../../src/components/CreateRecoveryKey';
import { CredentialList } from '../../src/components/CredentialList';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { createFakeAuthenticator } from '../../src/testing/index';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import {
  click,
  enabled,
  invite as inviteOn,
  member as memberOn,
  OUT,
  reach,
  renderShotGrid,
  settle,
  shootCell,
  software,
  user,
  useScreenshotEmulator,
  VARIANTS,
  type Variant,
} from './screenshotKit';

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

const emulatorOf = useScreenshotEmulator();
const member = (authenticator: PasskeyAuthenticator, options?: { recovery?: boolean }) => memberOn(emulatorOf(), authenticator, options);
const invite = () => inviteOn(emulatorOf());
const field = (cell: HTMLElement, name: string) => within(cell).getByRole('textbox', { name });

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
            await user().type(field(cell, v.messages.labels.verificationCode), emulatorOf().lastCode(lost.username, 'recovery') ?? '');
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
        const key = (cell: Cell) => `${cell.component}-${cell.state}`;
        // Three text nodes, as the label always was: one joined string shapes the colon a pixel apart.
        const label = (cell: Cell) => (
          <>
            {cell.component}: {cell.state}
          </>
        );
        const { cellOf, unmount } = renderShotGrid(emulatorOf(), variant, cells.map((cell) => ({ ...cell, key: key(cell), label: label(cell) })));
        for (const cell of cells) await cell.drive?.(cellOf(key(cell)));
        await settle();
        for (const cell of cells) await shootCell(cellOf(key(cell)), `${OUT}/${cell.component}-${variant.name}-${cell.state}`);
        unmount();
        // What this group held is let go as a failure, so the next variant's loads start again.
        Object.values(chunks.all).forEach(chunks.drop);
      });
    }
  }
});
