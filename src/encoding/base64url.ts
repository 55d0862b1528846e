/**
 * Byte encodings the Dfns wire format uses. Plain `Uint8Array`/`btoa`, no Node `Buffer`, so the
 * same code runs in browsers, workers, Node and edge runtimes.
 */

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes of a string. */
export function utf8ToBytes(text: string): Uint8Array<ArrayBuffer> {
  return utf8Encoder.encode(text) as Uint8Array<ArrayBuffer>;
}

/** A string from UTF-8 bytes; throws a `TypeError` on invalid UTF-8. */
export function bytesToUtf8(bytes: Uint8Array | ArrayBuffer): string {
  return utf8Decoder.decode(bytes);
}

/** Standard base64 with padding (PEM bodies, recovery-key blobs). */
export function bytesToBase64(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  // Chunked so that large inputs do not overflow the argument limit of String.fromCharCode.
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Bytes from standard base64 or base64url, padded or not; throws a `TypeError` when malformed. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const normalised = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normalised) || normalised.replace(/=+$/, '').length % 4 === 1) {
    throw new TypeError('Not a base64 or base64url string');
  }
  const padded = normalised.replace(/=+$/, '').padEnd(Math.ceil(normalised.replace(/=+$/, '').length / 4) * 4, '=');
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** base64url (RFC 4648 §5) without padding, the encoding of every binary field Dfns takes. */
export function bytesToBase64url(bytes: Uint8Array | ArrayBuffer): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bytes from base64url (padding optional). */
export function base64urlToBytes(text: string): Uint8Array<ArrayBuffer> {
  return base64ToBytes(text);
}

/** base64url of the UTF-8 bytes of a string: how a Dfns challenge string becomes WebAuthn bytes. */
export function utf8ToBase64url(text: string): string {
  return bytesToBase64url(utf8ToBytes(text));
}

/** The UTF-8 string behind a base64url value. */
export function base64urlToUtf8(text: string): string {
  return bytesToUtf8(base64urlToBytes(text));
}

/** Lower-case hex of bytes (fingerprint hashes, DER signatures in Key attestations). */
export function bytesToHex(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = '';
  for (const byte of view) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Bytes from hex; throws a `TypeError` when malformed. */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new TypeError('Not a hex string');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
