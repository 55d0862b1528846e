'use client';
import { useEffect, type ReactNode } from 'react';
import type { DfnsAuthError } from '../../errors';
import type { LazyPart } from '../../lazyPart';
import { useLazyPart } from './useLazyPart';

/** Props of `WhenLoaded`. */
export interface WhenLoadedProps<T> {
  part: LazyPart<T>;
  /** Shown while the chunk is on its way, in the step's place (the card stays on screen). */
  fallback: ReactNode;
  /** Shown when the chunk did not arrive: `retry` asks for it again. */
  failed: (error: DfnsAuthError, retry: () => void) => ReactNode;
  /** The step, with what the chunk exports. */
  children: (value: T) => ReactNode;
}

/**
 * Renders a later step whose code is a `lazyPart`: at once when its chunk is here already (no
 * extra render), else `fallback` while it loads and `failed` when it did not arrive. Only the step
 * re-renders when the chunk arrives, not the component around it.
 */
export function WhenLoaded<T>({ part, fallback, failed, children }: WhenLoadedProps<T>): ReactNode {
  const snapshot = useLazyPart(part);
  useEffect(() => {
    // A preload that failed before the step was reached (a blip during the step before) is tried
    // once more now: the failure the person sees is the one of their own step.
    const { status } = part.snapshot();
    if (status === 'idle' || status === 'error') part.preload();
  }, [part]);
  if (snapshot.status === 'ready') return children(snapshot.value);
  if (snapshot.status === 'error') return failed(snapshot.error, part.preload);
  return fallback;
}
