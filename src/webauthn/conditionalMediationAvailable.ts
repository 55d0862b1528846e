/**
 * Whether this browser offers passkey autofill (`mediation: 'conditional'`). Never throws: `false`
 * where there is no WebAuthn, no such check, or the check fails. Reads globals only when called.
 * @example if (await conditionalMediationAvailable()) startAutofill();
 */
export async function conditionalMediationAvailable(): Promise<boolean> {
  const api = (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential;
  if (typeof api !== 'function') return false;
  const check = (api as { isConditionalMediationAvailable?: () => Promise<boolean> }).isConditionalMediationAvailable;
  try {
    return check !== undefined && (await check.call(api)) === true;
  } catch {
    return false;
  }
}
