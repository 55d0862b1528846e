'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import type { DfnsAuthError } from '../../errors';
import { useCreateCredentialCode } from '../../hooks/useCreateCredentialCode';
import { passkeyAddedCopy } from '../../messages/copy/passkeyAddedCopy';
import type { DeepPartial, DfnsMessages } from '../../messages/types';
import { CredentialCodePanel } from './CredentialCodePanel';
import { useCopy } from './useCopy';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

/** Props of the code section under `<CredentialList addOnAnotherDevice>`. */
export interface CodeForAnotherDeviceProps {
  /** The list's catalogue, laid over this section's own English. */
  messages: DeepPartial<DfnsMessages>;
  onAnnounce: (text: string) => void;
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /** The user's click asked for a code while this section's chunk loaded: start at once. */
  startAtOnce?: boolean | undefined;
  /** That click's button had focus: give it to this section's button, which took its place. */
  takeFocus?: boolean | undefined;
}

const SECTION_COPY = [passkeyAddedCopy] as const;

/**
 * "Add a passkey on another device" under the list, once asked for (its own chunk): the code
 * steps, and the list refreshes itself when the passkey arrives.
 */
export function CodeForAnotherDevice({ messages, onAnnounce, onError, startAtOnce = false, takeFocus = false }: CodeForAnotherDeviceProps): ReactNode {
  const { success } = useCopy(SECTION_COPY, messages);
  const hook = useCreateCredentialCode({
    onError,
    onSuccess: ({ credential }) => onAnnounce(success.passkeyAdded({ name: credential.name })),
  });
  const sectionRef = useRef<HTMLDivElement>(null);
  const started = useRef(!startAtOnce);
  const { start } = hook;

  useIsomorphicLayoutEffect(() => {
    if (takeFocus) sectionRef.current?.querySelector('button')?.focus();
    // Once, on arrival: afterwards focus follows the panel's own steps.
  }, []);

  useEffect(() => {
    if (started.current) return undefined;
    // The click was the user's; only the chunk stood between it and the code request. Deferred a
    // task so that StrictMode's trial unmount cancels the timer instead of aborting the request.
    const timer = setTimeout(() => {
      started.current = true;
      start();
    }, 0);
    return () => clearTimeout(timer);
  }, [start]);

  return (
    <div ref={sectionRef} className="dfns-credential-code-section" data-status={hook.state.status}>
      <CredentialCodePanel hook={hook} messages={messages} onAnnounce={onAnnounce} starting={!started.current} />
    </div>
  );
}
