'use client';
import { useLayoutEffect, useRef, type RefObject } from 'react';

// useLayoutEffect warns during server rendering; on the server there is nothing to keep fresh.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? () => {} : useLayoutEffect;

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
