'use client';
import { frameCopy } from '../messages/copy/frameCopy';
import { createCredentialCodeCopy } from '../messages/copy/createCredentialCodeCopy';
import { useEffect, useState, type ReactNode } from 'react';
import type { Credential } from '../api/types';
import type { DfnsAuthError } from '../errors';
import { useCreateCredentialCode, type UseCreateCredentialCodeResult } from '../hooks/useCreateCredentialCode';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { CredentialCodePanel } from './parts/CredentialCodePanel';
import { FlowFrame, type KitComponentProps } from './parts/FlowFrame';
import { useKitMessages } from './parts/useKitMessages';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, createCredentialCodeCopy] as const;

/** Props of `<CreateCredentialCode>`. */
export interface CreateCredentialCodeProps extends KitComponentProps {
  /** A passkey made with the code appeared on the account (the credential list is refreshed already). */
  onSuccess?: ((result: { credential: Credential }) => void) | undefined;
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /** Leaves the flow (e.g. closes your dialog): a Cancel button until the passkey arrived, when given. */
  onCancel?: (() => void) | undefined;
  /** How long each code lives, in ms (default 55 s; Dfns allows one minute at most). */
  lifetimeMs?: number | undefined;
  messages?: DeepPartial<DfnsMessages> | undefined;
  /** Replaces the default markup (still inside the root) with your own, driven by the hook. */
  children?: ((hook: UseCreateCredentialCodeResult) => ReactNode) | undefined;
}

/**
 * For a signed-in user: a one-time code (the request signed with a passkey) to type on another
 * device or domain, shown large with Copy and a live countdown, a new one once it expired, and
 * the new passkey's name once it was added there.
 *
 * @example
 * <CreateCredentialCode onSuccess={({ credential }) => toast(`${credential.name} added`)} />
 */
export function CreateCredentialCode(props: CreateCredentialCodeProps): ReactNode {
  const { onSuccess, onError, onCancel, lifetimeMs, messages: overrides, children, ...frame } = props;
  const messages = useKitMessages(COPY, overrides, 'CreateCredentialCode');
  const hook = useCreateCredentialCode({ onSuccess, onError, lifetimeMs });
  const [announcement, setAnnouncement] = useState('');
  const { state } = hook;
  // "Code copied." belongs to the code it was said of.
  useEffect(() => setAnnouncement(''), [state.status, state.attempt]);
  const quiet = (state.status === 'success' || state.status === 'error') && !children;
  return (
    <FlowFrame
      lang={messages.locale}
      {...frame}
      name="CreateCredentialCode"
      status={state.status}
      title={messages.components.createCredentialCode.title}
      description={messages.components.createCredentialCode.description}
      // The focused success and alert are read when they appear: the status line stays quiet then.
      statusText={quiet ? '' : announcement || messages.status.createCredentialCode[state.status]}
      onCancel={
        onCancel && state.status !== 'success'
          ? () => {
              hook.reset();
              onCancel();
            }
          : undefined
      }
      cancelLabel={messages.buttons.cancel}
    >
      {children ? (
        children(hook)
      ) : (
        <CredentialCodePanel
          hook={hook}
          messages={messages}
          onAnnounce={setAnnouncement}
        />
      )}
    </FlowFrame>
  );
}
