'use client';
import { useRef, type ReactNode } from 'react';
import type { DfnsAuthError } from '../../errors';
import { errorMessage } from '../../messages/errorMessage';
import type { DfnsMessages } from '../../messages/types';
import { Button } from './Button';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

/** Props of the error alert. */
export interface ErrorAlertProps {
  error: DfnsAuthError;
  messages: DfnsMessages;
  /** Tries the failed step again (with a fresh challenge). */
  onRetry: () => void;
  /** Reopens the passkey prompt with the same challenge, after the browser wanted a fresh click. */
  onContinue?: (() => void) | undefined;
  /** Goes back to the start instead. */
  onCancel?: (() => void) | undefined;
}

/**
 * An error in `role="alert"`, in the user's words (from the catalogue, by error code), with a
 * retry. Focus moves here when it appears, so keyboard and screen-reader users land on it.
 */
export function ErrorAlert({ error, messages, onRetry, onContinue, onCancel }: ErrorAlertProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useIsomorphicLayoutEffect(() => {
    ref.current?.focus();
  }, [error]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="dfns-error" data-code={error.code}>
      <p className="dfns-error-message">{errorMessage(messages, error)}</p>
      <div className="dfns-actions">
        {onContinue ? <Button onClick={onContinue}>{messages.buttons.continue}</Button> : null}
        <Button variant={onContinue ? 'secondary' : 'primary'} onClick={onRetry}>
          {messages.buttons.retry}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {messages.buttons.cancel}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
