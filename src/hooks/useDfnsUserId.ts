'use client';
import { useEffect, useRef, useState } from 'react';
import type { DfnsClient } from '../api/createDfnsClient';
import { dfnsUserIdOf } from '../api/dfnsUserIdOf';

/** What the token source gave during render: a token (or none) now, or a promise of one. */
type TokenRead = { token: string | undefined } | { pending: PromiseLike<string | undefined> };

/**
 * The Dfns user id of the client's auth token as of this render: a string, `null` when there is
 * no token or it is not a Dfns JWT, and `undefined` while an async token function has not
 * answered yet. The token source is read on every render, so an app that switches users behind
 * one token function gets the new user at its next render; the token itself is never kept.
 */
export function useDfnsUserId(client: DfnsClient): string | null | undefined {
  const read = readNow(client);
  const pending = useRef<PromiseLike<string | undefined> | undefined>(undefined);
  pending.current = 'pending' in read ? read.pending : undefined;
  const [resolved, setResolved] = useState<{ userId: string | null } | undefined>(undefined);

  // Every commit: an async token function is awaited after the render that called it.
  useEffect(() => {
    const promise = pending.current;
    if (!promise) return;
    let cancelled = false;
    Promise.resolve(promise).then(
      (token) => {
        const userId = userIdOf(token);
        if (!cancelled) setResolved((previous) => (previous?.userId === userId ? previous : { userId }));
      },
      () => {
        if (!cancelled) setResolved((previous) => (previous?.userId === null ? previous : { userId: null }));
      },
    );
    return () => {
      cancelled = true;
    };
  });

  return 'token' in read ? userIdOf(read.token) : resolved?.userId;
}

function userIdOf(token: string | undefined): string | null {
  return (token ? dfnsUserIdOf(token) : undefined) ?? null;
}

function readNow(client: DfnsClient): TokenRead {
  const source = client.authToken;
  if (typeof source !== 'function') return { token: source ?? undefined };
  try {
    const value = source();
    if (typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function') {
      const promise = Promise.resolve(value).then((token) => token ?? undefined);
      // Awaited in the effect; a rejection there is handled, this only keeps it from being reported as unhandled.
      promise.then(undefined, () => undefined);
      return { pending: promise };
    }
    return { token: (value as string | null | undefined) ?? undefined };
  } catch {
    return { token: undefined };
  }
}
