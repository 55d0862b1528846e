/** The recovery kit as a plain-text file. */
import type { RecoveryKit } from '../flows/flowState';
import { recoveryKitCopy } from './copy/recoveryKitCopy';
import { recoveryKitHeadingCopy } from './copy/recoveryKitHeadingCopy';
import { recoveryKitLabelsCopy } from './copy/recoveryKitLabelsCopy';
import { mergeCopy } from './mergeCopy';
import type { DfnsMessages } from './types';

/**
 * The content of the downloadable recovery kit: title, warning, the kit's fields in aligned
 * columns, and numbered instructions. Plain text with `\n` line ends, so it prints anywhere.
 * @example
 * const blob = new Blob([recoveryKitText(kit, messages)], { type: 'text/plain' });
 */
export function recoveryKitText(kit: RecoveryKit, messages: Pick<DfnsMessages, 'recoveryKit'> = mergeCopy([recoveryKitHeadingCopy, recoveryKitLabelsCopy, recoveryKitCopy])): string {
  const copy = messages.recoveryKit;
  const fields: Array<[string, string]> = [
    [copy.recoveryCode, kit.recoveryCode],
    [copy.recoveryKeyId, kit.credId],
    [copy.username, kit.username],
    [copy.orgId, kit.orgId],
    [copy.server, kit.server],
    [copy.createdAt, kit.createdAt],
  ];
  const width = Math.max(...fields.map(([label]) => label.length)) + 1;
  return [
    copy.title,
    '='.repeat(copy.title.length),
    '',
    copy.intro,
    '',
    copy.warning,
    '',
    ...fields.map(([label, value]) => `${`${label}:`.padEnd(width + 1)} ${value}`),
    '',
    copy.instructionsTitle,
    ...copy.instructions.map((step, index) => `${index + 1}. ${step}`),
    '',
  ].join('\n');
}
