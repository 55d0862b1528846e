/**
 * WebCrypto signs ECDSA as raw `r || s`; WebAuthn (ES256) wants an ASN.1 DER `SEQUENCE { r, s }`.
 * Kept local to `testing/` so the test authenticator does not lean on the code it helps to test.
 */

/** One DER INTEGER: minimal, positive (a leading 0x00 when the top bit is set). */
function derInteger(bytes: Uint8Array): number[] {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const body = Array.from(bytes.subarray(start));
  if ((body[0] ?? 0) & 0x80) body.unshift(0);
  return [0x02, body.length, ...body];
}

/** DER encoding of a raw P-256 ECDSA signature (64 bytes, `r || s`). */
export function rawSignatureToDer(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  if (raw.length !== 64) throw new RangeError(`Expected a 64-byte P-256 signature, got ${raw.length} bytes`);
  const body = [...derInteger(raw.subarray(0, 32)), ...derInteger(raw.subarray(32))];
  // At most 2 × 35 bytes, so the SEQUENCE length always fits the one-byte short form.
  return new Uint8Array([0x30, body.length, ...body]);
}
