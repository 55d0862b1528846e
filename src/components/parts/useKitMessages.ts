'use client';
import { useMemo } from 'react';
import { mergeCopy, type AllOf } from '../../messages/mergeCopy';
import type { DeepPartial, DfnsMessages } from '../../messages/types';
import { useDfnsAuth } from '../../provider/useDfnsAuth';

/**
 * A component's copy: its English slices (a module constant, so the memo holds), the provider's
 * `messages` over them, and the component's own `messages` prop over that.
 */
export function useKitMessages<S extends readonly object[]>(
  english: readonly [...S],
  overrides: DeepPartial<DfnsMessages> | undefined,
  hookName: string,
): AllOf<S> {
  const { messages } = useDfnsAuth(hookName);
  return useMemo(() => mergeCopy(english, messages, overrides), [english, messages, overrides]);
}
