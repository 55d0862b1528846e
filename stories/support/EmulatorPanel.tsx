import { useState, useSyncExternalStore, type ReactNode } from 'react';
import type { EmulatorSnapshot, OutboxEmail } from '../../src/emulator';
import { emulator, resetEmulator, subscribeToEmulator } from './emulator';
import { describeApprovalRule, describeFault, describeRateLimit, type InjectionLabel } from './emulatorLabels';
import { liveSession, setLiveSession, subscribeToLiveSession } from './liveSession';

const KIND_LABEL: Record<OutboxEmail['kind'], string> = {
  registration: 'Registration code',
  recovery: 'Recovery verification code',
  login: 'Login code',
};

let version = 0;
/** Bumps a version on every emulator change: `useSyncExternalStore` needs a cheap, stable snapshot. */
function subscribe(listener: () => void): () => void {
  return subscribeToEmulator(() => {
    version += 1;
    listener();
  });
}
const getVersion = (): number => version;

/** One outbox entry with a copy button for its code. */
function OutboxItem({ email }: { email: OutboxEmail }): ReactNode {
  const [copied, setCopied] = useState(false);
  const label = KIND_LABEL[email.kind];
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(email.code);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access can be refused (permissions, headless); the code is on screen to select.
      setCopied(false);
    }
  };
  return (
    <li className="sb-emu-mail" data-kind={email.kind}>
      <span className="sb-emu-kind">{label}</span>
      <span className="sb-emu-to">{email.to}</span>
      <code className="sb-emu-code">{email.code}</code>
      <button type="button" className="sb-emu-button" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()} for ${email.to}`}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </li>
  );
}

/** One line of "Injected by this story": the effect in bold, then the request and its outcome. */
function InjectionItem({ label }: { label: InjectionLabel }): ReactNode {
  return (
    <li>
      <strong>{label.effect}:</strong> <code>{label.request}</code> {label.outcome}
    </li>
  );
}

/** What the current story changed in the emulator (faults, approval rules, rate limit), or nothing. */
function Injections({ state }: { state: EmulatorSnapshot }): ReactNode {
  const { faults, approvalRules, rateLimitPerMinute } = state;
  if (faults.length === 0 && approvalRules.length === 0 && rateLimitPerMinute === null) return null;
  return (
    <>
      <h3 className="sb-emu-heading">Injected by this story</h3>
      <ul className="sb-emu-list sb-emu-injected">
        {faults.map((fault) => (
          <InjectionItem key={`fault ${fault.method ?? '*'} ${fault.path}`} label={describeFault(fault)} />
        ))}
        {approvalRules.map((rule) => (
          <InjectionItem key={`approval ${rule.method ?? '*'} ${rule.path}`} label={describeApprovalRule(rule)} />
        ))}
        {rateLimitPerMinute !== null ? (
          <li>
            <strong>Rate limited:</strong> {describeRateLimit(rateLimitPerMinute)}
          </li>
        ) : null}
      </ul>
    </>
  );
}

/** The outbox, newest first, in a list of bounded height so the sections below it stay in view. */
function Outbox({ emails }: { emails: readonly OutboxEmail[] }): ReactNode {
  const newestFirst = [...emails].reverse();
  return (
    <>
      <h3 className="sb-emu-heading">Outbox</h3>
      {newestFirst.length === 0 ? (
        <p className="sb-emu-empty">No email sent yet.</p>
      ) : (
        <ul className="sb-emu-list sb-emu-outbox" aria-label="Emails sent by the emulator, newest first">
          {newestFirst.map((email) => (
            <OutboxItem key={`${email.sentAt}-${email.kind}-${email.to}-${email.code}`} email={email} />
          ))}
        </ul>
      )}
    </>
  );
}

/** User, credential and wallet counts, then one line per user. */
function StateSummary({ state }: { state: EmulatorSnapshot }): ReactNode {
  const activeCredentials = state.credentials.filter((credential) => credential.isActive).length;
  return (
    <>
      <h3 className="sb-emu-heading">State</h3>
      <dl className="sb-emu-counts">
        <div>
          <dt>Users</dt>
          <dd data-testid="emulator-users">{state.users.length}</dd>
        </div>
        <div>
          <dt>Credentials</dt>
          <dd data-testid="emulator-credentials">
            {state.credentials.length} ({activeCredentials} active)
          </dd>
        </div>
        <div>
          <dt>Wallets</dt>
          <dd>{state.wallets.length}</dd>
        </div>
      </dl>
      <ul className="sb-emu-users" aria-label="Users">
        {state.users.map((user) => (
          <li key={user.userId}>
            {user.username} · {user.isRegistered ? 'registered' : 'invited'} ·{' '}
            {state.credentials.filter((c) => c.userId === user.userId && c.isActive).length} active credentials
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A side panel that shows what the in-browser emulator did: what the story injected (faults,
 * approval policies, rate limit), the email outbox (registration, recovery and login codes, with
 * copy buttons), users and credentials. It refreshes after every request the emulator answers.
 * The reset button and the story's injections come first: at a small viewport the panel
 * scrolls, and they are what a reader of one story needs.
 */
export function EmulatorPanel(): ReactNode {
  useSyncExternalStore(subscribe, getVersion);
  const session = useSyncExternalStore(subscribeToLiveSession, liveSession);
  const state = emulator.snapshot();

  return (
    <aside className="sb-emu" aria-labelledby="sb-emu-title">
      <div className="sb-emu-header">
        <h2 id="sb-emu-title" className="sb-emu-title">
          Dfns emulator
        </h2>
        <button
          type="button"
          className="sb-emu-button"
          onClick={() => {
            setLiveSession(undefined);
            resetEmulator();
          }}
        >
          Reset emulator
        </button>
      </div>
      <p className="sb-emu-meta">A stand-in for the Dfns server, running in this page: no request leaves your browser.</p>
      <p className="sb-emu-meta">
        Organisation: <code>{state.orgId}</code>
        <br />
        Passkey domain: <code>{state.rpId}</code>
      </p>
      <p className="sb-emu-meta" data-testid="emulator-session">
        {session ? `Live session: ${session.username}` : 'Live session: not logged in'}
      </p>
      <Injections state={state} />
      <Outbox emails={state.outbox} />
      <StateSummary state={state} />
    </aside>
  );
}
