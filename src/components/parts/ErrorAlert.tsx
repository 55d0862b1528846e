'use client';
import type { ReactNode } from 'react';
import type { DfnsAuthError } from '../../errors';
import { networkErrorCopy } from '../../messages/copy/networkErrorCopy';
import type { DeepPartial, DfnsMessages } from '../../messages/types';
import { AlertBox } from './AlertBox';
import { Button } from './Button';
import { errorAlertView } from './errorAlertView';
import { useCopy } from './useCopy';
import { WhenLoaded } from './WhenLoaded';

/** Props of the error alert. */
export interface ErrorAlertProps {
  error: DfnsAuthError;
  /** The component's catalogue, laid over the alert's own English (`errorCopy` and the slices it shares). */
  messages: DeepPartial<DfnsMessages>;
  /** Tries the failed step again (with a fresh challenge); offered only when `error.retryable`. */
  onRetry?: (() => void) | undefined;
  /** The failed step only reads (a list): asking again costs nothing, so Try again is offered for any error but a setup one. */
  readOnly?: boolean | undefined;
  /** Reopens the passkey prompt with the same challenge, after the browser wanted a fresh click. */
  onContinue?: (() => void) | undefined;
  /** Back to the step's form, where what the user typed can be fixed (not for configuration errors). */
  onBack?: (() => void) | undefined;
  /** The passkey exists already (`passkey_already_registered`): the app's sign-in. */
  onSignInInstead?: (() => void) | undefined;
}

const NETWORK_COPY = [networkErrorCopy] as const;

/**
 * An error in `role="alert"` with the action that fits it (`ErrorAlertView`). Its code and the
 * English of every error are a step of their own, usually loaded by the time an error arrives
 * (`FlowFrame` starts the load when a flow starts); until then nothing shows, and if they cannot
 * arrive (offline, a new deployment) the alert says so in the words of `network_error`, with a Try
 * again that loads them again.
 */
export function ErrorAlert(props: ErrorAlertProps): ReactNode {
  return (
    <WhenLoaded
      part={errorAlertView}
      fallback={null}
      failed={(cause, retry) => <AlertUnavailable error={cause} messages={props.messages} onRetry={retry} onBack={props.onBack} />}
    >
      {(View) => <View {...props} />}
    </WhenLoaded>
  );
}

/**
 * The alert while its own code cannot be loaded: what the network error says, Try again, and the
 * step's Back when it has one (offline, Try again alone would leave the card no way out).
 */
function AlertUnavailable({
  error,
  messages,
  onRetry,
  onBack,
}: {
  error: DfnsAuthError;
  messages: DeepPartial<DfnsMessages>;
  onRetry: () => void;
  onBack: (() => void) | undefined;
}): ReactNode {
  const copy = useCopy(NETWORK_COPY, messages);
  const back = onBack ? (
    <Button key="back" variant="ghost" onClick={onBack}>
      {copy.buttons.back}
    </Button>
  ) : null;
  return (
    <AlertBox
      code="network_error"
      title={copy.errorTitles.network_error}
      body={copy.errors.network_error}
      actions={[
        <Button key="retry" onClick={onRetry}>
          {copy.buttons.retry}
        </Button>,
        back,
      ]}
      focusKey={error}
    />
  );
}
