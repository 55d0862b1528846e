'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DfnsAuthError } from '../errors';
import { warnDeveloper } from '../provider/warnDeveloper';

/** What a flow hook needs to drive a reducer from async code. */
export interface FlowMachine<S extends { attempt: number }, E> {
  /** The state to render. */
  state: S;
  /** Applies `event` at once and returns the new state, so the caller can read its `attempt`. */
  send: (event: E) => S;
  /** The latest state, even before React re-renders. */
  current: () => S;
  /** True while `attempt` is still the flow's attempt and the component is mounted. */
  isCurrent: (attempt: number) => boolean;
  /** An `AbortSignal` for the step about to start; aborts the signal of the step before it. */
  nextSignal: () => AbortSignal;
  /** Aborts whatever is in flight (fetch or ceremony). */
  abort: () => void;
}

/**
 * Drives a pure flow reducer from event handlers and async steps. The state lives in a ref as
 * well as in React state, because async steps must tag their results with the attempt they
 * belong to *now*, not with the one of the last render. Unmounting aborts the step in flight,
 * which also cancels a pending passkey prompt.
 */
export function useFlowMachine<S extends { attempt: number }, E>(
  reduce: (state: S, event: E) => S,
  initialState: S,
): FlowMachine<S, E> {
  const [state, setState] = useState(initialState);
  const stateRef = useRef(initialState);
  const controllerRef = useRef<AbortController | undefined>(undefined);
  const mountedRef = useRef(false);

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      controllerRef.current?.abort();
    };
  }, []);

  const send = useCallback(
    (event: E) => {
      const next = reduce(stateRef.current, event);
      if (next !== stateRef.current) {
        stateRef.current = next;
        setState(next);
        // Every flow's errors pass here on their way to the UI: the one place to tell the developer.
        const { error } = next as { error?: DfnsAuthError };
        if (error) warnDeveloper(error);
      }
      return next;
    },
    [reduce],
  );
  const current = useCallback(() => stateRef.current, []);
  const isCurrent = useCallback((attempt: number) => mountedRef.current && stateRef.current.attempt === attempt, []);
  const nextSignal = useCallback(() => {
    controllerRef.current?.abort();
    controllerRef.current = new AbortController();
    return controllerRef.current.signal;
  }, []);
  const abort = useCallback(() => controllerRef.current?.abort(), []);

  return { state, send, current, isCurrent, nextSignal, abort };
}
