'use client';
import type { ReactNode, Ref } from 'react';
import { SuccessIcon } from './icons';

/** Props of a success state. */
export interface SuccessPanelProps {
  /** What happened. */
  title: string;
  /** What comes next. */
  nextStep: string;
  /** Focus lands here when the state appears (the title is then read once). Not `ref`: React 18 keeps that for forwardRef. */
  focusRef?: Ref<HTMLDivElement> | undefined;
  /** `data-result` of the panel, for styling and tests. */
  result?: string | undefined;
}

/** A finished step: an icon, a title that says what happened and a line that says what comes next. */
export function SuccessPanel({ title, nextStep, focusRef, result }: SuccessPanelProps): ReactNode {
  return (
    <div ref={focusRef} tabIndex={-1} className="dfns-success" data-result={result}>
      <SuccessIcon className="dfns-success-icon" />
      <p className="dfns-success-title">{title}</p>
      <p className="dfns-success-next">{nextStep}</p>
    </div>
  );
}
