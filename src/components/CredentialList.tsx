'use client';
import { credentialCodeCopy } from '../messages/copy/credentialCodeCopy';
import { frameCopy } from '../messages/copy/frameCopy';
import { pendingApprovalCopy } from '../messages/copy/pendingApprovalCopy';
import { credentialListCopy } from '../messages/copy/credentialListCopy';
import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Credential } from '../api/types';
import type { DfnsAuthError } from '../errors';
import { useCredentials } from '../hooks/useCredentials';
import { useSignalAcceptedPasskeys } from '../hooks/useSignalAcceptedPasskeys';
import type { AllOf } from '../messages/mergeCopy';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { Button } from './parts/Button';
import { CredentialRowButton } from './parts/CredentialRowButton';
import { ErrorAlert } from './parts/ErrorAlert';
import { FlowFrame, type KitComponentProps } from './parts/FlowFrame';
import { KeyIcon, PasskeyIcon } from './parts/icons';
import { lazyPart, type LazyPartSnapshot } from '../lazyPart';
import { useCopy } from './parts/useCopy';
import { useKitMessages } from './parts/useKitMessages';
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

/** The chunk arrived, or failed to: either way the rows can show. */
const isSettled = (snapshot: LazyPartSnapshot<unknown>): boolean => snapshot.status === 'ready' || snapshot.status === 'error';

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
  const rendersRows = !children;
  // The rows show with their actions: the actions' code loads while the list's request runs. Only
  // its first load is waited for: after a failure the rows show, and their buttons ask again. The
  // chunk's progress is read only once there are rows to show, and only whether it settled, so its
  // loading adds no commit to the list's.
  const actionsSettled = useRef(false);
  const needsActions = rendersRows && items.length > 0 && !actionsSettled.current;
  const settled = useSyncExternalStore(rowActions.subscribe, () => !needsActions || isSettled(rowActions.snapshot()), () => !needsActions);
  if (needsActions && settled) actionsSettled.current = true;
  const waitingForActions = needsActions && !settled;
  const status = list.status === 'pending' || waitingForActions ? 'loading' : list.status === 'error' ? 'error' : 'ready';

  useEffect(() => {
    if (rendersRows) rowActions.preload();
  }, [rendersRows]);

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
      ) : status === 'loading' ? null : items.length === 0 ? (
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
      {addOnAnotherDevice && !children && status === 'ready' ? (
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
    return <Section messages={messages} onAnnounce={onAnnounce} onError={onError} pressed takeFocus={hadFocus.current} />;
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

/** A row's activate / deactivate and its signing flow (passkey, user action): a chunk of its own, loaded beside the list. */
const rowActions = lazyPart(() => import('./parts/CredentialRowActions').then((module) => module.CredentialRowActions));

/**
 * One credential. The list shows it once its actions' code is here; should that code have failed
 * to load, the row's button stands in, and a press on it asks for the code again (busy meanwhile)
 * and is carried out once it arrives.
 */
function CredentialRow({ credential, messages, onAnnounce, onChange, onError }: CredentialRowProps): ReactNode {
  const copy = messages.credentialList;
  const actions = useLazyPart(rowActions);
  const [pressed, setPressed] = useState(false);
  // Whether the row's button has focus, so the loaded actions can take it over.
  const focused = useRef(false);
  const nameId = useId();
  // Dfns allows an empty name (recovery keys often have one): the kind then names the row, so the
  // row, its question and its announcements never read `""`.
  const name = credential.name.trim() || copy.kinds[credential.kind];
  const dateAdded = formatDate(credential.dateCreated, messages.locale);

  const actionsView = (): ReactNode => {
    if (actions.status === 'ready') {
      const Actions = actions.value;
      return (
        <Actions
          credential={credential}
          name={name}
          messages={messages}
          onAnnounce={onAnnounce}
          onChange={onChange}
          onError={onError}
          pressed={pressed}
          takeFocus={focused.current}
        />
      );
    }
    if (pressed && actions.status === 'error') {
      return <ErrorAlert error={actions.error} messages={messages} onRetry={rowActions.preload} onBack={() => setPressed(false)} />;
    }
    return (
      <CredentialRowButton
        credential={credential}
        messages={messages}
        busy={pressed}
        // A deactivation asks its question first: "confirm with your passkey" would come too early.
        passkeyNext={!credential.isActive}
        onPointerEnter={rowActions.preload}
        onFocus={() => {
          focused.current = true;
          rowActions.preload();
        }}
        onBlur={() => {
          focused.current = false;
        }}
        onClick={() => {
          setPressed(true);
          rowActions.preload();
        }}
      />
    );
  };

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
      {actionsView()}
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
