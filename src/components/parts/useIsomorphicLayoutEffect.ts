import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser, `useEffect` on the server. Focus moves run here so that focus
 * lands in the same commit as the content it targets (no frame where it is lost), while server
 * rendering under React 18 does not warn that layout effects do nothing there.
 */
export const useIsomorphicLayoutEffect: typeof useEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
