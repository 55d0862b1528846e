'use client';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** Props of a labelled text field. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string | undefined;
  /** Marks the field invalid and says why, under it, in `role="alert"` (and read with the field). */
  invalidMessage?: string | undefined;
  /** The kit error code behind `invalidMessage`, as `data-code` on it (like the alerts'). */
  invalidCode?: string | undefined;
}

/** A labelled input with an optional hint, tied together for assistive technology. */
export function TextField({ label, hint, invalidMessage, invalidCode, ...input }: TextFieldProps): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, invalidMessage ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className="dfns-field">
      <label htmlFor={id} className="dfns-label">
        {label}
      </label>
      <input
        {...input}
        id={id}
        className="dfns-input"
        aria-describedby={describedBy || undefined}
        aria-invalid={invalidMessage ? true : undefined}
      />
      {hint ? (
        <p id={hintId} className="dfns-hint">
          {hint}
        </p>
      ) : null}
      {invalidMessage ? (
        // An alert: it appears after a submit and is the only place the message is said.
        <p id={errorId} role="alert" className="dfns-field-error" data-code={invalidCode}>
          {invalidMessage}
        </p>
      ) : null}
    </div>
  );
}
