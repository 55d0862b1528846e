'use client';
import { useRef, type ReactNode } from 'react';
import type { DfnsAuthErrorCode } from '../../errors';
import { AlertIcon } from './icons';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

/** Props of the alert's markup. */
export interface AlertBoxProps {
  code: DfnsAuthErrorCode;
  /** What happened. */
  title: string;
  /** What to do. */
  body: string;
  /** Dfns's error id, on its own line, when there is one. */
  reference?: ReactNode;
  /** The buttons under the alert; none for an error only the site's owner can fix. */
  actions: ReactNode[];
  /** What the alert shows (the error): each new one moves focus here again. */
  focusKey: unknown;
}

/**
 * An error in `role="alert"`: an icon, the title and the body, the reference, then the actions.
 * Focus moves here when it appears and with each new error, so keyboard and screen-reader users
 * land on what went wrong.
 */
export function AlertBox({ code, title, body, reference, actions, focusKey }: AlertBoxProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useIsomorphicLayoutEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="dfns-error" data-code={code}>
      <div className="dfns-alert" data-tone="danger">
        <AlertIcon className="dfns-alert-icon" />
        <div className="dfns-alert-content">
          <p className="dfns-alert-title">{title}</p>
          <p className="dfns-alert-body dfns-error-message">{body}</p>
          {reference}
        </div>
      </div>
      {actions.length > 0 ? <div className="dfns-actions">{actions}</div> : null}
    </div>
  );
}
