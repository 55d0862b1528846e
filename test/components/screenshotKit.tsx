/// <reference types="@vitest/browser-playwright" />
/// <reference types="vite/client" />
/**
 * What the screenshot suites (`screenshots.browser.test.tsx`, `chunkScreenshots.browser.test.tsx`)
 * share: the variants, the on/off switch, where shots go, the emulator behind the page's MSW worker,
 * a grid of cells each in its own provider, and taking a cell's shot. The users they (and
 * `hostIsolation.browser.test.tsx`) register are made here too. No stylesheet is imported: each
 * suite brings the kit's CSS its own way.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { useState, type ReactNode } from 'react';
import { page } from 'vitest/browser';
import { afterAll, beforeAll, expect } from 'vitest';
import { completeRegistration, initRegistration } from '../../src/api/registration';
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

const env: Record<string, unknown> = import.meta.env;
/**
 * Whether screenshots were asked for. Vite forwards only `VITE_`-prefixed variables into the
 * browser; `SCREENSHOTS=1` works too because the browser project passes it (`test.env`).
 */
export const enabled = env['VITE_SCREENSHOTS'] === '1' || env['SCREENSHOTS'] === '1';

/**
 * Where shots are written, relative to the suite's file: Vite's server.fs refuses writes from the
 * page outside the root, so they land in the gitignored __screenshots__ folder and are copied to
 * /tmp/shots/components after the run (`cp test/components/__screenshots__/shots/*.png /tmp/shots/components/`).
 */
export const OUT = '__screenshots__/shots';

/** One way a person sees the kit: a theme and a language. */
export interface Variant {
  name: 'light' | 'dark' | 'de';
  theme: DfnsTheme;
  messages: DfnsMessages;
}

/** Every state is shot in light, dark and German (light). */
export const VARIANTS: Variant[] = [
  { name: 'light', theme: 'light', messages: englishMessages },
  { name: 'dark', theme: 'dark', messages: englishMessages },
  { name: 'de', theme: 'light', messages: germanMessages },
];

/** One cell of a shot: its label, what it renders and the provider settings it renders with. */
export interface ShotCell {
  key: string;
  label: ReactNode;
  ui: ReactNode;
  authenticator?: PasskeyAuthenticator | undefined;
  token?: string | undefined;
}

/** A software passkey for this page's origin, as a device that answers at once. */
export const software = () => createSoftwareAuthenticator({ origin: location.origin, rpId: 'localhost' });

/** A fresh user-event session. */
export const user = () => userEvent.setup();

/** Waits until the component in `cell` (its root `section`) shows `data-status` = `status`. */
export const reach = (cell: HTMLElement, status: string) =>
  waitFor(() => expect(cell.querySelector('section')?.getAttribute('data-status')).toBe(status), { timeout: 8000 });

/** Clicks the button named `name` inside `cell`. */
export const click = async (cell: HTMLElement, name: string) => user().click(within(cell).getByRole('button', { name }));

/** Unique usernames for the whole page, whichever emulator they are made in. */
let userCount = 0;

/** A fresh user on `emulator` with a passkey on `authenticator` (and a recovery key, whose kit values it returns), logged in. */
export async function member(
  emulator: DfnsEmulator,
  authenticator: PasskeyAuthenticator,
  { recovery = false, name = 'MacBook Pro' } = {},
) {
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
      ? { firstFactorCredential: { ...passkey, credentialName: name }, recoveryCredential: recoveryKey.credential }
      : { firstFactorCredential: { ...passkey, credentialName: name } },
  });
  return { username, token: await emulator.loginAs(username), recoveryKey };
}

/** An invited user's name and registration code on `emulator`. */
export function invite(emulator: DfnsEmulator) {
  userCount += 1;
  const username = `invited${userCount}@example.com`;
  return { username, registrationCode: emulator.createUser({ username }).registrationCode };
}

/**
 * Registers the hooks of a screenshot suite (only when `enabled`): one emulator behind the page's
 * MSW worker for the file, and a viewport no wider or taller than the runner's window (1280 x 720),
 * which would scale the page down in the shots. Returns the emulator's accessor.
 */
export function useScreenshotEmulator(): () => DfnsEmulator {
  let worker: SetupWorker | undefined;
  let emulator: DfnsEmulator | undefined;
  beforeAll(async () => {
    if (!enabled) return;
    emulator = createDfnsEmulator({ origins: '*' });
    worker = setupWorker(...dfnsEmulatorHandlers(emulator, { baseUrl: BASE_URL }));
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
    await page.viewport(1280, 720);
  });
  afterAll(() => {
    worker?.stop();
  });
  return () => {
    if (!emulator) throw new Error('no emulator: screenshots not enabled, or outside a test');
    return emulator;
  };
}

/** Props of `CellProviders`. */
export interface CellProvidersProps {
  emulator: DfnsEmulator;
  cell: Pick<ShotCell, 'token' | 'authenticator'>;
  theme: DfnsTheme;
  messages?: DfnsMessages | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  children: ReactNode;
}

/** A cell's own QueryClient (no retries) and provider on `emulator`, with its token and authenticator (one that never answers by default). */
export function CellProviders({ emulator, cell, theme, messages, fetch, children }: CellProvidersProps) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <DfnsAuthProvider
        baseUrl={BASE_URL}
        orgId={emulator.orgId}
        rp={RP}
        authToken={cell.token}
        fetch={fetch}
        authenticator={cell.authenticator ?? createFakeAuthenticator({ create: 'hang', get: 'hang' })}
        theme={theme}
        messages={messages}
      >
        {children}
      </DfnsAuthProvider>
    </QueryClientProvider>
  );
}

/**
 * Renders `cells` side by side (wrapping into rows, 1272 px wide) on the variant's background, each
 * under its label in its own `CellProviders`. Returns the render and each cell's element by key.
 */
export function renderShotGrid(emulator: DfnsEmulator, variant: Variant, cells: ShotCell[]) {
  const background = variant.theme === 'dark' ? '#0b0d12' : '#eceff4';
  const result = render(
    <div data-shot style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-start', padding: 24, background, width: 1272, boxSizing: 'border-box' }}>
      {cells.map((cell) => (
        <div key={cell.key} data-cell={cell.key} style={{ width: 384 }}>
          <p style={{ margin: '0 0 8px', font: '12px monospace', color: variant.theme === 'dark' ? '#8b93a5' : '#5b6475' }}>{cell.label}</p>
          <CellProviders emulator={emulator} cell={cell} theme={variant.theme} messages={variant.messages}>
            {cell.ui}
          </CellProviders>
        </div>
      ))}
    </div>,
  );
  const cellOf = (key: string) => result.container.querySelector<HTMLElement>(`[data-cell="${key}"]`)!;
  const grid = () => result.container.querySelector<HTMLElement>('[data-shot]')!;
  return { ...result, cellOf, grid };
}

/** Lets go of the focus a drive left (a focus ring in a shot should be one we put there) and lets the page settle. */
export async function settle(): Promise<void> {
  (document.activeElement as HTMLElement | null)?.blur();
  await new Promise((resolve) => setTimeout(resolve, 150));
}

/**
 * Shoots `element` at full scale to `${path}.png`; one taller than the runner's window (it would be
 * cut) as its top and its bottom, `${path}-top.png` and `${path}-bottom.png`.
 */
export async function shootCell(element: HTMLElement, path: string): Promise<void> {
  if (element.offsetHeight <= 700) {
    element.scrollIntoView();
    await page.screenshot({ path: `${path}.png`, element });
  } else {
    element.scrollIntoView({ block: 'start' });
    await page.screenshot({ path: `${path}-top.png` });
    element.scrollIntoView({ block: 'end' });
    await page.screenshot({ path: `${path}-bottom.png` });
  }
}
