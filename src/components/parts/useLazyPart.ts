'use client';
import { useSyncExternalStore } from 'react';
import type { LazyPart, LazyPartSnapshot } from '../../lazyPart';

/** The state of `part`'s chunk, re-rendering the caller when it changes (it does not start a load). */
export function useLazyPart<T>(part: LazyPart<T>): LazyPartSnapshot<T> {
  return useSyncExternalStore(part.subscribe, part.snapshot, part.snapshot);
}
