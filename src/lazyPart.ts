import { DfnsAuthError } from './errors';

/** Where a lazy part's chunk is: not asked for, on its way, here, or failed to arrive. */
export type LazyPartSnapshot<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: DfnsAuthError };

/** Code the kit needs only at a later step, in a chunk of its own (a dynamic `import()`): a component's step, a failure's reader. */
export interface LazyPart<T> {
  /** Fetches the chunk (once; again after a failure) and resolves with its export; a failure is a retryable `network_error`. */
  load: () => Promise<T>;
  /** Starts `load` and ignores its outcome: for intent (hover, focus) and the step before the one that needs it. */
  preload: () => void;
  /** The chunk's state now; a new object at each change (for `useSyncExternalStore`). */
  snapshot: () => LazyPartSnapshot<T>;
  /** Calls `listener` at each change of `snapshot`; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
}

/**
 * A later step's code, loaded by `importer` when the step is reached (or just before). Bundlers
 * put what only `importer` reaches in a chunk of its own, so the page loads without it.
 *
 * @example
 * const ssoOffer = lazyPart(() => import('./SsoOffer').then((module) => module.SsoOffer));
 */
export function lazyPart<T>(importer: () => Promise<T>): LazyPart<T> {
  let snapshot: LazyPartSnapshot<T> = { status: 'idle' };
  let pending: Promise<T> | undefined;
  const listeners = new Set<() => void>();
  const set = (next: LazyPartSnapshot<T>): void => {
    snapshot = next;
    listeners.forEach((listener) => listener());
  };

  const load = (): Promise<T> => {
    if (snapshot.status === 'ready') return Promise.resolve(snapshot.value);
    if (pending) return pending;
    set({ status: 'loading' });
    pending = importer().then(
      (value) => {
        pending = undefined;
        set({ status: 'ready', value });
        return value;
      },
      (cause: unknown) => {
        pending = undefined;
        // A chunk that did not arrive is the network's doing (offline, a deploy replaced it):
        // the step's own Try again asks for it again.
        const error = new DfnsAuthError('network_error', 'A part of the kit could not be loaded (offline, or a new deployment replaced it).', {
          cause,
          retryable: true,
        });
        set({ status: 'error', error });
        throw error;
      },
    );
    return pending;
  };

  return {
    load,
    preload: () => void load().catch(() => undefined),
    snapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The part's export when its chunk is here, for a step that must not await (a click that opens
 * the passkey prompt); otherwise the retryable `network_error` its load failed with, or one that
 * says it is still on its way.
 */
export function loadedValue<T>(part: LazyPart<T>): T {
  const snapshot = part.snapshot();
  if (snapshot.status === 'ready') return snapshot.value;
  throw snapshot.status === 'error'
    ? snapshot.error
    : new DfnsAuthError('network_error', 'A part of the kit is still loading; try again.', { retryable: true });
}
