'use client';
import { useLayoutEffect, useRef, type RefObject } from 'react';

// useLayoutEffect warns during server rendering; on the server there is nothing to keep fresh.
// Decided at each call, not at import: server and browser may share one module instance.
const useIsomorphicLayoutEffect: typeof useLayoutEffect = (effect, deps) =>
  typeof window === 'undefined' ? undefined : useLayoutEffect(effect, deps);

/**
 * A ref that always holds the latest `value`: async steps call the app's newest `onSuccess`
 * without re-creating their handlers on every render.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
