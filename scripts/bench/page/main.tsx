/**
 * The bench page: the kit's `<LoginWithPasskey>` against the emulator's Node server, plus the
 * recovery-key unlock, driven by scripts/bench/chromium.mjs through `window.bench`.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot, type Root } from 'react-dom/client';
import { completeRegistration, createDfnsClient, createPasskey, createRecoveryKey, initRegistration, unlockRecoveryKey } from '../../../src/core';
import { DfnsAuthProvider, LoginWithPasskey } from '../../../src/index';

const params = new URLSearchParams(location.search);
const baseUrl = params.get('api') ?? '';
const orgId = params.get('orgId') ?? '';
const rp = { id: 'localhost', name: 'Bench' };

/** How the login button is clicked: after the kit prefetched the challenge on hover, or from a plain button that never prefetches. */
type LoginMode = 'prefetch' | 'no-prefetch';

let root: Root | undefined;

/** The observer's own check: the longest task it reports around a deliberate 80 ms busy loop (0 would mean it sees nothing). */
async function controlTask(): Promise<number> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  await new Promise<void>((resolve) =>
    setTimeout(() => {
      const until = performance.now() + 80;
      while (performance.now() < until) {
        // Busy on purpose.
      }
      resolve();
    }, 0),
  );
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
  for (const entry of observer.takeRecords()) durations.push(entry.duration);
  observer.disconnect();
  return Math.max(0, ...durations);
}

/** The API `scripts/bench/chromium.mjs` drives. */
const bench = {
  /** Registers `username` (registration code from the emulator) with a passkey on the page's virtual authenticator. */
  async register(username: string, registrationCode: string): Promise<void> {
    const client = createDfnsClient({ baseUrl, orgId });
    const challenge = await initRegistration(client, { username, registrationCode });
    const passkey = await createPasskey(challenge, { rp });
    await completeRegistration(client, {
      temporaryAuthenticationToken: challenge.temporaryAuthenticationToken,
      credentials: { firstFactorCredential: passkey },
    });
  },

  /** Renders a fresh `<LoginWithPasskey username>` (new QueryClient, so nothing carries over between runs). */
  mount(mode: LoginMode, username: string): void {
    root?.unmount();
    const container = document.getElementById('root');
    if (!container) throw new Error('no #root');
    root = createRoot(container);
    const queryClient = new QueryClient();
    root.render(
      <QueryClientProvider client={queryClient}>
        <DfnsAuthProvider baseUrl={baseUrl} orgId={orgId} rp={rp}>
          {mode === 'prefetch' ? (
            <LoginWithPasskey username={username} />
          ) : (
            <LoginWithPasskey username={username}>
              {(login) => (
                <button type="button" className="dfns-Button" onClick={() => login.start({ username })}>
                  Sign in
                </button>
              )}
            </LoginWithPasskey>
          )}
        </DfnsAuthProvider>
      </QueryClientProvider>,
    );
  },

  /**
   * Creates a recovery key, then unlocks it (PBKDF2, 100,000 iterations) while a
   * PerformanceObserver records long tasks; returns the longest task and the unlock time (ms).
   */
  async unlock(): Promise<{ longestTaskMs: number; longTasks: number; unlockMs: number; controlTaskMs: number }> {
    const created = await createRecoveryKey({ challenge: { challenge: 'bench', user: { name: 'jane@example.com' } } });
    // Let the creation's own work settle so its tasks are not counted.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const durations: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const started = performance.now();
    await unlockRecoveryKey({
      encryptedRecoveryKey: created.credential.encryptedPrivateKey,
      recoveryCode: created.recoveryCode,
      username: 'jane@example.com',
    });
    const unlockMs = performance.now() - started;
    // Long task entries are delivered after the task ends: give them a frame and a moment.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    for (const entry of observer.takeRecords()) durations.push(entry.duration);
    observer.disconnect();
    return { longestTaskMs: Math.max(0, ...durations), longTasks: durations.length, unlockMs, controlTaskMs: await controlTask() };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
