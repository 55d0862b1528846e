'use client';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { DfnsApiError, type DfnsAuthError, type DfnsAuthErrorCode } from '../../errors';
import { credentialCodeErrorsCopy } from '../../messages/copy/credentialCodeErrorsCopy';
import { errorCopy } from '../../messages/copy/errorCopy';
import { networkErrorCopy } from '../../messages/copy/networkErrorCopy';
import { recoveryFieldErrorsCopy } from '../../messages/copy/recoveryFieldErrorsCopy';
import { stepButtonsCopy } from '../../messages/copy/stepButtonsCopy';
import { AlertBox } from './AlertBox';
import { Button } from './Button';
import type { ErrorAlertProps } from './ErrorAlert';
import { PasskeyIcon } from './icons';
import { retryDelay } from './retryDelay';
import { useCopy } from './useCopy';

/** Every error's title and body, and the alert's actions: this chunk's English. */
const ERROR_COPY = [errorCopy, networkErrorCopy, recoveryFieldErrorsCopy, credentialCodeErrorsCopy, stepButtonsCopy] as const;
type ErrorCopy = typeof errorCopy;

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
 * The alert `ErrorAlert` loads when its step is reached: a title that says what happened, a body
 * that says what to do (both from the catalogue, by error code), the Dfns reference on its own line,
 * and the one action that fits: Continue after a refused gesture, Sign in instead for an existing
 * passkey, Try again for what a retry can fix (counting down a `Retry-After`), Back to the form for
 * what the user can correct, nothing for a site misconfiguration.
 */
export function ErrorAlertView({ error, messages: given, onRetry, readOnly, onContinue, onBack, onSignInInstead }: ErrorAlertProps): ReactNode {
  const messages = useCopy(ERROR_COPY, given);
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
    <AlertBox
      code={error.code}
      title={messages.errorTitles[error.code]}
      body={messages.errors[error.code]}
      reference={reference ? <ErrorReference id={reference} messages={messages} /> : null}
      actions={actions}
      focusKey={error}
    />
  );
}

/** The Dfns error id, small, selectable in one click and copyable, for a support request. */
function ErrorReference({ id, messages }: { id: string; messages: Pick<ErrorCopy, 'alert'> }): ReactNode {
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
