'use client';
import type { ReactNode, Ref } from 'react';
import type { Credential } from '../../api/types';
import type { AllOf } from '../../messages/mergeCopy';
import type { credentialListCopy } from '../../messages/copy/credentialListCopy';
import { Button, type ButtonProps } from './Button';

/** Props of a credential row's button. */
export interface CredentialRowButtonProps extends Pick<ButtonProps, 'onClick' | 'onFocus' | 'onBlur' | 'onPointerEnter'> {
  credential: Credential;
  messages: AllOf<[typeof credentialListCopy]>;
  /** From the press until the list shows the new state: no second press, and the hint says what runs. */
  busy: boolean;
  /** The actions' container, to put focus back on its button. */
  containerRef?: Ref<HTMLDivElement> | undefined;
  /** Whether the passkey prompt comes next, so a busy button's hint asks for it (default); not before a deactivation's question. */
  passkeyNext?: boolean | undefined;
}

/** A credential row's Activate or Deactivate, the same before and after the row's signing code has loaded. */
export function CredentialRowButton({
  credential,
  messages,
  busy,
  containerRef,
  passkeyNext = true,
  ...handlers
}: CredentialRowButtonProps): ReactNode {
  return (
    <div ref={containerRef} className="dfns-actions">
      {/* Secondary either way: one row's action must not outshine the list it sits in. */}
      <Button variant="secondary" busy={busy} {...handlers}>
        {credential.isActive ? messages.buttons.deactivate : messages.buttons.activate}
      </Button>
      {busy && passkeyNext ? <span className="dfns-hint">{messages.credentialList.pending}</span> : null}
    </div>
  );
}
