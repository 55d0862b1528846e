'use client';
import type { ReactNode } from 'react';

/** Props of the kit's icons: decorative, sized by the font, coloured by the text. */
interface IconProps {
  className?: string | undefined;
}

function Icon({ className, children }: IconProps & { children: ReactNode }): ReactNode {
  return (
    <svg
      className={className ? `dfns-icon ${className}` : 'dfns-icon'}
      viewBox="0 0 24 24"
      width="1.25em"
      height="1.25em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** The passkey mark (a person and a key), on every action that opens a passkey prompt. */
export function PasskeyIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <circle cx="9" cy="7.5" r="3.5" />
      <path d="M3 20v-1.5A4.5 4.5 0 0 1 7.5 14h3" />
      <circle cx="17.5" cy="12.5" r="2.5" />
      <path d="M17.5 15v6l1.5-1.2M17.5 18h1.5" />
    </Icon>
  );
}

/** A key, for recovery keys. */
export function KeyIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <circle cx="7.5" cy="15.5" r="4" />
      <path d="m10.5 12.5 9-9M16 7l3 3M14 9l2 2" />
    </Icon>
  );
}

/** An exclamation mark in a circle, on error alerts. */
export function AlertIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M12 7.5v5.5M12 16.5h.01" />
    </Icon>
  );
}

/** A check mark in a circle, on success states. */
export function SuccessIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="9.5" />
      <path d="m8 12.5 2.7 2.7L16.2 9.5" />
    </Icon>
  );
}

/** A clock, on states that wait for someone else (an approver). */
export function ClockIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M12 7v5l3 2" />
    </Icon>
  );
}
