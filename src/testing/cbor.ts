/**
 * A tiny CBOR encoder (RFC 8949), just enough for WebAuthn attestation objects and COSE keys:
 * integers, byte strings, text strings, arrays and maps. Maps are `Map`s so that the key order
 * (which COSE and CTAP2 canonical form fix) is the insertion order.
 */

/** A value this encoder can write. */
export type CborValue = number | Uint8Array | string | readonly CborValue[] | ReadonlyMap<CborValue, CborValue>;

/** The major type in the top three bits, the length or value in the rest (shortest form). */
function head(major: number, value: number): number[] {
  const type = major << 5;
  if (value < 24) return [type | value];
  if (value < 0x100) return [type | 24, value];
  if (value < 0x10000) return [type | 25, value >> 8, value & 0xff];
  if (value < 0x100000000) return [type | 26, (value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
  throw new RangeError('CBOR values above 2^32 - 1 are not needed by WebAuthn and not supported');
}

/** Appends the encoding of `value` to `out`. */
function write(value: CborValue, out: number[]): void {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError('Only integers can be CBOR-encoded here');
    // Negative n is major type 1 with argument -1 - n (so -7 is written as 6).
    out.push(...(value >= 0 ? head(0, value) : head(1, -1 - value)));
  } else if (value instanceof Uint8Array) {
    out.push(...head(2, value.length));
    for (const byte of value) out.push(byte);
  } else if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    out.push(...head(3, bytes.length));
    for (const byte of bytes) out.push(byte);
  } else if (Array.isArray(value)) {
    const items = value as readonly CborValue[];
    out.push(...head(4, items.length));
    for (const item of items) write(item, out);
  } else {
    const map = value as ReadonlyMap<CborValue, CborValue>;
    out.push(...head(5, map.size));
    for (const [key, item] of map) {
      write(key, out);
      write(item, out);
    }
  }
}

/** The CBOR encoding of `value`. */
export function encodeCbor(value: CborValue): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  write(value, out);
  return new Uint8Array(out);
}
