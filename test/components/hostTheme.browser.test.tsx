/// <reference types="@vitest/browser-playwright" />
/**
 * A theme that fits the host: on a system in dark mode, a light-only page (nothing declared, and
 * `h2 { color: #111 }`) gets a light card; a page that declares `color-scheme: light dark` (in CSS
 * or in `<meta name="color-scheme">`) gets a dark one; `theme` forces either; and the heading
 * stays readable (4.5:1 from the computed colours) in every case.
 */
import '../../src/styles.css';
import { render, waitFor } from '@testing-library/react';
import { cdp } from 'vitest/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { createDfnsEmulator } from '../../src/emulator/index';
import type { DfnsTheme } from '../../src/provider/DfnsAuthContext';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createFakeAuthenticator } from '../../src/testing/index';
import { BASE_URL, RP } from './browserKit';

const emulator = createDfnsEmulator({ origins: '*' });
/** The host page's own sheet: light only, and dark headings (as the page's light background wants). */
const LIGHT_ONLY_HOST = 'h1, h2, h3 { color: #111 } body { color: #222; background: #fff }';

/** Relative luminance of an `rgb()`/`rgba()` colour (WCAG 2). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const added: Element[] = [];
/** Adds host markup to the document head (a style sheet or a meta tag), removed after the test. */
function host(html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const node of [...template.content.children]) {
    document.head.append(node);
    added.push(node);
  }
}

/** Renders a card with `theme` (the provider's default when undefined) and reads its colours. */
function card(theme?: DfnsTheme) {
  const { container, unmount } = render(
    <DfnsAuthProvider
      baseUrl={BASE_URL}
      orgId={emulator.orgId}
      rp={RP}
      fetch={(input, init) => emulator.handle(new Request(input, init))}
      authenticator={createFakeAuthenticator({ get: 'hang' })}
      {...(theme ? { theme } : {})}
    >
      <LoginWithPasskey autofill={false} />
    </DfnsAuthProvider>,
  );
  const root = container.querySelector<HTMLElement>('.dfns-kit')!;
  const heading = root.querySelector<HTMLElement>('.dfns-title')!;
  const read = () => {
    const background = getComputedStyle(root).backgroundColor;
    return { background, dark: luminance(background) < 0.2, headingContrast: contrast(getComputedStyle(heading).color, background) };
  };
  return { ...read(), read, unmount };
}

const systemScheme = (value: 'light' | 'dark') =>
  cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value }] });

beforeAll(() => systemScheme('dark'));
afterEach(() => {
  for (const node of added.splice(0)) node.remove();
});
afterAll(() => cdp().send('Emulation.setEmulatedMedia', { features: [] }));

describe('the theme follows the host page', () => {
  it('the system is in dark mode here', () => {
    expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
  });

  it('a light-only page on a dark system gets a light card with a readable heading', () => {
    host(`<style>${LIGHT_ONLY_HOST}</style>`);
    const { dark, headingContrast, background } = card();
    expect(dark, `card background ${background}`).toBe(false);
    expect(headingContrast).toBeGreaterThanOrEqual(4.5);
  });

  it('a page that declares `color-scheme: light dark` in CSS gets a dark card on a dark system', () => {
    host(`<style>:root { color-scheme: light dark } ${LIGHT_ONLY_HOST}</style>`);
    const { dark, headingContrast, background } = card();
    expect(dark, `card background ${background}`).toBe(true);
    expect(headingContrast).toBeGreaterThanOrEqual(4.5);
  });

  it('a page that declares it in <meta name="color-scheme"> gets a dark card on a dark system', () => {
    host(`<meta name="color-scheme" content="light dark"><style>${LIGHT_ONLY_HOST}</style>`);
    const { dark, headingContrast } = card();
    expect(dark).toBe(true);
    expect(headingContrast).toBeGreaterThanOrEqual(4.5);
  });

  it('the same page on a light system gets a light card', async () => {
    await systemScheme('light');
    try {
      host(`<meta name="color-scheme" content="light dark"><style>${LIGHT_ONLY_HOST}</style>`);
      expect(card().dark).toBe(false);
    } finally {
      await systemScheme('dark');
    }
  });

  it('a dark-only page gets a dark card', () => {
    host(`<style>:root { color-scheme: dark }</style>`);
    expect(card().dark).toBe(true);
  });

  it('theme="light" and theme="dark" force the card, whatever the page declares', () => {
    host(`<style>:root { color-scheme: light dark } ${LIGHT_ONLY_HOST}</style>`);
    const light = card('light');
    expect(light.dark).toBe(false);
    expect(light.headingContrast).toBeGreaterThanOrEqual(4.5);
    for (const node of added.splice(0)) node.remove();
    host(`<style>${LIGHT_ONLY_HOST}</style>`);
    const dark = card('dark');
    expect(dark.dark).toBe(true);
    expect(dark.headingContrast).toBeGreaterThanOrEqual(4.5);
  });

  it('theme="auto" follows the system even on a light-only page, readably', () => {
    host(`<style>${LIGHT_ONLY_HOST}</style>`);
    const { dark, headingContrast } = card('auto');
    expect(dark).toBe(true);
    expect(headingContrast).toBeGreaterThanOrEqual(4.5);
  });

  describe('with light-dark() lowered by the bundler', () => {
    // The shape Lightning CSS gives the kit's rules for Vite's default targets (chrome111, safari16.4):
    // each colour a pair of variables, switched only by selectors with a known color-scheme.
    const LOWERED = `<style>
      .dfns-kit { --lightningcss-light: initial; --lightningcss-dark: ; color-scheme: light;
        --dfns-bg: var(--lightningcss-light, #ffffff) var(--lightningcss-dark, #161a22);
        --dfns-fg: var(--lightningcss-light, #14171f) var(--lightningcss-dark, #eef0f5);
        background: var(--dfns-bg); color: var(--dfns-fg); }
      .dfns-kit[data-theme='inherit'] { color-scheme: inherit; }
      .dfns-kit[data-theme='dark'] { --lightningcss-light: ; --lightningcss-dark: initial; color-scheme: dark; }
      .dfns-kit .dfns-title { color: var(--dfns-fg); }</style>`;
    const pages = [
      { page: 'declaring `light dark` in CSS', head: `<style>:root { color-scheme: light dark }</style>`, dark: true },
      { page: 'declaring it in the meta tag', head: `<meta name="color-scheme" content="light dark">`, dark: true },
      { page: 'declaring `dark` only', head: `<style>:root { color-scheme: dark }</style>`, dark: true },
      { page: 'declaring nothing', head: '', dark: false },
    ];
    for (const { page, head, dark } of pages) {
      it(`a page ${page} gets a ${dark ? 'dark' : 'light'} card on a dark system, readably`, async () => {
        host(`${LOWERED}${head}<style>${LIGHT_ONLY_HOST}</style>`);
        const shown = card();
        await waitFor(() => expect(shown.read().dark, `card background ${shown.read().background}`).toBe(dark));
        expect(shown.read().headingContrast).toBeGreaterThanOrEqual(4.5);
      });
    }

    it('follows the system when it turns light and dark again', async () => {
      host(`${LOWERED}<style>:root { color-scheme: light dark } ${LIGHT_ONLY_HOST}</style>`);
      const shown = card();
      await waitFor(() => expect(shown.read().dark).toBe(true));
      // The OS switching its scheme is an event from outside the test, as in an app: its render
      // may land between two awaits here, where React's act environment would call it a stray
      // update (seen once in a CI run). So the act environment is off while the OS switches.
      const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
      const actEnvironment = scope.IS_REACT_ACT_ENVIRONMENT;
      scope.IS_REACT_ACT_ENVIRONMENT = false;
      try {
        await systemScheme('light');
        await waitFor(() => expect(shown.read().dark).toBe(false));
      } finally {
        await systemScheme('dark');
      }
      try {
        await waitFor(() => expect(shown.read().dark).toBe(true));
      } finally {
        scope.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
      }
    });
  });

  it('theme="inherit", the default, can be passed explicitly', () => {
    host(`<style>:root { color-scheme: dark }</style>`);
    expect(card('inherit').dark).toBe(true);
    for (const node of added.splice(0)) node.remove();
    expect(card('inherit').dark).toBe(false);
  });
});
