import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  AddPasskey,
  AddPasskeyWithCode,
  ConfirmUserAction,
  CreateRecoveryKey,
  CredentialList,
  DfnsAuthProvider,
  LoginWithPasskey,
  RecoverAccount,
  RegisterPasskey,
  SocialSignIn,
  SsoCallback,
  type RecoveryChallengeRelay,
  type RegistrationChallengeRelay,
} from 'dfns-react-kit';
import { postToBackend } from './backendRelay';
import { FLOWS, type ExampleConfig, type Flow } from './config';
import { emulatorGoogleIdToken } from './emulatorGoogle';

/** Props of the example app. */
export interface AppProps {
  config: ExampleConfig;
  flow: Flow;
}

const FLOW_LABELS: Record<Flow, string> = {
  register: 'Register',
  'register-enduser': 'Register (end user)',
  'register-delegated': 'Register (delegated)',
  login: 'Log in',
  'login-delegated': 'Log in (delegated)',
  recover: 'Recover',
  'recover-delegated': 'Recover (delegated)',
  'add-with-code': 'Passkey from a code',
  social: 'Continue with Google',
  'sso-callback': 'SSO return page',
};

const WALLET_REQUEST = { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia', name: 'Example wallet' } } as const;

/** The same page with another `?flow=`, keeping the config in the query string. */
function flowHref(flow: Flow): string {
  const query = new URLSearchParams(window.location.search);
  query.set('flow', flow);
  return `?${query.toString()}`;
}

/**
 * The kit embedded as the README tells a customer to: one provider, the drop-in components, the
 * login token kept in memory only (a ref read by `authToken`, gone on reload).
 */
export function App({ config, flow }: AppProps): ReactNode {
  const tokenRef = useRef<string | undefined>(undefined);
  const [session, setSession] = useState<{ username?: string | undefined } | undefined>(undefined);
  const [mounted, setMounted] = useState(true);
  const [walletIds, setWalletIds] = useState<string[]>([]);
  const [walletResult, setWalletResult] = useState<string>('');
  const [cancelled, setCancelled] = useState(0);
  // The kit offers Cancel only when the app says what leaving means; here it only counts.
  const onCancel = config.cancel ? () => setCancelled((count) => count + 1) : undefined;

  const signIn = useCallback((token: string | undefined, username?: string) => {
    if (!token) return;
    tokenRef.current = token;
    setSession({ username });
  }, []);

  const registrationRelay = useCallback<RegistrationChallengeRelay>(
    ({ username }) => postToBackend(config.backendUrl, '/api/register/delegated', { username }),
    [config.backendUrl],
  );
  const recoveryRelay = useCallback<RecoveryChallengeRelay>(
    (params, { signal }) => postToBackend(config.backendUrl, '/api/recover/delegated', params, signal),
    [config.backendUrl],
  );

  const flowView = (): ReactNode => {
    switch (flow) {
      case 'register':
        return <RegisterPasskey />;
      case 'register-enduser':
        return (
          <RegisterPasskey
            mode="endUser"
            wallets={[{ network: 'EthereumSepolia' }]}
            onSuccess={({ token, user, wallets }) => {
              signIn(token, user.username);
              setWalletIds((wallets ?? []).map((wallet) => wallet.id));
            }}
          />
        );
      case 'register-delegated':
        return config.wallets ? (
          <RegisterPasskey
            mode="delegated"
            getChallenge={registrationRelay}
            wallets={[{ network: 'EthereumSepolia' }]}
            onSuccess={({ token, user, wallets }) => {
              signIn(token, user.username);
              setWalletIds((wallets ?? []).map((wallet) => wallet.id));
            }}
          />
        ) : (
          <RegisterPasskey mode="delegated" getChallenge={registrationRelay} />
        );
      case 'login':
        return (
          <LoginWithPasskey
            autofill={config.autofill}
            // Users the organisation signs in through SSO come back to ?flow=sso-callback (same config).
            sso={{ redirectUri: new URL(flowHref('sso-callback'), window.location.href).href }}
            onSuccess={({ token }) => signIn(token)}
          />
        );
      case 'login-delegated':
        return <DelegatedLogin backendUrl={config.backendUrl} onToken={signIn} />;
      case 'recover':
        return <RecoverAccount onCancel={onCancel} />;
      case 'recover-delegated':
        return <RecoverAccount getChallenge={recoveryRelay} />;
      case 'add-with-code':
        return <AddPasskeyWithCode />;
      case 'social':
        return (
          <SocialSignIn
            provider="Google"
            getIdToken={() => emulatorGoogleIdToken(config.baseUrl)}
            wallets={[{ network: 'EthereumSepolia' }]}
            onSuccess={({ token, user, wallets }) => {
              signIn(token, user?.username);
              setWalletIds((wallets ?? []).map((wallet) => wallet.id));
            }}
          />
        );
      case 'sso-callback':
        return <SsoCallback onSuccess={({ token }) => signIn(token)} onBack={() => window.location.assign(flowHref('login'))} />;
      default:
        return flow satisfies never;
    }
  };


  return (
    <DfnsAuthProvider
      baseUrl={config.baseUrl}
      orgId={config.orgId}
      rp={{ id: config.rpId, name: 'Kit example' }}
      authToken={() => tokenRef.current}
      timeout={config.timeout}
    >
      <header>
        <h1>dfns-react-kit example</h1>
        <nav aria-label="Flows">
          <ul>
            {FLOWS.map((name) => (
              <li key={name}>
                <a href={flowHref(name)} aria-current={name === flow ? 'page' : undefined}>
                  {FLOW_LABELS[name]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" data-testid="toggle-flow" onClick={() => setMounted((value) => !value)}>
          {mounted ? 'Close this flow' : 'Open this flow'}
        </button>
      </header>
      <main>
        {mounted ? flowView() : null}
        {cancelled > 0 ? <p data-testid="cancelled">Cancelled {cancelled}×.</p> : null}
        {walletIds.length > 0 ? <p data-testid="registered-wallets">{walletIds.join(', ')}</p> : null}
        {session ? (
          <section className="account" aria-label="Your account" data-testid="account">
            <p data-testid="session">Signed in{session.username ? ` as ${session.username}` : ''}.</p>
            <AddPasskey />
            {config.recoveryKey ? <CreateRecoveryKey /> : null}
            {/* Deactivated passkeys stop being offered at sign-in (WebAuthn Signal API). */}
            <CredentialList signalPasskeys addOnAnotherDevice={config.anotherDevice} />
            <ConfirmUserAction
              request={WALLET_REQUEST}
              onSuccess={(wallet) => {
                const id = typeof wallet === 'object' && wallet !== null && 'id' in wallet ? String(wallet.id) : '';
                setWalletResult(`created ${id}`);
              }}
              onPending={() => setWalletResult('pending approval')}
            />
            <output data-testid="wallet-result">{walletResult}</output>
          </section>
        ) : null}
      </main>
    </DfnsAuthProvider>
  );
}

/** Delegated login: the customer backend verified the user its own way and asks Dfns for a token. */
function DelegatedLogin({ backendUrl, onToken }: { backendUrl: string; onToken: (token: string, username: string) => void }): ReactNode {
  const [status, setStatus] = useState<'idle' | 'pending' | 'error' | 'success'>('idle');
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const username = String(new FormData(event.currentTarget).get('username') ?? '');
    setStatus('pending');
    postToBackend(backendUrl, '/api/login/delegated', { username })
      .then((answer) => {
        const token = typeof answer === 'object' && answer !== null && 'token' in answer ? answer.token : undefined;
        if (typeof token !== 'string') throw new Error('the backend answered without a token');
        onToken(token, username);
        setStatus('success');
      })
      .catch(() => setStatus('error'));
  };
  return (
    <section aria-label="Delegated login" data-status={status} className="delegated-login">
      <h2>Log in through the backend</h2>
      <form onSubmit={submit}>
        <label>
          Email <input name="username" type="email" autoComplete="username" required />
        </label>
        <button type="submit">Log in</button>
      </form>
      {status === 'error' ? <p role="alert">The backend could not log you in.</p> : null}
    </section>
  );
}
