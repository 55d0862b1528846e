/** Overriding parts of a message catalogue. */
import { mergeDeep } from './mergeDeep';
import type { DeepPartial, DfnsMessages } from './types';

/**
 * A catalogue with `overrides` laid over `base`, key by key at any depth; strings, functions
 * and lists are replaced whole. Neither argument is changed.
 * @example
 * const messages = mergeMessages(englishMessages, { buttons: { register: 'Get started' } });
 */
export function mergeMessages(base: DfnsMessages, overrides: DeepPartial<DfnsMessages> = {}): DfnsMessages {
  return mergeDeep(
    base as unknown as Record<string, unknown>,
    overrides as Record<string, unknown>,
  ) as unknown as DfnsMessages;
}
