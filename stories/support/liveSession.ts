/**
 * The person's own session in the live stories: the token the live login story received, kept in
 * memory only (never storage or the URL), so the next live story acts as that user.
 */

/** Who is logged in through the live stories, if anyone. */
export interface LiveSession {
  username: string;
  token: string;
}

let session: LiveSession | undefined;
const listeners = new Set<() => void>();

/** The current live session. */
export function liveSession(): LiveSession | undefined {
  return session;
}

/** Starts (or, with `undefined`, ends) the live session and tells subscribers. */
export function setLiveSession(next: LiveSession | undefined): void {
  session = next;
  for (const listener of listeners) listener();
}

/** Calls `listener` when the live session changes; returns the unsubscribe. */
export function subscribeToLiveSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
