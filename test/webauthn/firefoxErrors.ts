/**
 * What Firefox 153 ESR rejected `navigator.credentials.create` / `get` with, recorded from the real
 * browser (headless, soft-token virtual authenticator over Marionette, page on http://localhost).
 * `create` and `get` gave the same name and message in every case. Kept verbatim, trailing space
 * included, so the mapping is tested against what users' browsers say, not against a paraphrase.
 */
export const FIREFOX_153_ERRORS = {
  /** rp id "example.com" on a localhost page. */
  wrongRpId: { name: 'SecurityError', message: 'The operation is insecure.' },
  /**
   * The user dismissed the prompt (authenticator not consenting), user verification failed, no
   * authenticator at all, or `authenticatorAttachment: 'platform'` on Linux: all the same, at once.
   */
  notAllowed: {
    name: 'NotAllowedError',
    message: 'The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.',
  },
  /** The authenticator holds one of `excludeCredentials`. */
  excluded: { name: 'InvalidStateError', message: 'An attempt was made to use an object that is not, or is no longer, usable' },
  /** The request's signal aborted without a reason (before or during the request, conditional too). */
  aborted: { name: 'AbortError', message: 'The operation was aborted. ' },
  /**
   * Refused before any authenticator is asked: the page was not focused (another tab in front), or
   * a cross-origin iframe, with or without focus, has no `allow="publickey-credentials-…"`.
   */
  containerRefused: { name: 'NotAllowedError', message: 'CredentialsContainer request is not allowed.' },
} as const;
