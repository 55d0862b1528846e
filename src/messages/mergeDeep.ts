/** Laying one plain object over another, key by key at any depth. */

/** True for `{…}` objects: merged key by key; strings, functions and lists are replaced whole. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of `base` with `overrides` laid over it, key by key at any depth. Neither argument is changed.
 * @example
 * mergeDeep({ buttons: { retry: 'Try again' } }, { buttons: { retry: 'Retry' } });
 */
export function mergeDeep(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, override] of Object.entries(overrides)) {
    // `undefined` means "not overridden", so a spread of optional props cannot blank a string.
    if (override === undefined) continue;
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(override) ? mergeDeep(current, override) : override;
  }
  return merged;
}
