import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser, `useEffect` on the server. Focus moves run here so that focus
 * lands in the same commit as the content it targets (no frame where it is lost), while server
 * rendering under React 18 does not warn that layout effects do nothing there. Decided at each
 * call, not once at import: a module shared by server and browser code (tests, some frameworks'
 * dev servers) is imported before anyone knows which one renders.
 */
export const useIsomorphicLayoutEffect: typeof useEffect = (effect, deps) =>
  // One renderer always sees the same answer, so each component calls the same hook every render.
  (typeof document === 'undefined' ? useEffect : useLayoutEffect)(effect, deps);
