'use client';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { DfnsClient } from '../api/createDfnsClient';
import type { LoginAfterKitContext, LoginPrefetch, logInAfterKit, startLoginPrefetch } from './loginAfterKit';

/** The login ceremony `useLoginAfterKit` runs: `./loginAfterKit`'s functions, imported or from a flow's later chunk. */
export interface LoginAfterKitCeremony {
  startLoginPrefetch: typeof startLoginPrefetch;
  logInAfterKit: typeof logInAfterKit;
}

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
 * `ceremony` (a module-level function, so stable) is called at each prefetch and login: a flow can
 * hand over code from a chunk it loaded by then (one that is not there throws, and the login fails with that error).
 */
export function useLoginAfterKit(ceremony: () => LoginAfterKitCeremony): LoginAfterKit {
  const prefetched = useRef<LoginPrefetch | undefined>(undefined);

  const drop = useCallback(() => {
    prefetched.current?.controller.abort();
    prefetched.current = undefined;
  }, []);
  useEffect(() => drop, [drop]);

  const prefetch = useCallback(
    (client: DfnsClient, username: string) => {
      drop();
      prefetched.current = ceremony().startLoginPrefetch(client, username);
    },
    [drop, ceremony],
  );

  const logIn = useCallback(async (username: string, context: LoginAfterKitContext) => {
    // Left in the ref while awaited, so that unmount still aborts it; dropped once used.
    const used = prefetched.current;
    try {
      return await ceremony().logInAfterKit(username, used, context);
    } finally {
      if (prefetched.current === used) prefetched.current = undefined;
    }
  }, [ceremony]);

  return useMemo(() => ({ prefetch, logIn, drop }), [prefetch, logIn, drop]);
}
