import { WebAuthnAbortService } from '@simplewebauthn/browser';

/**
 * Runs a SimpleWebAuthn ceremony under an `AbortSignal`. SimpleWebAuthn takes no signal: it keeps
 * one AbortController for the page and aborts the in-flight ceremony whenever a new one starts
 * (`WebAuthnAbortService.createNewAbortSignal`), so a second ceremony rejects the first with
 * `ERROR_CEREMONY_ABORTED`. To honour our signal we call `cancelCeremony()` while our call is
 * pending, and detach on settle so that a late abort cannot cancel someone else's ceremony.
 */
export async function underSignal<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  if (signal === undefined) return run();
  signal.throwIfAborted();
  const onAbort = (): void => WebAuthnAbortService.cancelCeremony();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await run();
    // startAuthentication awaits an autofill check before it registers its controller; an abort in
    // that window finds nothing to cancel, so check again rather than return a result nobody wants.
    signal.throwIfAborted();
    return result;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
