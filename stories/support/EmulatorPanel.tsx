import { useState, useSyncExternalStore, type ReactNode } from 'react';
import type { OutboxEmail } from '../../src/emulator';
import { emulator, resetEmulator, subscribeToEmulator } from './emulator';
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

/**
 * A side panel that shows what the in-browser emulator did: the email outbox (registration,
 * recovery and login codes, with copy buttons), users and credentials, active faults and
 * approval policies. It refreshes after every request the emulator answers.
 */
export function EmulatorPanel(): ReactNode {
  useSyncExternalStore(subscribe, getVersion);
  const session = useSyncExternalStore(subscribeToLiveSession, liveSession);
  const state = emulator.snapshot();
  const outbox = [...state.outbox].reverse();
  const activeCredentials = state.credentials.filter((credential) => credential.isActive).length;

  return (
    <aside className="sb-emu" aria-labelledby="sb-emu-title">
      <h2 id="sb-emu-title" className="sb-emu-title">
        Dfns emulator
      </h2>
      <p className="sb-emu-meta">
        Org <code>{state.orgId}</code> · rp id <code>{state.rpId}</code>
      </p>
      <p className="sb-emu-meta" data-testid="emulator-session">
        {session ? `Live session: ${session.username}` : 'Live session: not logged in'}
      </p>

      <h3 className="sb-emu-heading">Outbox</h3>
      {outbox.length === 0 ? (
        <p className="sb-emu-empty">No email sent yet.</p>
      ) : (
        <ul className="sb-emu-list" aria-label="Emails sent by the emulator, newest first">
          {outbox.map((email) => (
            <OutboxItem key={`${email.sentAt}-${email.kind}-${email.to}-${email.code}`} email={email} />
          ))}
        </ul>
      )}

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

      {state.faults.length > 0 || state.approvalRules.length > 0 || state.rateLimitPerMinute !== null ? (
        <>
          <h3 className="sb-emu-heading">Injected by this story</h3>
          <ul className="sb-emu-list">
            {state.faults.map((fault) => (
              <li key={`${fault.method ?? '*'} ${fault.path}`}>
                Fault on {fault.method ?? 'any'} <code>{fault.path}</code>:{' '}
                {fault.drop ? 'network down' : fault.body !== undefined ? 'malformed body' : `HTTP ${fault.status ?? 500}`}
              </li>
            ))}
            {state.approvalRules.map((rule) => (
              <li key={`${rule.method ?? '*'} ${rule.path}`}>
                Approval required for {rule.method ?? 'any'} <code>{rule.path}</code>
              </li>
            ))}
            {state.rateLimitPerMinute !== null ? <li>Rate limit: {state.rateLimitPerMinute} requests a minute</li> : null}
          </ul>
        </>
      ) : null}

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
    </aside>
  );
}
