/**
 * The ONE in-browser Dfns emulator every story talks to, through MSW. A module singleton, so
 * what a person does in one live story (register, log in, add a recovery key) is still there in
 * the next story, until the page reloads.
 */
import type { HttpHandler } from 'msw';
import { createDfnsEmulator, type DfnsEmulator } from '../../src/emulator';
import { dfnsEmulatorHandlers } from '../../src/emulator/msw';

/** Where stories send Dfns requests; MSW answers them from the emulator, nothing leaves the page. */
export const EMULATOR_BASE_URL = 'https://api.dfns.emulator';

/** The invited user a person registers with in the live stories. */
export const DEMO_USERNAME = 'demo@example.com';

/** The relying party of the emulator target: passkeys are bound to `localhost`. */
export const EMULATOR_RP = { id: 'localhost', name: 'Dfns React Kit (emulator)' } as const;

const listeners = new Set<() => void>();

/** Tells the emulator panel (and anyone else listening) that the emulator's state changed. */
export function notifyEmulatorChanged(): void {
  for (const listener of listeners) listener();
}

/** Calls `listener` after every request the emulator answers and every admin change; returns the unsubscribe. */
export function subscribeToEmulator(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The emulator instance; `origins: '*'` because Storybook runs on any localhost port. */
export const emulator: DfnsEmulator = createDfnsEmulator({ origins: '*', rpId: EMULATOR_RP.id, rpName: EMULATOR_RP.name });

/** Invites the demo user (a registration code lands in the outbox) unless they exist already. */
export function seedDemoUser(): void {
  if (emulator.users().some((user) => user.username === DEMO_USERNAME)) return;
  emulator.createUser({ username: DEMO_USERNAME });
  notifyEmulatorChanged();
}

/** Empties the emulator and invites the demo user again. */
export function resetEmulator(): void {
  emulator.reset();
  seedDemoUser();
  notifyEmulatorChanged();
}

seedDemoUser();

// For the static Storybook's smoke tests: who the page's emulator knows (read-only; the emulator
// lives in this page anyway).
Object.defineProperty(globalThis, '__dfnsStoryEmulatorUsers', { value: () => emulator.users().map((user) => user.username), configurable: true });

// The panel refreshes after each answered request; the wrapper keeps the emulator's own errors
// (a dropped request rejects) so MSW still turns them into network failures.
const observed: DfnsEmulator = Object.create(emulator, {
  handle: {
    value: (request: Request) =>
      emulator.handle(request).finally(() => {
        // After the response is built, so the panel reads the state the response reflects.
        queueMicrotask(notifyEmulatorChanged);
      }),
  },
}) as DfnsEmulator;

/** MSW handlers that route every request under `EMULATOR_BASE_URL` to the emulator. */
export const emulatorHandlers: HttpHandler[] = dfnsEmulatorHandlers(observed, { baseUrl: EMULATOR_BASE_URL });

/**
 * A `fetch` that hands requests straight to the emulator, without the service worker. Only the
 * frames of the all-states gallery use it: a dozen sibling frames starting MSW at once share one
 * service worker, which can route a frame's request to a sibling's emulator.
 */
export const emulatorFetch: typeof globalThis.fetch = (input, init) => observed.handle(new Request(input, init));
