'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { UseCreateCredentialCodeResult } from '../../hooks/useCreateCredentialCode';
import { clipboardCopy } from '../../messages/copy/clipboardCopy';
import { credentialCodeCopy } from '../../messages/copy/credentialCodeCopy';
import { passkeyAddedCopy } from '../../messages/copy/passkeyAddedCopy';
import type { DeepPartial, DfnsMessages } from '../../messages/types';
import { Button } from './Button';
import { ErrorAlert } from './ErrorAlert';
import { PasskeyIcon } from './icons';
import { SuccessPanel } from './SuccessPanel';
import { useCopy } from './useCopy';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

const CODE_COPY = [credentialCodeCopy, clipboardCopy, passkeyAddedCopy] as const;

/** Props of the credential code steps, shared by `<CreateCredentialCode>` and `<CredentialList>`. */
export interface CredentialCodePanelProps {
  hook: UseCreateCredentialCodeResult;
  /** The component's catalogue, laid over the panel's own English (`credentialCodeCopy`). */
  messages: DeepPartial<DfnsMessages>;
  /** Says a short sentence in the owner's live region (e.g. "Code copied."). */
  onAnnounce: (text: string) => void;
  /** A click asked for a code already and its request is about to start: the button shows busy. */
  starting?: boolean | undefined;
}

/** Whole seconds left until `expiresAt`, counting down once a second (never below 0). */
function useSecondsLeft(expiresAt: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (expiresAt === undefined) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return expiresAt === undefined ? 0 : Math.max(0, Math.ceil((expiresAt - now) / 1000));
}

/**
 * The steps of asking for a one-time code: the button (a passkey signs the request), the code
 * large with Copy and a live countdown, a new code once it expired, the passkey that arrived,
 * or the error with its action.
 */
export function CredentialCodePanel({ hook, messages: given, onAnnounce, starting = false }: CredentialCodePanelProps): ReactNode {
  const messages = useCopy(CODE_COPY, given);
  const { state } = hook;
  const copy = messages.credentialCode;
  const [copied, setCopied] = useState(false);
  const codeRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const seconds = useSecondsLeft(state.status === 'showing-code' ? state.expiresAt : undefined);

  useEffect(() => setCopied(false), [state.status, state.attempt]);
  // The code replaces the button: focus follows, so a screen reader reads it next.
  useIsomorphicLayoutEffect(() => {
    if (state.status === 'showing-code') codeRef.current?.focus();
    if (state.status === 'success') successRef.current?.focus();
  }, [state.status, state.attempt]);

  if (state.status === 'error') {
    return <ErrorAlert error={state.error} messages={messages} onRetry={hook.retry} onBack={hook.reset} />;
  }
  if (state.status === 'success') {
    return (
      <>
        <SuccessPanel
          focusRef={successRef}
          title={messages.success.passkeyAdded({ name: state.credential.name })}
          nextStep={messages.nextSteps.passkeyAdded}
        />
        {/* One more device: a new code, from this click. */}
        <Button variant="secondary" icon={<PasskeyIcon />} onClick={hook.start}>
          {messages.buttons.getCredentialCode}
        </Button>
      </>
    );
  }
  if (state.status === 'showing-code') {
    const copyCode = async (): Promise<void> => {
      try {
        await navigator.clipboard.writeText(state.code);
        setCopied(true);
        onAnnounce(copy.copied);
      } catch {
        // Clipboard access can be refused (permissions, insecure context); the code is on screen.
      }
    };
    return (
      <div className="dfns-credential-code-panel" ref={codeRef} tabIndex={-1} aria-label={copy.codeLabel}>
        <p className="dfns-label">{copy.codeLabel}</p>
        <p className="dfns-credential-code" data-testid="credential-code">
          {state.code}
        </p>
        {/* Not a live region: a number read out every second would drown everything else. */}
        <p className="dfns-countdown" data-seconds={seconds}>
          <time dateTime={`PT${seconds}S`}>{copy.expiresIn({ seconds })}</time>
        </p>
        <Button variant="secondary" onClick={() => void copyCode()}>
          {copied ? messages.buttons.copied : messages.buttons.copy}
        </Button>
        <p className="dfns-hint">{copy.instructions}</p>
      </div>
    );
  }
  const busy = starting || state.status === 'signing-user-action' || state.status === 'submitting';
  return (
    <>
      {state.status === 'expired' ? <p className="dfns-hint dfns-credential-code-expired">{copy.expired}</p> : null}
      <Button busy={busy} icon={<PasskeyIcon />} onClick={busy ? undefined : hook.start}>
        {state.status === 'expired' ? messages.buttons.newCredentialCode : messages.buttons.getCredentialCode}
      </Button>
    </>
  );
}
