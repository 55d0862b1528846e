'use client';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AddCredentialState } from '../../flows/addCredentialFlow';
import type { UseAddCredentialResult } from '../../hooks/useAddCredential';
import type { DfnsMessages } from '../../messages/types';
import { Button } from './Button';
import { ErrorAlert } from './ErrorAlert';
import { FlowFrame, type KitComponentProps } from './FlowFrame';
import { statusLine } from './statusLine';
import { PasskeyIcon } from './icons';
import type { RecoveryKitStep } from './RecoveryKitStep';
import { SuccessPanel } from './SuccessPanel';
import { TextField } from './TextField';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

/** Which catalogue entries the view reads: `<AddPasskey>`'s or `<CreateRecoveryKey>`'s. */
type CopyKey = 'addPasskey' | 'createRecoveryKey';

/** The copy the view reads itself (the alert and the kit carry their own). */
export interface AddCredentialViewCopy<K extends CopyKey> {
  locale: string;
  buttons: Pick<DfnsMessages['buttons'], 'cancel'>;
  labels: Pick<DfnsMessages['labels'], 'credentialName'>;
  components: Pick<DfnsMessages['components'], K>;
  status: Pick<DfnsMessages['status'], K>;
}

/** Props of the view shared by `<AddPasskey>` and `<CreateRecoveryKey>`. */
export interface AddCredentialViewProps<K extends CopyKey> extends KitComponentProps {
  name: 'AddPasskey' | 'CreateRecoveryKey';
  hook: UseAddCredentialResult;
  messages: AddCredentialViewCopy<K>;
  /** Which catalogue entries to use: `addPasskey` or `createRecoveryKey`. */
  copyKey: K;
  submitLabel: string;
  /** The hint under the name field. */
  nameHint: string;
  /** The name proposed for the new credential; computed after mount (it may read the browser). */
  defaultName: () => string;
  /** The success title. */
  successText: (credentialName: string) => string;
  /** Under the success title: what comes next. */
  successNext: string;
  /** Leaves the flow: a Cancel button until the credential exists, when given. */
  onCancel?: (() => void) | undefined;
  /**
   * The `showing-recovery-kit` step and its preload, given by `<CreateRecoveryKey>`: `<AddPasskey>`
   * never shows a kit, so it does not carry the step.
   */
  kitStep?: { Step: typeof RecoveryKitStep; preload: () => void } | undefined;
  children?: ((hook: UseAddCredentialResult) => ReactNode) | undefined;
}

const BUSY: ReadonlySet<AddCredentialState['status']> = new Set([
  'fetching-challenge',
  'awaiting-authenticator',
  'creating-key',
  'signing-user-action',
  'submitting',
]);

/** The markup of the add-credential components: a name field, the steps, the kit and the result. */
export function AddCredentialView<K extends CopyKey>(props: AddCredentialViewProps<K>): ReactNode {
  const { name, hook, messages, copyKey, submitLabel, nameHint, defaultName, successText, successNext, onCancel, kitStep, children, ...frame } = props;
  const { state } = hook;
  const [credentialName, setCredentialName] = useState('');
  const edited = useRef(false);
  const successRef = useRef<HTMLDivElement>(null);
  const busy = BUSY.has(state.status);

  // The default name may read the browser (the platform): set it after mount, never in render.
  useEffect(() => {
    if (!edited.current) setCredentialName(defaultName());
  }, [defaultName]);

  useIsomorphicLayoutEffect(() => {
    if (state.status === 'success') successRef.current?.focus();
  }, [state.status]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (busy) return;
    hook.start({ name: credentialName.trim() || defaultName() });
    // A new recovery key ends with its kit: the panel loads while the key is made.
    kitStep?.preload();
  };

  const error = state.status === 'error' ? state : undefined;
  // A refused gesture keeps what is still good: the challenge of the creation prompt, or the new
  // credential waiting for its signing prompt (which often needs this second click).
  const canContinue =
    error !== undefined &&
    error.error.code === 'passkey_no_user_gesture' &&
    (error.challenge !== undefined || error.step === 'signing-user-action');

  return (
    <FlowFrame
      lang={messages.locale}
      {...frame}
      name={name}
      status={state.status}
      title={messages.components[copyKey].title}
      description={messages.components[copyKey].description}
      // The focused success message is read when it takes focus; the status region stays quiet then
      // so the sentence is not announced twice (a render prop shows no such message, so it keeps it).
      // The alert, likewise, is read when it appears: its status line would say the same again.
      statusText={statusLine(state.status, messages.status[copyKey][state.status], Boolean(children))}
      onCancel={
        onCancel && state.status !== 'success' && state.status !== 'showing-recovery-kit'
          ? () => {
              hook.reset();
              onCancel();
            }
          : undefined
      }
      cancelLabel={messages.buttons.cancel}
    >
      {children ? (
        children(hook)
      ) : state.status === 'showing-recovery-kit' && kitStep ? (
        <kitStep.Step kit={state.recoveryKit} messages={messages} onSaved={hook.kitSaved} />
      ) : state.status === 'success' ? (
        <SuccessPanel focusRef={successRef} title={successText(state.credential.name)} nextStep={successNext} />
      ) : (
        <>
          {error ? (
            <ErrorAlert
              error={error.error}
              messages={messages}
              onRetry={hook.retry}
              onContinue={canContinue ? hook.continue : undefined}
              onBack={hook.reset}
            />
          ) : null}
          {error === undefined ? (
            <form className="dfns-form" onSubmit={submit}>
              <TextField
                label={messages.labels.credentialName}
                hint={nameHint}
                value={credentialName}
                onChange={(event) => {
                  edited.current = true;
                  setCredentialName(event.target.value);
                }}
                readOnly={busy}
                autoComplete="off"
                maxLength={100}
              />
              <Button type="submit" busy={busy} icon={<PasskeyIcon />}>
                {submitLabel}
              </Button>
            </form>
          ) : null}
        </>
      )}
    </FlowFrame>
  );
}
