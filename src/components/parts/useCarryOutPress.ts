'use client';
import { useEffect, useRef } from 'react';
import { useLatest } from '../../hooks/useLatest';

/**
 * Carries out, once, a press the user made while this part's code was loading (`pressed`), a task
 * after the part mounted: StrictMode's trial unmount then cancels a timer, not the request the
 * press starts. Returns true until then, so the pressed button can stay busy.
 */
export function useCarryOutPress(pressed: boolean, carryOut: () => void): boolean {
  const done = useRef(!pressed);
  const carryOutRef = useLatest(carryOut);
  useEffect(() => {
    if (done.current) return undefined;
    const timer = setTimeout(() => {
      done.current = true;
      carryOutRef.current();
    }, 0);
    return () => clearTimeout(timer);
  }, [carryOutRef]);
  return !done.current;
}
