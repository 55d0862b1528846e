/**
 * The browser's own answer to "is there a platform authenticator with user verification?"
 * (`isUserVerifyingPlatformAuthenticatorAvailable`), or `undefined` where it has no such check or
 * the check fails. Needs no SimpleWebAuthn, so a custom `create` pays nothing for it.
 */
export async function browserHasPlatformAuthenticator(): Promise<boolean | undefined> {
  const api = (globalThis as { PublicKeyCredential?: { isUserVerifyingPlatformAuthenticatorAvailable?: () => Promise<boolean> } })
    .PublicKeyCredential;
  if (typeof api?.isUserVerifyingPlatformAuthenticatorAvailable !== 'function') return undefined;
  try {
    return (await api.isUserVerifyingPlatformAuthenticatorAvailable()) === true;
  } catch {
    return undefined;
  }
}
