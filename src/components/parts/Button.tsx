'use client';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

/** Props of the kit's button. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** `primary`: the one action of the step; `secondary`: outlined; `ghost`: text only (Cancel, Back). */
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger' | undefined;
  /** Shows progress: the button stays focusable (so focus is not lost) but ignores clicks. */
  busy?: boolean | undefined;
  /** A decorative icon before the label (hidden while busy, where the spinner takes its place). */
  icon?: ReactNode;
}

/** A button with the kit's look; `busy` keeps focus while blocking a double submit. */
export function Button({
  variant = 'primary',
  busy = false,
  icon,
  className,
  onClick,
  type = 'button',
  children,
  ...rest
}: ButtonProps): ReactNode {
  // Busy, or waiting its turn (aria-disabled): focusable, so focus is not lost, but a click does nothing.
  const inactive = busy || rest['aria-disabled'] === true;
  return (
    <button
      {...rest}
      type={type}
      className={cx('dfns-button', className)}
      data-variant={variant}
      aria-disabled={inactive || rest.disabled ? true : undefined}
      aria-busy={busy || undefined}
      onClick={inactive ? (event) => event.preventDefault() : onClick}
    >
      {icon}
      {children}
    </button>
  );
}
