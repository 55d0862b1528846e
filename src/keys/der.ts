/**
 * ECDSA signature encodings. WebCrypto signs P-256 as raw `r || s` (64 bytes, IEEE P1363);
 * Dfns wants ASN.1 DER (`SEQUENCE { INTEGER r, INTEGER s }`), as OpenSSL and Node produce.
 */

const COORDINATE_LENGTH = 32;

/** DER of a WebCrypto P-256 signature (raw 64-byte `r || s`), for Dfns key credentials. */
export function rawToDer(raw: Uint8Array | ArrayBuffer): Uint8Array<ArrayBuffer> {
  // isView, not instanceof: buffers from another realm (iframes, jsdom over Node) fail instanceof.
  const bytes = ArrayBuffer.isView(raw) ? raw : new Uint8Array(raw);
  if (bytes.length !== COORDINATE_LENGTH * 2) {
    throw new TypeError(`A raw P-256 signature is ${COORDINATE_LENGTH * 2} bytes, got ${bytes.length}`);
  }
  const r = derInteger(bytes.subarray(0, COORDINATE_LENGTH));
  const s = derInteger(bytes.subarray(COORDINATE_LENGTH));
  // At most 2 * (2 + 33) = 70 content bytes, so the short length form always fits.
  const out = new Uint8Array(2 + r.length + s.length);
  out[0] = 0x30;
  out[1] = r.length + s.length;
  out.set(r, 2);
  out.set(s, 2 + r.length);
  return out;
}

/** Raw 64-byte `r || s` of a DER ECDSA P-256 signature (what WebCrypto `verify` takes). */
export function derToRaw(der: Uint8Array | ArrayBuffer): Uint8Array<ArrayBuffer> {
  const bytes = ArrayBuffer.isView(der) ? der : new Uint8Array(der);
  if (bytes[0] !== 0x30 || bytes[1] !== bytes.length - 2) throw new TypeError('Not a DER ECDSA signature');
  const out = new Uint8Array(COORDINATE_LENGTH * 2);
  let offset = 2;
  for (let i = 0; i < 2; i += 1) {
    if (bytes[offset] !== 0x02) throw new TypeError('Not a DER ECDSA signature');
    const length = bytes[offset + 1] ?? 0;
    let value = bytes.subarray(offset + 2, offset + 2 + length);
    if (value.length !== length || length === 0) throw new TypeError('Not a DER ECDSA signature');
    // Strip the sign padding and any non-minimal zeros some encoders leave.
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    if (value.length > COORDINATE_LENGTH) throw new TypeError('DER integer longer than a P-256 coordinate');
    out.set(value, i * COORDINATE_LENGTH + COORDINATE_LENGTH - value.length);
    offset += 2 + length;
  }
  if (offset !== bytes.length) throw new TypeError('Trailing bytes after a DER ECDSA signature');
  return out;
}

/** A DER INTEGER of an unsigned big-endian value: minimal, with a 0x00 when the high bit is set. */
function derInteger(unsigned: Uint8Array): Uint8Array {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start += 1;
  const value = unsigned.subarray(start);
  const pad = (value[0] ?? 0) & 0x80 ? 1 : 0;
  const out = new Uint8Array(2 + pad + value.length);
  out[0] = 0x02;
  out[1] = pad + value.length;
  out.set(value, 2 + pad);
  return out;
}
