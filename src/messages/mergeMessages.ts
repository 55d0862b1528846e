/** Overriding parts of a message catalogue. */
import type { DeepPartial, DfnsMessages } from './types';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDeep(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, override] of Object.entries(overrides)) {
    // `undefined` means "not overridden", so a spread of optional props cannot blank a string.
    if (override === undefined) continue;
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(override) ? mergeDeep(current, override) : override;
  }
  return merged;
}

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
