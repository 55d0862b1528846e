/**
 * A stand-in for "Continue with Google" against the Dfns emulator: the emulator's identity-provider
 * popup (`/emulator/idp/social`) asks which account to use and posts back an id token signed by the
 * emulator's OIDC issuer, the one its organisation allows for social login. With real Google, this
 * function is Google Identity Services' credential callback (or `@react-oauth/google`).
 */
export function emulatorGoogleIdToken(emulatorUrl: string): Promise<string> {
  const emulatorOrigin = new URL(emulatorUrl).origin;
  // Opened inside the click (the kit calls getIdToken synchronously from it), so no popup blocker.
  const popup = window.open(
    `${emulatorOrigin}/emulator/idp/social?origin=${encodeURIComponent(window.location.origin)}`,
    'emulator-google',
    'popup,width=420,height=560',
  );
  return new Promise((resolve, reject) => {
    if (!popup) {
      reject(new Error('the sign-in popup was blocked'));
      return;
    }
    const done = (): void => {
      window.removeEventListener('message', onMessage);
      clearInterval(closedWatch);
    };
    const onMessage = (event: MessageEvent): void => {
      // Only the emulator's popup may answer, and only with its own message shape.
      if (event.origin !== emulatorOrigin || event.source !== popup) return;
      const data = event.data as { type?: unknown; idToken?: unknown; error?: unknown };
      if (data?.type !== 'dfns-emulator-id-token') return;
      done();
      if (typeof data.idToken === 'string') resolve(data.idToken);
      else reject(new Error(`sign-in ended: ${String(data.error ?? 'no id token')}`));
    };
    const closedWatch = setInterval(() => {
      if (!popup.closed) return;
      // The message, when there was one, arrives before the window is seen closed.
      setTimeout(() => {
        done();
        reject(new Error('the sign-in popup was closed'));
      }, 200);
      clearInterval(closedWatch);
    }, 300);
    window.addEventListener('message', onMessage);
  });
}
