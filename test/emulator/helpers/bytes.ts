/** Test-side encodings, written with Node's Buffer so they stay independent of the emulator's. */
export const b64url = (bytes: Uint8Array | string): string =>
  Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes).toString('base64url');

/** Bytes of base64url. */
export const fromB64url = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64url'));

/** SHA-256 through WebCrypto. */
export async function sha256(bytes: Uint8Array | string): Promise<Uint8Array> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

/** Converts WebCrypto's raw `r || s` ECDSA signature to DER, as WebAuthn and Dfns key credentials send it. */
export function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (half: Uint8Array): number[] => {
    let start = 0;
    while (start < half.length - 1 && half[start] === 0) start += 1;
    const bytes = [...half.slice(start)];
    if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
    return [0x02, bytes.length, ...bytes];
  };
  const body = [...integer(raw.slice(0, 32)), ...integer(raw.slice(32))];
  return Uint8Array.from([0x30, body.length, ...body]);
}

/** ECDSA P-256 SHA-256 signature over `data`, DER-encoded. */
export async function signDer(privateKey: CryptoKey, data: Uint8Array | string): Promise<Uint8Array> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
  const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, bytes));
  return rawToDer(raw);
}
