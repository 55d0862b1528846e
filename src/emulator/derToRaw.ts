/**
 * Converts a DER ECDSA signature (`SEQUENCE { INTEGER r, INTEGER s }`) to the raw `r || s`
 * form WebCrypto verifies, each half left-padded to `size` bytes. Throws on malformed DER.
 */
export function derToRaw(der: Uint8Array, size = 32): Uint8Array<ArrayBuffer> {
  let offset = 0;
  const readByte = (): number => {
    const byte = der[offset];
    if (byte === undefined) throw new TypeError('DER signature is truncated');
    offset += 1;
    return byte;
  };
  const readLength = (): number => {
    const first = readByte();
    if (first < 0x80) return first;
    // Long form: P-256 signatures never need it, but P-521 ones do, so accept one length byte.
    if (first !== 0x81) throw new TypeError('DER length is not supported');
    return readByte();
  };
  const readInteger = (): Uint8Array => {
    if (readByte() !== 0x02) throw new TypeError('DER signature lacks an INTEGER');
    const length = readLength();
    const value = der.slice(offset, offset + length);
    if (value.length !== length || length === 0) throw new TypeError('DER INTEGER is truncated');
    offset += length;
    let start = 0;
    // DER adds a 0x00 byte when the high bit is set; raw form has no sign byte.
    while (start < value.length - 1 && value[start] === 0) start += 1;
    const trimmed = value.slice(start);
    if (trimmed.length > size) throw new TypeError('DER INTEGER is too long');
    return trimmed;
  };

  if (readByte() !== 0x30) throw new TypeError('DER signature is not a SEQUENCE');
  const sequenceLength = readLength();
  if (sequenceLength !== der.length - offset) throw new TypeError('DER SEQUENCE length is wrong');
  const r = readInteger();
  const s = readInteger();
  if (offset !== der.length) throw new TypeError('DER signature has trailing bytes');

  const raw = new Uint8Array(size * 2);
  raw.set(r, size - r.length);
  raw.set(s, size * 2 - s.length);
  return raw;
}
