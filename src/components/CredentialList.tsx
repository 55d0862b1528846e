'use client';
import { credentialCodeCopy } from '../messages/copy/credentialCodeCopy';
import { frameCopy } from '../messages/copy/frameCopy';
import { pendingApprovalCopy } from '../messages/copy/pendingApprovalCopy';
import { credentialListCopy } from '../messages/copy/credentialListCopy';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Credential } from '../api/types';
import type { DfnsAuthError } from '../errors';
import { useCredentials } from '../hooks/useCredentials';
import { useSignalAcceptedPasskeys } from '../hooks/useSignalAcceptedPasskeys';
import { useUserActionSigner, type UserActionRequest } from '../hooks/useUserActionSigner';
import type { AllOf } from '../messages/mergeCopy';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { useDfnsAuth } from '../provider/useDfnsAuth';
import { dfnsKeys } from '../query/dfnsKeys';
import { Button } from './parts/Button';
import { ErrorAlert } from './parts/ErrorAlert';
import { FlowFrame, type KitComponentProps } from './parts/FlowFrame';
import { KeyIcon, PasskeyIcon } from './parts/icons';
import { lazyPart } from './parts/lazyPart';
import { useCopy } from './parts/useCopy';
import { useKitMessages } from './parts/useKitMessages';
import { useIsomorphicLayoutEffect } from './parts/useIsomorphicLayoutEffect';
import { useLazyPart } from './parts/useLazyPart';

/** The English this component shows; the provider's and the prop's `messages` are laid over it. */
const COPY = [frameCopy, pendingApprovalCopy, credentialListCopy] as const;
type ListCopy = AllOf<typeof COPY>;

/** Props of `<CredentialList>`. */
export interface CredentialListProps extends KitComponentProps {
  /** A credential was activated or deactivated (the list is refreshed already). */
  onChange?: ((change: { credential: Credential; isActive: boolean }) => void) | undefined;
  /** Called once per failed activate or deactivate. */
  onError?: ((error: DfnsAuthError) => void) | undefined;
  /**
   * Tell the browser's passkey providers which passkeys still work each time the list changes
   * (WebAuthn Signal API, see `useSignalAcceptedPasskeys`), so a deactivated passkey stops being
   * offered at sign-in. Off by default: some providers delete rather than hide such a passkey, and
   * a Dfns credential can be activated again.
   */
  signalPasskeys?: boolean | undefined;
  /**
   * Offer "Add a passkey on another device" under the list: a one-time code (see
   * `<CreateCredentialCode/>`) to type into `<AddPasskeyWithCode/>` there. Off by default.
   */
  addOnAnotherDevice?: boolean | undefined;
  messages?: DeepPartial<DfnsMessages> | undefined;
  /** Replaces the default list (still inside the root), e.g. to render rows your way. */
  children?: ((list: ReturnType<typeof useCredentials>) => ReactNode) | undefined;
}

/**
 * The logged-in user's passkeys and recovery keys: kind, name, date added, and whether each is
 * active, with activate / deactivate (each confirmed with a passkey, deactivation asked first).
 *
 * @example
 * <CredentialList onChange={({ credential, isActive }) => audit(credential.name, isActive)} />
 */
export function CredentialList(props: CredentialListProps): ReactNode {
  const { onChange, onError, signalPasskeys = false, addOnAnotherDevice = false, messages: overrides, children, ...frame } = props;
  const messages = useKitMessages(COPY, overrides, 'CredentialList');
  const list = useCredentials();
  useSignalAcceptedPasskeys(list.data?.items, signalPasskeys);
  const [announcement, setAnnouncement] = useState('');
  const copy = messages.credentialList;
  const items = list.data?.items ?? [];
  const status = list.status === 'pending' ? 'loading' : list.status === 'error' ? 'error' : 'ready';

  return (
    <FlowFrame
      lang={messages.locale}
      {...frame}
      name="CredentialList"
      status={status}
      title={messages.components.credentialList.title}
      description={messages.components.credentialList.description}
      statusText={status === 'loading' ? copy.loading : announcement}
    >
      {children ? (
        children(list)
      ) : list.status === 'error' ? (
        <ErrorAlert error={list.error} messages={messages} onRetry={() => void list.refetch()} readOnly />
      ) : list.status === 'pending' ? null : items.length === 0 ? (
        <p className="dfns-empty">{copy.empty}</p>
      ) : (
        <>
          <p className="dfns-hint">{copy.count({ count: items.length })}</p>
          <ul className="dfns-list dfns-credential-list">
            {items.map((credential) => (
              <CredentialRow
                key={credential.credentialUuid}
                credential={credential}
                messages={messages}
                onAnnounce={setAnnouncement}
                onChange={onChange}
                onError={onError}
              />
            ))}
          </ul>
        </>
      )}
      {addOnAnotherDevice && !children && list.status === 'success' ? (
        <AddOnAnotherDevice messages={messages} onAnnounce={setAnnouncement} onError={onError} />
      ) : null}
    </FlowFrame>
  );
}

/** The code steps (hook, flow, panel): a chunk of their own, loaded when the user asks for a code. */
const codeSection = lazyPart(() => import('./parts/CodeForAnotherDevice').then((module) => module.CodeForAnotherDevice));

/** The English of the button that asks for a code (the panel's slice, which the section uses next). */
const BUTTON_COPY = [credentialCodeCopy] as const;

/**
 * "Add a passkey on another device" under the list. Its button is here; the steps after it load
 * on intent (hover, focus) and at the latest on the click, which shows the button busy meanwhile.
 */
function AddOnAnotherDevice(props: {
  messages: ListCopy;
  onAnnounce: (text: string) => void;
  onError: CredentialListProps['onError'];
}): ReactNode {
  const { messages, onAnnounce, onError } = props;
  const { buttons } = useCopy(BUTTON_COPY, messages);
  const [asked, setAsked] = useState(false);
  const chunk = useLazyPart(codeSection);
  const sectionRef = useRef<HTMLDivElement>(null);
  // Whether the button had focus when clicked (Safari does not focus a button on click).
  const hadFocus = useRef(false);

  if (asked && chunk.status === 'ready') {
    const Section = chunk.value;
    return <Section messages={messages} onAnnounce={onAnnounce} onError={onError} startAtOnce takeFocus={hadFocus.current} />;
  }
  const failed = asked && chunk.status === 'error';
  return (
    <div ref={sectionRef} className="dfns-credential-code-section" data-status={failed ? 'error' : 'idle'}>
      {failed ? (
        <ErrorAlert error={chunk.error} messages={messages} onRetry={codeSection.preload} onBack={() => setAsked(false)} />
      ) : (
        <Button
          busy={asked}
          icon={<PasskeyIcon />}
          onPointerEnter={codeSection.preload}
          onFocus={codeSection.preload}
          onClick={() => {
            hadFocus.current = sectionRef.current?.contains(document.activeElement) ?? false;
            setAsked(true);
            codeSection.preload();
          }}
        >
          {buttons.getCredentialCode}
        </Button>
      )}
    </div>
  );
}

/** Props of one row. */
interface CredentialRowProps {
  credential: Credential;
  messages: ListCopy;
  onAnnounce: (text: string) => void;
  onChange: CredentialListProps['onChange'];
  onError: CredentialListProps['onError'];
}

/** One credential, with its own signing flow: rows can fail or wait independently. */
function CredentialRow({ credential, messages, onAnnounce, onChange, onError }: CredentialRowProps): ReactNode {
  const { client } = useDfnsAuth('CredentialList');
  const queryClient = useQueryClient();
  const copy = messages.credentialList;
  const [confirming, setConfirming] = useState(false);
  // True from the click until the refreshed list shows the new state, so no double toggle.
  const [refreshing, setRefreshing] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);
  const nameId = useId();
  const targetActive = !credential.isActive;
  // Dfns allows an empty name (recovery keys often have one): the kind then names the row, so the
  // row, its question and its announcements never read `""`.
  const name = credential.name.trim() || copy.kinds[credential.kind];

  const request = useMemo<UserActionRequest>(
    () => ({
      method: 'PUT',
      path: credential.isActive ? '/auth/credentials/deactivate' : '/auth/credentials/activate',
      body: { credentialUuid: credential.credentialUuid },
    }),
    [credential.isActive, credential.credentialUuid],
  );

  const signer = useUserActionSigner({
    onSuccess: () => {
      setRefreshing(true);
      void queryClient.invalidateQueries({ queryKey: dfnsKeys.credentials(client) }).finally(() => {
        setRefreshing(false);
        signer.reset();
        onAnnounce(targetActive ? copy.activated({ name }) : copy.deactivated({ name }));
        onChange?.({ credential, isActive: targetActive });
      });
    },
    onError,
  });
  const { state } = signer;
  const busy =
    refreshing || state.status === 'fetching-challenge' || state.status === 'awaiting-authenticator' || state.status === 'submitting';

  // Moving focus to the question tells keyboard and screen-reader users what the click did.
  useIsomorphicLayoutEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (returnFocus.current) actionsRef.current?.querySelector('button')?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const toggle = (): void => {
    if (busy) return;
    setConfirming(false);
    // The result shows in the row (and onError); the promise is for callers of the hook.
    signer.signedFetch(request.path, { method: request.method, body: request.body }).catch(() => undefined);
  };

  const askToDeactivate = (): void => {
    setConfirming(true);
    // The request is known now: fetch its challenge while the user reads the question.
    signer.prefetch(request);
  };

  const cancel = (): void => {
    setConfirming(false);
    signer.reset();
    // Back to the button that asked, so keyboard users keep their place.
    returnFocus.current = true;
  };

  const dateAdded = formatDate(credential.dateCreated, messages.locale);

  return (
    <li className="dfns-list-item dfns-credential" data-kind={credential.kind} data-active={credential.isActive} aria-labelledby={nameId}>
      <span className="dfns-credential-icon">{credential.kind === 'Fido2' ? <PasskeyIcon /> : <KeyIcon />}</span>
      <div className="dfns-credential-info">
        {/* The name on its own line and the kind on the next, so "Laptop passkey" never runs into "Passkey". */}
        <p className="dfns-credential-title">
          <span id={nameId} className="dfns-credential-name">
            {name}
          </span>{' '}
          <span className="dfns-badge" data-active={credential.isActive} data-tone={credential.isActive ? 'success' : undefined}>
            {credential.isActive ? copy.active : copy.inactive}
          </span>
        </p>
        <p className="dfns-credential-meta">
          {name === credential.name.trim() ? <span className="dfns-credential-kind">{copy.kinds[credential.kind]}</span> : null}
          {name === credential.name.trim() && dateAdded ? <span aria-hidden="true"> · </span> : null}
          {dateAdded ? <span className="dfns-credential-date">{copy.createdOn({ date: dateAdded })}</span> : null}
        </p>
      </div>
      {state.status === 'error' ? (
        <ErrorAlert
          error={state.error}
          messages={messages}
          onRetry={() => void signer.retry().catch(() => undefined)}
          onContinue={state.challenge ? () => void signer.continue().catch(() => undefined) : undefined}
          onBack={cancel}
        />
      ) : state.status === 'awaiting-approval' ? (
        <p className="dfns-notice">{messages.userAction.pendingApproval}</p>
      ) : confirming ? (
        <div className="dfns-confirm">
          <p ref={questionRef} tabIndex={-1}>
            {credential.kind === 'RecoveryKey' ? copy.deactivateRecoveryKeyConfirm({ name }) : copy.deactivateConfirm({ name })}
          </p>
          <div className="dfns-actions">
            <Button variant="danger" onClick={toggle}>
              {copy.confirmDeactivate}
            </Button>
            <Button variant="secondary" onClick={cancel}>
              {messages.buttons.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <div ref={actionsRef} className="dfns-actions">
          {/* Secondary either way: one row's action must not outshine the list it sits in. */}
          <Button
            variant="secondary"
            busy={busy}
            onClick={credential.isActive ? askToDeactivate : toggle}
          >
            {credential.isActive ? messages.buttons.deactivate : messages.buttons.activate}
          </Button>
          {busy ? <span className="dfns-hint">{copy.pending}</span> : null}
        </div>
      )}
    </li>
  );
}

/** The date in the catalogue's language, or nothing for a date Dfns did not send in a known form. */
function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
  } catch {
    // An unknown locale tag in a custom catalogue: fall back to the runtime's default language.
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
  }
}
