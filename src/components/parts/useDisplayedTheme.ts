'use client';
import { useState, type RefObject } from 'react';
import type { DfnsTheme } from '../../provider/DfnsAuthContext';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

/**
 * The `data-theme` a component's root carries. `inherit` stays `inherit` wherever the stylesheet's
 * `light-dark()` colours are live: the browser then follows the page's `color-scheme` by itself,
 * also when the page changes it. A bundler that lowered `light-dark()` (Lightning CSS does in Vite's
 * production build) switches colours only on a known scheme, so there the root reads the scheme the
 * page gives it and carries `light` or `dark`, read again when the system's mode changes.
 */
export function useDisplayedTheme(root: RefObject<HTMLElement | null>, theme: DfnsTheme): DfnsTheme {
  const [resolved, setResolved] = useState<'light' | 'dark' | undefined>(undefined);
  useIsomorphicLayoutEffect(() => {
    const element = root.current;
    if (theme !== 'inherit' || !element || !hasLoweredColours(element)) {
      // No state change (and no extra commit) in the usual case, where nothing was resolved.
      if (resolved !== undefined) setResolved(undefined);
      return undefined;
    }
    const media = matchMedia('(prefers-color-scheme: dark)');
    const read = () => setResolved(inheritedColorScheme(element.parentElement ?? document.documentElement, media.matches));
    read();
    media.addEventListener('change', read);
    return () => media.removeEventListener('change', read);
  }, [theme]);
  return theme === 'inherit' && resolved ? resolved : theme;
}

/**
 * Whether the kit's colours reached the page with `light-dark()` lowered: an unregistered custom
 * property keeps `light-dark(…)` as written, a lowered one holds the colour its variables picked.
 * An empty value means the kit's stylesheet is not loaded (or `unstyled`): nothing to switch.
 */
function hasLoweredColours(element: HTMLElement): boolean {
  const background = getComputedStyle(element).getPropertyValue('--dfns-bg').trim();
  return background !== '' && !background.includes('light-dark(');
}

/**
 * The scheme CSS gives an element that inherits `color-scheme` from `parent`: its computed value
 * (or, when `normal`, the page's `<meta name="color-scheme">`), dark when it lists only dark, the
 * system's mode when it lists both, light otherwise.
 */
export function inheritedColorScheme(parent: Element, systemIsDark: boolean): 'light' | 'dark' {
  let declared = getComputedStyle(parent).colorScheme;
  if (!declared || declared === 'normal') {
    declared = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? 'normal';
  }
  const schemes = declared.split(/\s+/);
  const dark = schemes.includes('dark');
  const light = schemes.includes('light');
  if (dark && !light) return 'dark';
  return dark && systemIsDark ? 'dark' : 'light';
}
