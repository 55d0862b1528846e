'use client';
import type { ReactNode } from 'react';
import { recoveryKitHeadingCopy } from '../../messages/copy/recoveryKitHeadingCopy';
import { ErrorAlert } from './ErrorAlert';
import { lazyPart } from '../../lazyPart';
import type { RecoveryKitPanelProps } from './RecoveryKitPanel';
import { useCopy } from './useCopy';
import { WhenLoaded } from './WhenLoaded';

/** The English of the step's heading: the rest of the kit's copy travels with the panel. */
const HEADING_COPY = [recoveryKitHeadingCopy] as const;

/** The kit panel (copy, download, print, the kit's text file): only a flow that ends with a new recovery key shows it. */
const recoveryKitPanel = lazyPart(() => import('./RecoveryKitPanel').then((module) => module.RecoveryKitPanel));

/**
 * Starts loading the recovery kit panel: call it in the click that starts a flow ending with a new
 * kit (after the call that may open a passkey prompt), so the panel is there when the kit is.
 */
export function preloadRecoveryKitStep(): void {
  recoveryKitPanel.preload();
}

/**
 * The `showing-recovery-kit` step: the recovery kit panel, in a chunk of its own. Until it arrives
 * the step's heading and intro hold its place in the card; a failed load is an alert whose Try
 * again asks for it again, while the kit stays in the flow's state.
 */
export function RecoveryKitStep(props: RecoveryKitPanelProps): ReactNode {
  const heading = useCopy(HEADING_COPY, props.messages);
  const copy = heading.recoveryKit;
  const placeholder = (alert?: ReactNode): ReactNode => (
    <div className="dfns-recovery-kit" aria-busy={alert ? undefined : true}>
      <h3 className="dfns-subtitle">{copy.title}</h3>
      <p className="dfns-description">{copy.intro}</p>
      {/* Where the kit will be, with a spinner: a heading over nothing read as a finished, empty step. */}
      {alert ?? <div className="dfns-kit-fields dfns-kit-placeholder" aria-hidden="true" />}
    </div>
  );
  return (
    <WhenLoaded
      part={recoveryKitPanel}
      fallback={placeholder()}
      failed={(error, retry) => placeholder(<ErrorAlert error={error} messages={props.messages} onRetry={retry} />)}
    >
      {(RecoveryKitPanel) => <RecoveryKitPanel {...props} />}
    </WhenLoaded>
  );
}
