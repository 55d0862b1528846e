'use client';
import { useRef, type ReactNode } from 'react';
import type { DfnsAuthError } from '../../errors';
import { useCreateCredentialCode } from '../../hooks/useCreateCredentialCode';
import { passkeyAddedCopy } from '../../messages/copy/passkeyAddedCopy';
import type { DeepPartial, DfnsMessages } from '../../messages/types';
import { CredentialCodePanel } from './CredentialCodePanel';
import { useCarryOutPress } from './useCarryOutPress';
import { useCopy } from './useCopy';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

/** Props of the code section under `<CredentialList addOnAnotherDevice>`. */
export interface CodeForAnotherDeviceProps {
  /** The list's catalogue, laid over this section's own English. */
  messages: DeepPartial<DfnsMessages>;
  onAnnounce: (text: string) => void;
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /** The user asked for a code while this section's code was loading: ask for it now. */
  pressed?: boolean | undefined;
  /** That click's button had focus: give it to this section's button, which took its place. */
  takeFocus?: boolean | undefined;
}

const SECTION_COPY = [passkeyAddedCopy] as const;

/**
 * "Add a passkey on another device" under the list, once asked for (its own chunk): the code
 * steps, and the list refreshes itself when the passkey arrives.
 */
export function CodeForAnotherDevice({ messages, onAnnounce, onError, pressed = false, takeFocus = false }: CodeForAnotherDeviceProps): ReactNode {
  const { success } = useCopy(SECTION_COPY, messages);
  const hook = useCreateCredentialCode({
    onError,
    onSuccess: ({ credential }) => onAnnounce(success.passkeyAdded({ name: credential.name })),
  });
  const sectionRef = useRef<HTMLDivElement>(null);

  useIsomorphicLayoutEffect(() => {
    if (takeFocus) sectionRef.current?.querySelector('button')?.focus();
    // Once, on arrival: afterwards focus follows the panel's own steps.
  }, []);

  const starting = useCarryOutPress(pressed, hook.start);

  return (
    <div ref={sectionRef} className="dfns-credential-code-section" data-status={hook.state.status}>
      <CredentialCodePanel hook={hook} messages={messages} onAnnounce={onAnnounce} starting={starting} />
    </div>
  );
}
