const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `length` characters drawn uniformly from `alphabet` with the platform CSPRNG. */
function randomChars(alphabet: string, length: number): string {
  // Rejection sampling keeps the draw unbiased for alphabets that do not divide 256.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A Dfns-shaped entity id: `<prefix>-xxxxx-xxxxx-xxxxxxxxxxxxxxxx`. */
export function dfnsId(prefix: string): string {
  return `${prefix}-${randomChars(ID_ALPHABET, 5)}-${randomChars(ID_ALPHABET, 5)}-${randomChars(ID_ALPHABET, 16)}`;
}

/** A human code such as `A7U-KY6-9PT` (registration, recovery, login and credential codes). */
export function humanCode(): string {
  return `${randomChars(CODE_ALPHABET, 3)}-${randomChars(CODE_ALPHABET, 3)}-${randomChars(CODE_ALPHABET, 3)}`;
}

/** A random numeric string, the form of Dfns's `error.id`. */
export function numericId(): string {
  return randomChars('0123456789', 19).replace(/^0+/, '1');
}

/** A random base64url-alphabet string, for challenges and token ids. */
export function randomToken(length = 32): string {
  return randomChars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', length);
}
