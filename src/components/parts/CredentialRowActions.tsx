'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { Credential } from '../../api/types';
import type { DfnsAuthError } from '../../errors';
import { useUserActionSigner, type UserActionRequest } from '../../hooks/useUserActionSigner';
import { useDfnsAuth } from '../../provider/useDfnsAuth';
import { dfnsKeys } from '../../query/dfnsKeys';
import type { credentialListCopy } from '../../messages/copy/credentialListCopy';
import type { frameCopy } from '../../messages/copy/frameCopy';
import type { pendingApprovalCopy } from '../../messages/copy/pendingApprovalCopy';
import type { AllOf } from '../../messages/mergeCopy';
import { Button } from './Button';
import { CredentialRowButton } from './CredentialRowButton';
import { ErrorAlert } from './ErrorAlert';
import { useCarryOutPress } from './useCarryOutPress';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

/** The copy a row shows (the list's own catalogue, which the list passes down). */
type RowCopy = AllOf<[typeof frameCopy, typeof pendingApprovalCopy, typeof credentialListCopy]>;

/** Props of a row's actions. */
export interface CredentialRowActionsProps {
  credential: Credential;
  /** The row's name for the credential (its kind when Dfns has none). */
  name: string;
  messages: RowCopy;
  onAnnounce: (text: string) => void;
  onChange?: ((change: { credential: Credential; isActive: boolean }) => void) | undefined;
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /** The user pressed the row's button while these actions were still loading: carry that press out now. */
  pressed?: boolean | undefined;
  /** The row's button had focus when these actions took its place: give it to theirs. */
  takeFocus?: boolean | undefined;
}

/**
 * A row's activate / deactivate, each signed with a passkey (deactivation asked first), with its
 * own signing flow so rows fail or wait independently. A chunk of its own: the signing code
 * loads beside the list, not with the page.
 */
export function CredentialRowActions(props: CredentialRowActionsProps): ReactNode {
  const { credential, name, messages, onAnnounce, onChange, onError, pressed = false, takeFocus = false } = props;
  const { client } = useDfnsAuth('CredentialList');
  const queryClient = useQueryClient();
  const copy = messages.credentialList;
  const [confirming, setConfirming] = useState(false);
  // True from the click until the refreshed list shows the new state, so no double toggle.
  const [refreshing, setRefreshing] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(takeFocus);
  const targetActive = !credential.isActive;

  const request = useMemo<UserActionRequest>(
    () => ({
      method: 'PUT',
      path: credential.isActive ? '/auth/credentials/deactivate' : '/auth/credentials/activate',
      body: { credentialUuid: credential.credentialUuid },
    }),
    [credential.isActive, credential.credentialUuid],
  );

  const signer = useUserActionSigner({
    onSuccess: () => {
      setRefreshing(true);
      void queryClient.invalidateQueries({ queryKey: dfnsKeys.credentials(client) }).finally(() => {
        setRefreshing(false);
        signer.reset();
        onAnnounce(targetActive ? copy.activated({ name }) : copy.deactivated({ name }));
        onChange?.({ credential, isActive: targetActive });
      });
    },
    onError,
  });
  const { state } = signer;
  const busy =
    refreshing || state.status === 'fetching-challenge' || state.status === 'awaiting-authenticator' || state.status === 'submitting';

  // Moving focus to the question tells keyboard and screen-reader users what the click did.
  useIsomorphicLayoutEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (returnFocus.current) actionsRef.current?.querySelector('button')?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const toggle = (): void => {
    if (busy) return;
    setConfirming(false);
    // The result shows in the row (and onError); the promise is for callers of the hook.
    signer.signedFetch(request.path, { method: request.method, body: request.body }).catch(() => undefined);
  };

  const askToDeactivate = (): void => {
    setConfirming(true);
    // The request is known now: fetch its challenge while the user reads the question.
    signer.prefetch(request);
  };

  const cancel = (): void => {
    setConfirming(false);
    signer.reset();
    // Back to the button that asked, so keyboard users keep their place.
    returnFocus.current = true;
  };

  const press = credential.isActive ? askToDeactivate : toggle;
  const carryingOut = useCarryOutPress(pressed, press);

  if (state.status === 'error') {
    return (
      <ErrorAlert
        error={state.error}
        messages={messages}
        onRetry={() => void signer.retry().catch(() => undefined)}
        onContinue={state.challenge ? () => void signer.continue().catch(() => undefined) : undefined}
        onBack={cancel}
      />
    );
  }
  if (state.status === 'awaiting-approval') return <p className="dfns-notice">{messages.userAction.pendingApproval}</p>;
  if (confirming) {
    return (
      <div className="dfns-confirm">
        <p ref={questionRef} tabIndex={-1}>
          {credential.kind === 'RecoveryKey' ? copy.deactivateRecoveryKeyConfirm({ name }) : copy.deactivateConfirm({ name })}
        </p>
        <div className="dfns-actions">
          <Button variant="danger" onClick={toggle}>
            {copy.confirmDeactivate}
          </Button>
          <Button variant="secondary" onClick={cancel}>
            {messages.buttons.cancel}
          </Button>
        </div>
      </div>
    );
  }
  // Until a press made while loading is carried out, the button stays as busy as the row's was.
  return <CredentialRowButton containerRef={actionsRef} credential={credential} messages={messages} busy={busy || carryingOut} onClick={press} />;
}
