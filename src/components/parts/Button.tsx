'use client';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

/** Props of the kit's button. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | undefined;
  /** Shows progress: the button stays focusable (so focus is not lost) but ignores clicks. */
  busy?: boolean | undefined;
}

/** A button with the kit's look; `busy` keeps focus while blocking a double submit. */
export function Button({ variant = 'primary', busy = false, className, onClick, type = 'button', ...rest }: ButtonProps): ReactNode {
  return (
    <button
      {...rest}
      type={type}
      className={cx('dfns-button', className)}
      data-variant={variant}
      aria-disabled={busy || rest.disabled ? true : undefined}
      aria-busy={busy || undefined}
      onClick={busy ? (event) => event.preventDefault() : onClick}
    />
  );
}
