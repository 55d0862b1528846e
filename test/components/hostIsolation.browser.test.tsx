/// <reference types="@vitest/browser-playwright" />
/// <reference types="vite/client" />
/**
 * Drop-in means drop-in: every component renders the same, pixel for pixel, in a bare page and in
 * pages that load the Vite React template's index.css, Bootstrap's reboot, Tailwind's preflight or
 * a hostile sheet (test/components/hostSheets), with theme="light" and theme="dark"; and the kit's stylesheet changes
 * nothing of the host page around it.
 *
 * One page per theme: every cell is rendered and driven to its state once, then the host sheet is
 * swapped in a <style> element that follows the kit's (so a host rule of equal specificity wins
 * ties, the harder order) and the whole grid is shot once per sheet. Cells are cropped by their
 * roots' boxes. Failing cells leave bare/host/diff PNGs in test/components/__screenshots__/hostIsolation/
 * (gitignored). The components talk to an in-page emulator through the provider's `fetch`.
 */
import kitCss from '../../src/styles.css?raw';
import bootstrapReboot from './hostSheets/bootstrap-reboot.css?raw';
import hostile from './hostSheets/hostile.css?raw';
import tailwindPreflight from './hostSheets/tailwind-preflight.css?raw';
import viteIndex from './hostSheets/vite-index.css?raw';
import { render, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { cdp, commands, page } from 'vitest/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddPasskey } from '../../src/components/AddPasskey';
import { ConfirmUserAction } from '../../src/components/ConfirmUserAction';
import { CreateRecoveryKey } from '../../src/components/CreateRecoveryKey';
import { CredentialList } from '../../src/components/CredentialList';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { createDfnsEmulator, type DfnsEmulator } from '../../src/emulator/index';
import { englishMessages } from '../../src/messages/en';
import { createFakeAuthenticator } from '../../src/testing/index';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { compare, crop, decodePng, diffImage, encodePng, type Box, type Pixels } from './pixelDiff';
import { CellProviders, click, invite, member, software, user } from './screenshotKit';

/** The host pages, each against the bare page (no host sheet at all). */
const SHEETS: Record<string, string> = {
  vite: viteIndex,
  'bootstrap-reboot': bootstrapReboot,
  'tailwind-preflight': tailwindPreflight,
  hostile,
};
/** A channel may differ by this much (of 255) before a pixel counts as different... */
const TOLERANCE = 8;
/** ...and this share of a cell's pixels may differ. Text that moves by one pixel differs in far more. */
const MAX_RATIO = 0.001;
/** Where failing cells are written, relative to the project (gitignored). */
const OUT = 'test/components/__screenshots__/hostIsolation';
/** At most this many failing cells are written out per run (writing costs time). */
const MAX_WRITTEN = 8;
/** The test frame's size: the whole grid in view. */
const VIEW = { width: 3560, height: 2200 };
/**
 * Every row of the grid is this tall, so every cell sits at a whole pixel whatever a host sheet does
 * to the host sample's height (text at a fractional offset rasterises differently).
 */
const ROW = 1080;
/** The cell holding the host's own markup. */
const HOST_SAMPLE = 'host sample';

const { buttons } = englishMessages;
type Theme = 'light' | 'dark';

interface Cell {
  name: string;
  ui: ReactNode;
  token?: string | undefined;
  authenticator?: PasskeyAuthenticator | undefined;
  drive?: ((cell: HTMLElement) => Promise<void>) | undefined;
}

let emulator: DfnsEmulator;
/**
 * The test's own frame (the grid and its cells) is not under test: inline styles pin its boxes, and
 * this pins what inline styles cannot reach (a host's `*::before` would add grid items).
 */
const HARNESS_CSS = '#root::before, #root::after, [data-grid]::before, [data-grid]::after, [data-cell]::before, [data-cell]::after { content: none !important; }';

let harnessStyle: HTMLStyleElement;
let kitStyle: HTMLStyleElement;
let hostStyle: HTMLStyleElement;
let written = 0;

const statusOf = (cell: HTMLElement) => cell.querySelector('.dfns-kit')?.getAttribute('data-status');
const reach = (cell: HTMLElement, status: string) => waitFor(() => expect(statusOf(cell)).toBe(status), { timeout: 8000 });
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Every component at one or more of its states: the elements each state renders differ. */
async function cells(): Promise<Cell[]> {
  const laptop = software();
  const { username, token } = await member(emulator, laptop, { recovery: true });
  const request = {
    method: 'POST',
    path: '/wallets/wa-1f04s-lqc9q-8bd8d3aa4nm5vu9d/transfers',
    body: { kind: 'Native', to: '0xd964e7f8e1bc5ab0fa3a9c5bd2d7a5c2e5b9f0a1', amount: '1000000000000000000' },
  } as const;
  return [
    { name: 'RegisterPasskey idle', ui: <RegisterPasskey /> },
    {
      name: 'RegisterPasskey recovery-kit',
      authenticator: software(),
      ui: <RegisterPasskey {...invite(emulator)} />,
      drive: async (cell) => {
        await click(cell, buttons.register);
        await reach(cell, 'showing-recovery-kit');
      },
    },
    { name: 'LoginWithPasskey idle', ui: <LoginWithPasskey autofill={false} /> },
    {
      name: 'LoginWithPasskey error',
      authenticator: createFakeAuthenticator({ get: 'cancel' }),
      ui: <LoginWithPasskey username={username} />,
      drive: async (cell) => {
        await click(cell, buttons.signIn);
        await reach(cell, 'error');
      },
    },
    { name: 'RecoverAccount idle', ui: <RecoverAccount /> },
    {
      name: 'RecoverAccount codes',
      ui: <RecoverAccount />,
      drive: async (cell) => {
        await user().type(within(cell).getByRole('textbox', { name: englishMessages.labels.username }), username);
        await click(cell, buttons.haveCode);
        await reach(cell, 'code-sent');
      },
    },
    { name: 'AddPasskey idle', token, ui: <AddPasskey /> },
    {
      name: 'AddPasskey error',
      token,
      authenticator: createFakeAuthenticator({ create: 'already-registered' }),
      ui: <AddPasskey />,
      drive: async (cell) => {
        await click(cell, buttons.addPasskey);
        await reach(cell, 'error');
      },
    },
    { name: 'CreateRecoveryKey idle', token, ui: <CreateRecoveryKey /> },
    {
      name: 'CreateRecoveryKey success',
      token,
      authenticator: laptop,
      ui: <CreateRecoveryKey />,
      drive: async (cell) => {
        await click(cell, buttons.addRecoveryKey);
        await reach(cell, 'showing-recovery-kit');
        await user().click(within(cell).getByRole('checkbox', { name: buttons.savedKit }));
        await click(cell, buttons.continue);
        await reach(cell, 'success');
      },
    },
    { name: 'CredentialList ready', token, ui: <CredentialList />, drive: (cell) => reach(cell, 'ready') },
    {
      name: 'CredentialList confirm',
      token,
      ui: <CredentialList />,
      drive: async (cell) => {
        await reach(cell, 'ready');
        const row = cell.querySelector<HTMLElement>('li[data-kind="RecoveryKey"]')!;
        await user().click(within(row).getByRole('button', { name: buttons.deactivate }));
        await within(row).findByRole('button', { name: englishMessages.credentialList.confirmDeactivate });
      },
    },
    { name: 'ConfirmUserAction idle', token, ui: <ConfirmUserAction request={request} /> },
    {
      name: 'ConfirmUserAction success',
      token,
      authenticator: laptop,
      ui: <ConfirmUserAction request={{ method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia', name: 'Treasury' } }} />,
      drive: async (cell) => {
        await click(cell, buttons.approve);
        await reach(cell, 'success');
      },
    },
  ];
}

/**
 * The host's own markup beside the kit: what the kit's stylesheet must leave alone. Every element
 * type the kit styles, with no class (host markup does not know the kit).
 */
function HostSample(): ReactNode {
  return (
    <section data-host-sample style={{ width: 400 }}>
      <h2>Host heading</h2>
      <p>
        A host paragraph with <code>code</code>, <span>a span</span> and <a href="#x">a link</a>.
      </p>
      <form>
        <label htmlFor="host-field">Host label</label>
        <input id="host-field" defaultValue="host input" />
        <input type="checkbox" defaultChecked aria-label="host checkbox" />
        <button type="button">Host button</button>
      </form>
      <ul>
        <li>first</li>
        <li>second</li>
      </ul>
      <dl>
        <dt>term</dt>
        <dd>definition</dd>
      </dl>
      <div>a host div</div>
      <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" aria-hidden="true">
        <circle cx="12" cy="12" r="8" />
      </svg>
    </section>
  );
}

/** Renders the theme's cells (and the host sample) in a grid whose own boxes are inline styles, so no host sheet moves them. */
function renderGrid(theme: Theme, all: Cell[]) {
  const box = { margin: 0, padding: 0, border: 0, boxSizing: 'border-box', float: 'none' } as const;
  return render(
    // `#root`: the Vite template styles the app's root element by id.
    // Pinned to the page's corner: whatever a host sheet does to the body, the grid starts at a whole pixel.
    <div id="root" style={{ ...box, display: 'block', width: 'max-content', position: 'absolute', top: 0, left: 0 }}>
      <div
        data-grid
        style={{
          ...box,
          display: 'grid',
          gridTemplateColumns: 'repeat(8, 440px)',
          gridAutoRows: ROW,
          gap: 0,
          alignItems: 'start',
          background: '#808080',
        }}
      >
        {/* First, so that its place does not depend on the kit's cells (which change without the kit's sheet). */}
        <div data-cell={HOST_SAMPLE} style={{ ...box, display: 'block', width: 440, height: ROW, overflow: 'clip', padding: 20, background: '#808080' }}>
          <HostSample />
        </div>
        {/* Cells clip: a host sheet may make one cell's text overflow (without the kit's sheet, say) onto the next. */}
        {all.map((cell) => (
          <div key={cell.name} data-cell={cell.name} style={{ ...box, display: 'block', width: 440, padding: 20, overflow: 'clip', background: '#808080' }}>
            <CellProviders emulator={emulator} cell={cell} theme={theme} fetch={(input, init) => emulator.handle(new Request(input, init))}>
              {cell.ui}
            </CellProviders>
          </div>
        ))}
      </div>
    </div>,
  );
}

/** Shoots the grid once and crops every `[data-cell]`'s measured box (the kit's root, or the host sample). */
async function shoot(grid: HTMLElement, target: (cell: HTMLElement) => HTMLElement): Promise<Map<string, Pixels>> {
  await frames();
  // Swapping sheets (the kit's own, for the leak check) starts the buttons' colour transitions.
  await Promise.all(document.getAnimations().map((animation) => animation.finished));
  const origin = grid.getBoundingClientRect();
  const boxes = new Map<string, Box>();
  for (const cell of grid.querySelectorAll<HTMLElement>('[data-cell]')) {
    const rect = target(cell).getBoundingClientRect();
    boxes.set(cell.dataset.cell!, {
      x: Math.round(rect.left - origin.left),
      y: Math.round(rect.top - origin.top),
      width: Math.round(rect.width),
      height: Math.round(rect.height),
    });
  }
  const bitmap = await decodePng(await page.screenshot({ element: grid, save: false }));
  const crops = new Map<string, Pixels>();
  for (const [name, box] of boxes) crops.set(name, crop(bitmap, box));
  bitmap.close();
  return crops;
}

/** Writes a failing cell's bare, host and diff images for a person to look at. */
async function writeFailure(label: string, bare: Pixels, host: Pixels): Promise<void> {
  if (written >= MAX_WRITTEN) return;
  written += 1;
  const base = `${OUT}/${label.replace(/[^a-z0-9-]+/gi, '_')}`;
  await commands.writeFile(`${base}-bare.png`, await encodePng(bare), 'base64');
  await commands.writeFile(`${base}-host.png`, await encodePng(host), 'base64');
  await commands.writeFile(`${base}-diff.png`, await encodePng(diffImage(bare, host, TOLERANCE)), 'base64');
}

/** Differences between two sets of crops (the kit's cells, or `only` the one named), as readable lines (written out as images too). */
async function differences(label: string, bare: Map<string, Pixels>, host: Map<string, Pixels>, only?: string): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, a] of bare) {
    if (only === undefined ? name === HOST_SAMPLE : name !== only) continue;
    const b = host.get(name)!;
    const diff = compare(a, b, TOLERANCE);
    if (diff.sameSize && diff.ratio <= MAX_RATIO) continue;
    lines.push(
      diff.sameSize
        ? `${label} › ${name}: ${diff.pixels} pixels (${(diff.ratio * 100).toFixed(2)}%) differ, by up to ${diff.maxChannel}`
        : `${label} › ${name}: ${a.width}x${a.height} bare, ${b.width}x${b.height} in the host page`,
    );
    await writeFailure(`${label}-${name}`, a, b);
  }
  return lines;
}

beforeAll(async () => {
  emulator = createDfnsEmulator({ origins: '*' });
  harnessStyle = document.createElement('style');
  harnessStyle.textContent = HARNESS_CSS;
  kitStyle = document.createElement('style');
  hostStyle = document.createElement('style');
  document.head.append(harnessStyle, kitStyle, hostStyle);
  // The runner scales the test frame down to fit its window (1280x720), which would blur every
  // shot: the window grows first, so the frame keeps scale 1.
  await cdp().send('Emulation.setDeviceMetricsOverride', { width: VIEW.width + 40, height: VIEW.height + 40, deviceScaleFactor: 1, mobile: false });
  await page.viewport(VIEW.width, VIEW.height);
  await document.fonts.ready;
});
afterAll(async () => {
  await cdp().send('Emulation.clearDeviceMetricsOverride');
  harnessStyle.remove();
  kitStyle.remove();
  hostStyle.remove();
});

describe('host pages', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`leave every component as it is in a bare page, and the kit leaves the host's markup alone (${theme})`, async () => {
      kitStyle.textContent = kitCss;
      hostStyle.textContent = '';
      const all = await cells();
      const { container, unmount } = renderGrid(theme, all);
      for (const cell of all) await cell.drive?.(container.querySelector<HTMLElement>(`[data-cell="${cell.name}"]`)!);
      (document.activeElement as HTMLElement | null)?.blur();
      const grid = container.querySelector<HTMLElement>('[data-grid]')!;
      // The kit's root; for the host sample, its whole (fixed, clipping) cell.
      const kitRoot = (cell: HTMLElement) => cell.querySelector<HTMLElement>('.dfns-kit') ?? cell;
      const bare = await shoot(grid, kitRoot);
      // A card taller than its row would be clipped in every shot alike: make the rows taller then.
      for (const [name, pixels] of bare) if (name !== HOST_SAMPLE) expect(pixels.height + 40, `${name} fits its grid row`).toBeLessThanOrEqual(ROW);

      const failures: string[] = [];
      kitStyle.textContent = '';
      failures.push(...(await differences(`${theme} bare (kit stylesheet removed)`, bare, await shoot(grid, kitRoot), HOST_SAMPLE)));
      kitStyle.textContent = kitCss;
      for (const [name, css] of Object.entries(SHEETS)) {
        hostStyle.textContent = css;
        const withKit = await shoot(grid, kitRoot);
        failures.push(...(await differences(`${theme} ${name}`, bare, withKit)));
        // Nothing leaks out: the host sample looks the same without the kit's stylesheet.
        kitStyle.textContent = '';
        const withoutKit = await shoot(grid, kitRoot);
        kitStyle.textContent = kitCss;
        failures.push(...(await differences(`${theme} ${name} (kit stylesheet removed)`, withKit, withoutKit, HOST_SAMPLE)));
      }
      hostStyle.textContent = '';
      unmount();
      expect(failures, failures.join('\n')).toEqual([]);
    }, 60_000);
  }
});
