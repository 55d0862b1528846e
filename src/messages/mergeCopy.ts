/** The copy a component shows: its English slices with the app's catalogues laid over them. */
import { mergeDeep } from './mergeDeep';
import type { DeepPartial, DfnsMessages } from './types';

/** Every type of a list at once: `[A, B]` → `A & B` (nested sections intersect key by key). */
export type AllOf<T extends readonly unknown[]> = T extends readonly [infer Head, ...infer Rest] ? Head & AllOf<Rest> : unknown;

/**
 * English slices of the catalogue (`src/messages/copy`) merged, then each layer laid over them in
 * order: the provider's `messages`, then a component's own. Typed as the English slices, so a
 * component that reads a string none of its slices carries does not compile, and each component
 * ships only the English it shows.
 * @example
 * const messages = mergeCopy([frameCopy, loginCopy], providerMessages, props.messages);
 */
export function mergeCopy<S extends readonly object[]>(
  english: readonly [...S],
  ...layers: Array<DfnsMessages | DeepPartial<DfnsMessages> | undefined>
): AllOf<S> {
  let merged: Record<string, unknown> = {};
  for (const layer of [...english, ...layers]) if (layer) merged = mergeDeep(merged, layer as Record<string, unknown>);
  return merged as AllOf<S>;
}
