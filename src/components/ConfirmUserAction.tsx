'use client';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
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
import { summariseBody } from './parts/summariseBody';
import { useKitMessages } from './parts/useKitMessages';
import { useIsomorphicLayoutEffect } from './parts/useIsomorphicLayoutEffect';

/** Props of `<ConfirmUserAction>`. */
export interface ConfirmUserActionProps extends KitComponentProps {
  /** The request to confirm: shown to the user, signed with their passkey, then sent. */
  request: UserActionRequest;
  /**
   * What the request does, in your users' words (`Create the wallet "Treasury" on Ethereum Sepolia`),
   * shown above the method, path and fields: people confirm what they understand.
   */
  summary?: ReactNode | undefined;
  /** The parsed response of the request. */
  onSuccess?: ((data: unknown) => void) | undefined;
  /** HTTP 202: the request waits for an approver under a policy. */
  onPending?: ((pending: unknown) => void) | undefined;
  onError?: ((error: DfnsAuthError) => void) | undefined;
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
  const { request, summary: title, onSuccess, onPending, onError, messages: overrides, children, ...frame } = props;
  const messages = useKitMessages(overrides, 'ConfirmUserAction');
  const hook = useUserActionSigner({ onSuccess, onPending, onError });
  const { state, prefetch } = hook;
  const key = requestKey(request);
  const requestRef = useRef(request);
  requestRef.current = request;
  const resultRef = useRef<HTMLParagraphElement>(null);

  // The request is known on mount, so fetch its challenge now and let the click open the passkey
  // prompt at once. A timer cleared on cleanup: StrictMode's mount-unmount-mount sends ONE request.
  useEffect(() => {
    if (key === undefined) return undefined;
    const timer = setTimeout(() => prefetch(requestRef.current), 0);
    return () => clearTimeout(timer);
  }, [key, prefetch]);

  // The result replaces the button: move focus to it so keyboard users are not left nowhere.
  useIsomorphicLayoutEffect(() => {
    if (state.status === 'success' || state.status === 'awaiting-approval') resultRef.current?.focus();
  }, [state.status]);

  const confirm = (event: FormEvent): void => {
    event.preventDefault();
    if (BUSY.has(state.status)) return;
    // Failures are in `state` (and onError); the promise is for callers of the hook.
    hook.signedFetch(request.path, { method: request.method, body: request.body }).catch(() => undefined);
  };

  const summary = summariseBody(request.body);
  const copy = messages.components.confirmUserAction;

  return (
    <FlowFrame
      {...frame}
      name="ConfirmUserAction"
      status={state.status}
      title={copy.title}
      description={copy.description}
      // The focused result is read when it takes focus: announcing it here too would say it twice.
      statusText={
        (state.status === 'success' || state.status === 'awaiting-approval') && !children
          ? ''
          : messages.status.confirmUserAction[state.status]
      }
    >
      {children ? (
        children(hook)
      ) : (
        <>
          <div className="dfns-summary dfns-request-summary">
            {title ? <p className="dfns-request-title">{title}</p> : null}
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
          </div>
          {state.status === 'error' ? (
            <ErrorAlert
              error={state.error}
              messages={messages}
              onRetry={() => void hook.retry().catch(() => undefined)}
              onContinue={state.challenge ? () => void hook.continue().catch(() => undefined) : undefined}
            />
          ) : null}
          {state.status === 'awaiting-approval' ? (
            <p ref={resultRef} tabIndex={-1} className="dfns-notice" data-result="pending">
              {messages.userAction.pendingApproval}
            </p>
          ) : null}
          {state.status === 'success' ? (
            <p ref={resultRef} tabIndex={-1} className="dfns-success" data-result="success">
              {messages.success.approved}
            </p>
          ) : null}
          {state.status === 'idle' || BUSY.has(state.status) ? (
            <form onSubmit={confirm} className="dfns-form">
              <Button type="submit" busy={BUSY.has(state.status)}>
                {messages.buttons.approve}
              </Button>
            </form>
          ) : null}
        </>
      )}
    </FlowFrame>
  );
}
