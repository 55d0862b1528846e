'use client';
import { useMemo } from 'react';
import { mergeMessages } from '../../messages/mergeMessages';
import type { DeepPartial, DfnsMessages } from '../../messages/types';
import { useDfnsAuth } from '../../provider/useDfnsAuth';

/** The provider's catalogue with a component's own `messages` prop merged over it. */
export function useKitMessages(overrides: DeepPartial<DfnsMessages> | undefined, hookName: string): DfnsMessages {
  const { messages } = useDfnsAuth(hookName);
  return useMemo(() => (overrides ? mergeMessages(messages, overrides) : messages), [messages, overrides]);
}
