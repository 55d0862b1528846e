'use client';
import { frameCopy } from '../messages/copy/frameCopy';
import { credentialNameCopy } from '../messages/copy/credentialNameCopy';
import { credentialNamesCopy } from '../messages/copy/credentialNamesCopy';
import { passkeyAddedCopy } from '../messages/copy/passkeyAddedCopy';
import { addPasskeyCopy } from '../messages/copy/addPasskeyCopy';
import { useCallback, type ReactNode } from 'react';
import type { DfnsAuthError } from '../errors';
import type { UseAddCredentialResult } from '../hooks/useAddCredential';
import { useAddPasskey } from '../hooks/useAddPasskey';
import type { Credential } from '../api/types';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { AddCredentialView } from './parts/AddCredentialView';
import type { KitComponentProps } from './parts/FlowFrame';
import { platformName } from './parts/platformName';
import { useKitMessages } from './parts/useKitMessages';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, credentialNameCopy, credentialNamesCopy, passkeyAddedCopy, addPasskeyCopy] as const;

/** Props of `<AddPasskey>`. */
export interface AddPasskeyProps extends KitComponentProps {
  onSuccess?: ((result: { credential: Credential }) => void) | undefined;
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /** Leaves the flow (e.g. closes your dialog): a Cancel button is shown until the credential exists, when given. */
  onCancel?: (() => void) | undefined;
  messages?: DeepPartial<DfnsMessages> | undefined;
  /** Replaces the default markup (still inside the root) with your own, driven by the hook. */
  children?: ((hook: UseAddCredentialResult) => ReactNode) | undefined;
}

/**
 * Adds a passkey to the logged-in user's account: a name (prefilled "Passkey on <platform>"),
 * the prompt that creates it, and a prompt with an existing passkey that authorises it.
 *
 * @example
 * <AddPasskey onSuccess={({ credential }) => console.log(credential.name)} />
 */
export function AddPasskey(props: AddPasskeyProps): ReactNode {
  const { onSuccess, onError, onCancel, messages: overrides, children, ...frame } = props;
  const messages = useKitMessages(COPY, overrides, 'AddPasskey');
  const hook = useAddPasskey({ onSuccess, onError });
  const defaultName = useCallback(
    () => messages.credentialNames.passkey({ platform: platformName() ?? messages.credentialNames.thisDevice }),
    [messages],
  );
  return (
    <AddCredentialView
      {...frame}
      name="AddPasskey"
      hook={hook}
      messages={messages}
      copyKey="addPasskey"
      submitLabel={messages.buttons.addPasskey}
      nameHint={messages.hints.credentialName}
      defaultName={defaultName}
      successNext={messages.nextSteps.passkeyAdded}
      onCancel={onCancel}
      successText={(name) => messages.success.passkeyAdded({ name })}
    >
      {children}
    </AddCredentialView>
  );
}
