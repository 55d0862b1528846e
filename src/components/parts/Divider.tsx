'use client';
import type { ReactNode } from 'react';

/** A rule with a word in it ("or") between two ways of doing the same thing. */
export function Divider({ label }: { label: string }): ReactNode {
  return (
    <div className="dfns-divider" role="separator" aria-label={label}>
      <span aria-hidden="true">{label}</span>
    </div>
  );
}
