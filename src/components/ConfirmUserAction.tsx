'use client';
import { frameCopy } from '../messages/copy/frameCopy';
import { pendingApprovalCopy } from '../messages/copy/pendingApprovalCopy';
import { confirmUserActionCopy } from '../messages/copy/confirmUserActionCopy';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { DfnsAuthError } from '../errors';
import {
  useUserActionSigner,
  type UseUserActionSignerResult,
  type UserActionRequest,
} from '../hooks/useUserActionSigner';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { Button } from './parts/Button';
import { ErrorAlert } from './parts/ErrorAlert';
import { FlowFrame, type KitComponentProps } from './parts/FlowFrame';
import { ClockIcon, PasskeyIcon } from './parts/icons';
import { SuccessPanel } from './parts/SuccessPanel';
import { summariseBody } from './parts/summariseBody';
import { useKitMessages } from './parts/useKitMessages';
import { useIsomorphicLayoutEffect } from './parts/useIsomorphicLayoutEffect';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, pendingApprovalCopy, confirmUserActionCopy] as const;

/** Props of `<ConfirmUserAction>`. */
export interface ConfirmUserActionProps extends KitComponentProps {
  /** The request to confirm: shown to the user, signed with their passkey, then sent. */
  request: UserActionRequest;
  /**
   * What the request does, in your users' words (`Create the wallet “Treasury” on Ethereum Sepolia`),
   * the lead of the card; the method, path and fields are folded under "Technical details".
   * People confirm what they understand: without it, a generic sentence leads.
   */
  summary?: ReactNode | undefined;
  /** The parsed response of the request. */
  onSuccess?: ((data: unknown) => void) | undefined;
  /** HTTP 202: the request waits for an approver under a policy. */
  onPending?: ((pending: unknown) => void) | undefined;
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /**
   * The user declined (the Decline button, always shown before the request is sent): nothing was
   * signed or sent, what ran is aborted, and the card says so. Named like every component's Cancel.
   */
  onCancel?: (() => void) | undefined;
  messages?: DeepPartial<DfnsMessages> | undefined;
  /** Replaces the default markup (still inside the root) with your own, driven by the hook. */
  children?: ((hook: UseUserActionSignerResult) => ReactNode) | undefined;
}

const BUSY = new Set(['fetching-challenge', 'awaiting-authenticator', 'submitting']);

/** A key that changes exactly when the signed bytes would: method, path and body string. */
function requestKey(request: UserActionRequest): string | undefined {
  try {
    return `${request.method} ${request.path}\n${request.body === undefined ? '' : JSON.stringify(request.body)}`;
  } catch {
    // Not JSON: there is nothing to prefetch; the click reports the error.
    return undefined;
  }
}

/**
 * Shows a protected request (method, path and a summary of its body), confirms it with the
 * user's passkey on click, sends it, and reports the response; HTTP 202 shows "awaiting approval".
 *
 * @example
 * <ConfirmUserAction
 *   request={{ method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia' } }}
 *   summary="Create a wallet on Ethereum Sepolia"
 *   onSuccess={(wallet) => save(wallet)}
 * />
 */
export function ConfirmUserAction(props: ConfirmUserActionProps): ReactNode {
  const { request, summary: title, onSuccess, onPending, onError, onCancel, messages: overrides, children, ...frame } = props;
  const messages = useKitMessages(COPY, overrides, 'ConfirmUserAction');
  const hook = useUserActionSigner({ onSuccess, onPending, onError });
  const { state, prefetch } = hook;
  const key = requestKey(request);
  const requestRef = useRef(request);
  requestRef.current = request;
  const resultRef = useRef<HTMLDivElement>(null);
  const [declined, setDeclined] = useState(false);

  // The request is known on mount, so fetch its challenge now and let the click open the passkey
  // prompt at once. A timer cleared on cleanup: StrictMode's mount-unmount-mount sends ONE request.
  useEffect(() => {
    if (key === undefined) return undefined;
    const timer = setTimeout(() => prefetch(requestRef.current), 0);
    return () => clearTimeout(timer);
  }, [key, prefetch]);

  // The result replaces the button: move focus to it so keyboard users are not left nowhere.
  useIsomorphicLayoutEffect(() => {
    if (declined || state.status === 'success' || state.status === 'awaiting-approval') resultRef.current?.focus();
  }, [state.status, declined]);

  const decline = (): void => {
    setDeclined(true);
    // Aborts a running challenge fetch or passkey prompt: nothing gets signed or sent.
    hook.reset();
    onCancel?.();
  };

  const confirm = (event: FormEvent): void => {
    event.preventDefault();
    if (BUSY.has(state.status) || declined) return;
    // Failures are in `state` (and onError); the promise is for callers of the hook.
    hook.signedFetch(request.path, { method: request.method, body: request.body }).catch(() => undefined);
  };

  const summary = summariseBody(request.body);
  const copy = messages.components.confirmUserAction;

  const status = declined ? 'declined' : state.status;
  const canDecline = !declined && (state.status === 'idle' || state.status === 'error' || BUSY.has(state.status));

  return (
    <FlowFrame
      lang={messages.locale}
      {...frame}
      name="ConfirmUserAction"
      status={status}
      title={copy.title}
      description={copy.description}
      // The focused result and the alert are read when they appear: announcing them here too would say them twice.
      statusText={
        (declined || state.status === 'success' || state.status === 'awaiting-approval' || state.status === 'error') && !children
          ? ''
          : messages.status.confirmUserAction[state.status]
      }
    >
      {children ? (
        children(hook)
      ) : (
        <>
          <div className="dfns-summary dfns-request-summary">
            <p className="dfns-request-title">{title ?? messages.userAction.fallbackSummary}</p>
            {/* The technical request is for those who want it: folded under the summary. */}
            <details className="dfns-technical">
              <summary>{messages.userAction.technicalDetails}</summary>
              <p className="dfns-request-line">
                <code>{messages.userAction.request({ method: request.method, path: request.path })}</code>
              </p>
              {summary.length === 0 ? (
                <p className="dfns-hint">{messages.userAction.noDetails}</p>
              ) : (
                <dl className="dfns-request-details">
                  {summary.map((entry, index) => (
                    <div key={`${entry.field}-${index}`} className="dfns-request-detail">
                      <dt>{entry.field || messages.userAction.details}</dt>
                      <dd>{entry.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </details>
          </div>
          {declined ? (
            <div ref={resultRef} tabIndex={-1} className="dfns-notice" data-result="declined">
              {messages.userAction.declined}
            </div>
          ) : null}
          {!declined && state.status === 'error' ? (
            <ErrorAlert
              error={state.error}
              messages={messages}
              onRetry={() => void hook.retry().catch(() => undefined)}
              onContinue={state.challenge ? () => void hook.continue().catch(() => undefined) : undefined}
              // Nothing to edit here: Back (to Approve) only where Try again is not offered.
              onBack={state.error.retryable ? undefined : hook.reset}
            />
          ) : null}
          {state.status === 'awaiting-approval' ? (
            <div ref={resultRef} tabIndex={-1} className="dfns-notice dfns-pending" data-result="pending">
              <ClockIcon className="dfns-notice-icon" />
              <p>{messages.userAction.pendingApproval}</p>
            </div>
          ) : null}
          {state.status === 'success' ? (
            <SuccessPanel focusRef={resultRef} result="success" title={messages.success.approved} nextStep={messages.nextSteps.approved} />
          ) : null}
          {!declined && (state.status === 'idle' || BUSY.has(state.status)) ? (
            <form onSubmit={confirm} className="dfns-form">
              <Button type="submit" icon={<PasskeyIcon />} busy={BUSY.has(state.status)}>
                {messages.buttons.approve}
              </Button>
            </form>
          ) : null}
          {canDecline ? (
            <Button variant="secondary" className="dfns-decline" onClick={decline}>
              {messages.buttons.decline}
            </Button>
          ) : null}
        </>
      )}
    </FlowFrame>
  );
}
