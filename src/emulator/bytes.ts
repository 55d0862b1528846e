import { isoBase64URL, isoUint8Array } from '@simplewebauthn/server/helpers';

/** Bytes backed by a plain ArrayBuffer, as WebCrypto's `BufferSource` wants them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** UTF-8 bytes of a string. */
export function utf8(text: string): Bytes {
  return isoUint8Array.fromUTF8String(text) as Bytes;
}

/** A string from UTF-8 bytes. */
export function fromUtf8(bytes: Uint8Array): string {
  return isoUint8Array.toUTF8String(new Uint8Array(bytes));
}

/** base64url (no padding) of bytes. */
export function toBase64Url(bytes: Uint8Array): string {
  return isoBase64URL.fromBuffer(new Uint8Array(bytes));
}

/** Bytes of a base64url string; throws on anything that is not base64url. */
export function fromBase64Url(text: string): Bytes {
  if (!isoBase64URL.isBase64URL(text)) throw new TypeError('not base64url');
  return isoBase64URL.toBuffer(text) as Bytes;
}

/** Bytes of a standard (padded) base64 string, as found in PEM bodies. */
export function fromBase64(text: string): Bytes {
  return isoBase64URL.toBuffer(text, 'base64') as Bytes;
}

/** Standard base64 of bytes, as PEM bodies want it. */
export function toBase64(bytes: Uint8Array): string {
  return isoBase64URL.fromBuffer(new Uint8Array(bytes), 'base64');
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return isoUint8Array.toHex(new Uint8Array(bytes));
}

/** Bytes of a hex string; throws on odd length or non-hex characters. */
export function fromHex(text: string): Bytes {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) throw new TypeError('not hex');
  return isoUint8Array.fromHex(text.toLowerCase()) as Bytes;
}

/** SHA-256 of bytes through WebCrypto. */
export async function sha256(bytes: Bytes): Promise<Bytes> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

/** Lowercase hex SHA-256 of a string's UTF-8 bytes. */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(await sha256(utf8(text)));
}

/** Constant-time-ish string comparison, so code checks do not leak by timing. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
