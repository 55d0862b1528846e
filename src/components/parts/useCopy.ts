'use client';
import { useMemo } from 'react';
import { mergeCopy, type AllOf } from '../../messages/mergeCopy';
import type { DeepPartial, DfnsMessages } from '../../messages/types';

/**
 * A part's copy (alert, recovery kit, code panel): its own English slices with the catalogue its
 * component passed laid over them, so the English travels with the part that shows it.
 */
export function useCopy<S extends readonly object[]>(english: readonly [...S], messages: DeepPartial<DfnsMessages> | undefined): AllOf<S> {
  return useMemo(() => mergeCopy(english, messages), [english, messages]);
}
