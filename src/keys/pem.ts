import { bytesToBase64 } from '../encoding/base64url';

/** A PEM `PUBLIC KEY` from SPKI DER, base64 in 64-character lines as Dfns's SDK writes it. */
export function toPem(spki: Uint8Array | ArrayBuffer): string {
  const body = bytesToBase64(spki).match(/.{1,64}/g) ?? [];
  return ['-----BEGIN PUBLIC KEY-----', ...body, '-----END PUBLIC KEY-----'].join('\n');
}
