'use client';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DfnsApiError, type DfnsAuthError, type DfnsAuthErrorCode } from '../../errors';
import { errorCopy } from '../../messages/copy/errorCopy';
import type { DeepPartial, DfnsMessages } from '../../messages/types';
import { Button } from './Button';
import { AlertIcon, PasskeyIcon } from './icons';
import { retryDelay } from './retryDelay';
import { useCopy } from './useCopy';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

const ERROR_COPY = [errorCopy] as const;
type ErrorCopy = typeof errorCopy;

/** Props of the error alert. */
export interface ErrorAlertProps {
  error: DfnsAuthError;
  /** The component's catalogue, laid over the alert's own English (`errorCopy`). */
  messages: DeepPartial<DfnsMessages>;
  /** Tries the failed step again (with a fresh challenge); offered only when `error.retryable`. */
  onRetry?: (() => void) | undefined;
  /** The failed step only reads (a list): asking again costs nothing, so Try again is offered for any error but a setup one. */
  readOnly?: boolean | undefined;
  /** Reopens the passkey prompt with the same challenge, after the browser wanted a fresh click. */
  onContinue?: (() => void) | undefined;
  /** Back to the step's form, where what the user typed can be fixed (not for configuration errors). */
  onBack?: (() => void) | undefined;
  /** The passkey exists already (`passkey_already_registered`): the app's sign-in. */
  onSignInInstead?: (() => void) | undefined;
}

/** Errors nobody on the page can fix by trying again or editing: only the site's owner can. */
const SETUP_ERRORS: ReadonlySet<DfnsAuthErrorCode> = new Set([
  'config_error',
  'passkey_invalid_domain',
  'passkey_blocked_in_frame',
  'webauthn_unsupported',
  // The site asks for a built-in passkey this device does not have: another device is the way.
  'passkey_platform_unavailable',
  'sso_required',
]);

/**
 * The wait of a rate limit whose answer named none: the body says "wait a little", so Try again
 * must not be active at once beside it.
 */
const DEFAULT_RATE_LIMIT_WAIT_MS = 5000;

/** The seconds a rate-limited `error` still asks to wait, counting down once a second; 0 for any other error. */
function useRetryCountdown(error: DfnsAuthError): number {
  // Fixed when the error arrives (a new error restarts the count): read again later, the wait
  // would have run out and fallen back to the default, starting over.
  const { since, until } = useMemo(() => {
    const now = Date.now();
    const waitMs = error.code === 'rate_limited' ? (retryDelay(error, now) ?? DEFAULT_RATE_LIMIT_WAIT_MS) : undefined;
    return { since: now, until: waitMs === undefined ? 0 : now + waitMs };
  }, [error]);
  const [now, setNow] = useState(since);
  useEffect(() => {
    if (until === 0) return undefined;
    const timer = setInterval(() => {
      const time = Date.now();
      setNow(time);
      if (time >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === 0 ? 0 : Math.max(0, Math.ceil((until - Math.max(now, since)) / 1000));
}

/**
 * An error in `role="alert"`: an icon, a title that says what happened, a body that says what to do
 * (both from the catalogue, by error code), the Dfns reference on its own line, and the one action
 * that fits: Continue after a refused gesture, Sign in instead for an existing passkey, Try again
 * for what a retry can fix (counting down a `Retry-After`), Back to the form for what the user can
 * correct, nothing for a site misconfiguration. Focus moves here when it appears.
 */
export function ErrorAlert({ error, messages: given, onRetry, readOnly, onContinue, onBack, onSignInInstead }: ErrorAlertProps): ReactNode {
  const messages = useCopy(ERROR_COPY, given);
  const ref = useRef<HTMLDivElement>(null);
  useIsomorphicLayoutEffect(() => {
    ref.current?.focus();
  }, [error]);
  const wait = useRetryCountdown(error);
  const reference = error instanceof DfnsApiError ? error.errorId : undefined;
  const setupError = SETUP_ERRORS.has(error.code);

  const actions: ReactNode[] = [];
  if (onContinue) {
    actions.push(
      <Button key="continue" icon={<PasskeyIcon />} onClick={onContinue}>
        {messages.buttons.continue}
      </Button>,
    );
  } else if (error.code === 'passkey_already_registered' && onSignInInstead) {
    actions.push(
      <Button key="sign-in" icon={<PasskeyIcon />} onClick={onSignInInstead}>
        {messages.buttons.signInInstead}
      </Button>,
    );
  }
  if (onRetry && (error.retryable || readOnly) && !setupError) {
    actions.push(
      <Button
        key="retry"
        variant={actions.length === 0 ? 'primary' : 'secondary'}
        aria-disabled={wait > 0 ? true : undefined}
        onClick={wait > 0 ? undefined : onRetry}
      >
        {wait > 0 ? messages.alert.retryIn({ seconds: wait }) : messages.buttons.retry}
      </Button>,
    );
  }
  if (onBack && !setupError) {
    actions.push(
      <Button key="back" variant={actions.length === 0 ? 'secondary' : 'ghost'} onClick={onBack}>
        {messages.buttons.back}
      </Button>,
    );
  }

  return (
    <div ref={ref} role="alert" tabIndex={-1} className="dfns-error" data-code={error.code}>
      <div className="dfns-alert" data-tone="danger">
        <AlertIcon className="dfns-alert-icon" />
        <div className="dfns-alert-content">
          <p className="dfns-alert-title">{messages.errorTitles[error.code]}</p>
          <p className="dfns-alert-body dfns-error-message">{messages.errors[error.code]}</p>
          {reference ? <ErrorReference id={reference} messages={messages} /> : null}
        </div>
      </div>
      {actions.length > 0 ? <div className="dfns-actions">{actions}</div> : null}
    </div>
  );
}

/** The Dfns error id, small, selectable in one click and copyable, for a support request. */
function ErrorReference({ id, messages }: { id: string; messages: ErrorCopy }): ReactNode {
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure context): the id stays selectable.
    }
  };
  return (
    <p className="dfns-reference">
      <span>{messages.alert.reference}</span> <code>{id}</code>{' '}
      <button type="button" className="dfns-link-button" onClick={() => void copy()}>
        {copied ? messages.alert.referenceCopied : messages.alert.copyReference}
      </button>
    </p>
  );
}
