import { DfnsAuthError } from '../errors';
import { normaliseRecoveryCode } from './recoveryCode';

/** What `parseRecoveryKit` found in a recovery kit text; a field is absent when it was not found. */
export interface ParsedRecoveryKit {
  /** The `D1-…` recovery code, normalised when it is well formed, as found otherwise. */
  recoveryCode?: string | undefined;
  /** The "Recovery Key ID": a 43-character base64url value. */
  recoveryKeyId?: string | undefined;
  /** The username printed on the kit. */
  username?: string | undefined;
}

/** Options of `parseRecoveryKit`. */
export interface ParseRecoveryKitOptions {
  /** More labels of the recovery key id, e.g. those of the app's own message catalogue. */
  recoveryKeyIdLabels?: readonly string[] | undefined;
  /** More labels of the username line. */
  usernameLabels?: readonly string[] | undefined;
}

/**
 * Labels of the recovery key id in the kits this kit writes (English and German catalogues, kit
 * and form) and in Dfns's own "Dfns User Recovery Kit". Kept here, not read from the catalogues,
 * so `dfns-react-kit/core` does not pull in every translation.
 */
export const RECOVERY_KEY_ID_LABELS: readonly string[] = [
  'Recovery key ID',
  'Recovery key id',
  'Recovery Key ID',
  'Schlüssel-ID',
  'ID des Wiederherstellungsschlüssels',
];

/**
 * The longest text `parseRecoveryKit` reads, in characters: a real kit is under 2 KB, and a crafted
 * file of megabytes would otherwise keep the patterns below busy (or overflow the stack).
 */
export const MAX_RECOVERY_KIT_LENGTH = 16_384;

/** Labels of the username line in English and German kits. */
export const USERNAME_LABELS: readonly string[] = ['Username', 'Benutzername'];

// `D1` then dash-separated groups: the kit's layout. Case-insensitive because people retype kits.
const RECOVERY_CODE = /(?<![A-Za-z0-9])D1(?:-[A-Za-z0-9]+)+/i;
// A credId is base64url(SHA-256(...)): exactly 43 characters, not part of a longer token.
const KEY_ID = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/;
const KEY_ID_ALL = new RegExp(KEY_ID.source, 'g');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text after the first of `labels` (as a label: at a line start, or followed by a colon). */
function afterLabel(text: string, labels: readonly string[]): string | undefined {
  let best: number | undefined;
  for (const label of labels) {
    const pattern = new RegExp(`(?:^|\\n)[ \\t]*${escapeRegExp(label.normalize('NFC'))}[ \\t]*:?`, 'i');
    const match = pattern.exec(text);
    if (match && (best === undefined || match.index + match[0].length < best)) best = match.index + match[0].length;
  }
  return best === undefined ? undefined : text.slice(best);
}

/**
 * Reads the recovery code, recovery key id and username from a recovery kit's text: the file
 * `recoveryKitText` writes (English or German), Dfns's own kit, or any text where the `D1-…` code
 * appears and the key id follows its label. Pure; nothing is kept or logged. A text longer than
 * `MAX_RECOVERY_KIT_LENGTH` is refused (`invalid_input`) before any pattern runs.
 * @example const { recoveryCode, recoveryKeyId } = parseRecoveryKit(await file.text());
 */
export function parseRecoveryKit(text: string, options: ParseRecoveryKitOptions = {}): ParsedRecoveryKit {
  if (text.length > MAX_RECOVERY_KIT_LENGTH) {
    throw new DfnsAuthError(
      'invalid_input',
      `A recovery kit is under 2 KB; this text has ${text.length} characters (at most ${MAX_RECOVERY_KIT_LENGTH} are read), so it is not one.`,
    );
  }
  // NFC: a German kit saved on macOS may spell "ü" as "u" plus a combining diaeresis.
  const source = text.normalize('NFC').replace(/\r\n?/g, '\n');
  const result: ParsedRecoveryKit = {};

  const code = RECOVERY_CODE.exec(source)?.[0];
  if (code !== undefined) {
    try {
      result.recoveryCode = normaliseRecoveryCode(code);
    } catch {
      // Shown as typed, so the form can point at the malformed code instead of dropping it.
      result.recoveryCode = code;
    }
  }

  const keyIdLabels = [...(options.recoveryKeyIdLabels ?? []), ...RECOVERY_KEY_ID_LABELS];
  const afterKeyIdLabel = afterLabel(source, keyIdLabels);
  const labelled = afterKeyIdLabel === undefined ? undefined : KEY_ID.exec(afterKeyIdLabel)?.[0];
  if (labelled !== undefined) {
    result.recoveryKeyId = labelled;
  } else {
    // No label (a hand-made note): accept a key id only when exactly one candidate exists.
    const candidates = new Set(source.match(KEY_ID_ALL) ?? []);
    if (candidates.size === 1) result.recoveryKeyId = [...candidates][0];
  }

  const afterUsername = afterLabel(source, [...(options.usernameLabels ?? []), ...USERNAME_LABELS]);
  const username = afterUsername?.split('\n', 1)[0]?.trim();
  if (username) result.username = username;

  return result;
}
