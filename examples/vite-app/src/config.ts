/** Where the example app finds Dfns (or the emulator) and the customer backend. */
export interface ExampleConfig {
  baseUrl: string;
  orgId: string;
  rpId: string;
  /** The customer backend of `examples/backend` (delegated flows). */
  backendUrl: string;
  /** Passkey ceremony timeout (ms); undefined keeps the kit's default. */
  timeout: number | undefined;
  /** Passkey autofill on the login form (`?autofill=0` turns it off). */
  autofill: boolean;
  /** `?wallets=1`: delegated registration completes with a wallet and signs the user in. */
  wallets: boolean;
  /** `?recoveryKey=1`: the account section offers a new recovery key too. */
  recoveryKey: boolean;
  /** `?anotherDevice=1`: the credential list offers a one-time code for a passkey on another device. */
  anotherDevice: boolean;
  /** `?cancel=1`: the recovery flow gets an `onCancel` (the kit shows Cancel only then). */
  cancel: boolean;
}

/**
 * The config from the page's query string (`?api=&org=&rp=&backend=&timeout=&autofill=`), falling back to
 * `VITE_DFNS_*` build-time variables: one build serves every emulator a test starts.
 */
export function readConfig(search: string = window.location.search): ExampleConfig {
  const query = new URLSearchParams(search);
  const env = import.meta.env;
  const timeout = query.get('timeout') ?? env.VITE_DFNS_TIMEOUT;
  return {
    baseUrl: query.get('api') ?? env.VITE_DFNS_API_URL ?? 'http://localhost:8787',
    orgId: query.get('org') ?? env.VITE_DFNS_ORG_ID ?? '',
    rpId: query.get('rp') ?? env.VITE_DFNS_RP_ID ?? window.location.hostname,
    backendUrl: query.get('backend') ?? env.VITE_BACKEND_URL ?? 'http://localhost:8788',
    timeout: timeout ? Number(timeout) : undefined,
    autofill: query.get('autofill') !== '0',
    wallets: query.get('wallets') === '1',
    recoveryKey: query.get('recoveryKey') === '1',
    anotherDevice: query.get('anotherDevice') === '1',
    cancel: query.get('cancel') === '1',
  };
}

/** The flows the example shows, one per `?flow=`. */
export const FLOWS = [
  'register',
  'register-enduser',
  'register-delegated',
  'login',
  'login-delegated',
  'recover',
  'recover-delegated',
  'add-with-code',
  'social',
  'sso-callback',
] as const;

/** One of `FLOWS`. */
export type Flow = (typeof FLOWS)[number];

/** The flow named in the query string, `login` by default. */
export function readFlow(search: string = window.location.search): Flow {
  const flow = new URLSearchParams(search).get('flow');
  return FLOWS.find((name) => name === flow) ?? 'login';
}
