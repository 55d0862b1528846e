'use client';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { DfnsClient } from '../api/createDfnsClient';
import { logInAfterKit, startLoginPrefetch, type LoginAfterKitContext, type LoginPrefetch } from './loginAfterKit';

/** What `useLoginAfterKit` returns to a flow hook with `autoLogin`. */
export interface LoginAfterKit {
  /** Fetches the login challenge of `username` while the recovery kit is read (any earlier one is dropped). */
  prefetch: (client: DfnsClient, username: string) => void;
  /** The sign-in on the kit's Continue click, with the prefetched challenge when it is usable: the token, or undefined when the attempt was left. */
  logIn: (username: string, context: LoginAfterKitContext) => Promise<string | undefined>;
  /** Aborts and forgets the prefetch (reset; unmount does it by itself). */
  drop: () => void;
}

/**
 * The login after the recovery kit of `useRegisterPasskey` and `useRecoverAccount` with `autoLogin`:
 * the challenge prefetch lives here, beside the flow's own steps, so unmount aborts it, and a
 * login uses it once: a retry must not reuse a challenge an attempt already spent or saw fail.
 */
export function useLoginAfterKit(): LoginAfterKit {
  const prefetched = useRef<LoginPrefetch | undefined>(undefined);

  const drop = useCallback(() => {
    prefetched.current?.controller.abort();
    prefetched.current = undefined;
  }, []);
  useEffect(() => drop, [drop]);

  const prefetch = useCallback(
    (client: DfnsClient, username: string) => {
      drop();
      prefetched.current = startLoginPrefetch(client, username);
    },
    [drop],
  );

  const logIn = useCallback(async (username: string, context: LoginAfterKitContext) => {
    // Left in the ref while awaited, so that unmount still aborts it; dropped once used.
    const used = prefetched.current;
    try {
      return await logInAfterKit(username, used, context);
    } finally {
      if (prefetched.current === used) prefetched.current = undefined;
    }
  }, []);

  return useMemo(() => ({ prefetch, logIn, drop }), [prefetch, logIn, drop]);
}
