'use client';
import { frameCopy } from '../messages/copy/frameCopy';
import { credentialNameCopy } from '../messages/copy/credentialNameCopy';
import { credentialNamesCopy } from '../messages/copy/credentialNamesCopy';
import { createRecoveryKeyCopy } from '../messages/copy/createRecoveryKeyCopy';
import { useCallback, type ReactNode } from 'react';
import type { Credential } from '../api/types';
import type { DfnsAuthError } from '../errors';
import type { UseAddCredentialResult } from '../hooks/useAddCredential';
import { useCreateRecoveryKey } from '../hooks/useCreateRecoveryKey';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { AddCredentialView } from './parts/AddCredentialView';
import type { KitComponentProps } from './parts/FlowFrame';
import { preloadRecoveryKitStep, RecoveryKitStep } from './parts/RecoveryKitStep';
import { useKitMessages } from './parts/useKitMessages';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, credentialNameCopy, credentialNamesCopy, createRecoveryKeyCopy] as const;

/** The new kit's step: `<CreateRecoveryKey>` is the add-credential component that shows one. */
const KIT_STEP = { Step: RecoveryKitStep, preload: preloadRecoveryKitStep };

/** Props of `<CreateRecoveryKey>`. */
export interface CreateRecoveryKeyProps extends KitComponentProps {
  /** Called once the user confirmed they saved the new recovery kit. */
  onSuccess?: ((result: { credential: Credential }) => void) | undefined;
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /** Leaves the flow (e.g. closes your dialog): a Cancel button is shown until the credential exists, when given. */
  onCancel?: (() => void) | undefined;
  messages?: DeepPartial<DfnsMessages> | undefined;
  /** Replaces the default markup (still inside the root) with your own, driven by the hook. */
  children?: ((hook: UseAddCredentialResult) => ReactNode) | undefined;
}

/**
 * Creates a recovery key for the logged-in user, authorised with their passkey, and shows the
 * new recovery kit once (copy, download, print) until they confirm they saved it.
 *
 * @example
 * <CreateRecoveryKey onSuccess={() => router.push('/settings')} />
 */
export function CreateRecoveryKey(props: CreateRecoveryKeyProps): ReactNode {
  const { onSuccess, onError, onCancel, messages: overrides, children, ...frame } = props;
  const messages = useKitMessages(COPY, overrides, 'CreateRecoveryKey');
  const hook = useCreateRecoveryKey({ onSuccess, onError });
  const defaultName = useCallback(() => messages.credentialNames.recoveryKey, [messages]);
  return (
    <AddCredentialView
      {...frame}
      name="CreateRecoveryKey"
      hook={hook}
      messages={messages}
      copyKey="createRecoveryKey"
      submitLabel={messages.buttons.addRecoveryKey}
      nameHint={messages.hints.recoveryKeyName}
      defaultName={defaultName}
      successNext={messages.nextSteps.recoveryKeyAdded}
      onCancel={onCancel}
      successText={() => messages.success.recoveryKeyAdded}
      kitStep={KIT_STEP}
    >
      {children}
    </AddCredentialView>
  );
}
