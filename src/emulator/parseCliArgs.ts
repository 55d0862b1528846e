/** Options of `npx dfns-emulator`, parsed from argv. */
export interface CliOptions {
  port: number;
  rpId: string;
  origins: string[];
  orgId: string | undefined;
  username: string;
  /** Interface to listen on (also accepted as a Host name unless a wildcard). */
  host: string;
  /** Host names answered besides the loopback ones. */
  allowedHosts: string[];
  /** The organisation's `authenticatorAttachment` passkey setting; `undefined` keeps the default ('platform'). */
  authenticatorAttachment: 'platform' | 'cross-platform' | null | undefined;
  help: boolean;
}

/** The `--help` text of `npx dfns-emulator`. */
export const CLI_USAGE = `Usage: dfns-emulator [--port 8787] [--rp-id localhost] [--origin http://localhost:6006]...
                     [--org-id or-...] [--user demo@example.com]
                     [--host localhost] [--allowed-host NAME]...
                     [--authenticator-attachment platform|cross-platform|any]

Serves a local, in-memory Dfns auth API with CORS. Passkeys must be made on a page whose origin
is one of the --origin values (repeat the flag for several) and whose host is the rp id.
--port 0 picks a free port; the first line printed is JSON with the real "url" and "adminSecret".

It listens on localhost and answers only the Host names localhost, 127.0.0.1 and [::1] (any
port), so a web page cannot reach it through a DNS name it controls. --host ADDRESS listens
there instead and accepts ADDRESS as a Host name (0.0.0.0 and :: are not names); --allowed-host
NAME accepts one more name (repeat the flag), e.g. a container name.

Challenges ask for the passkey kind the organisation's Passkey Settings would, as in Dfns's API
reference: --authenticator-attachment platform (the default: a passkey built into the device,
such as Windows Hello, Touch ID or an Android phone), cross-platform (a security key or a phone
nearby), or any (no attachment sent: every kind; for browsers without a built-in passkey, e.g.
Firefox or Chromium on Linux).

Emulator-only admin API (not part of Dfns; local test data only). Every admin request needs the
header x-emulator-admin-secret with the secret printed at start (fresh each run), and a POST
needs content-type application/json; cross-site requests are refused:
  POST /emulator/admin/users             {"username","kind"?}  -> {user, registrationCode}
  POST /emulator/admin/service-accounts  {"name"?}             -> {userId, token, credId, privateKeyPem, publicKeyPem}
  POST /emulator/admin/login             {"username"}          -> {token}
  GET  /emulator/admin/outbox                                  -> {items: [{to, kind, code, sentAt}]}
  GET  /emulator/admin/snapshot                                -> users, credentials, wallets, outbox, ...
  POST /emulator/admin/faults            {"path","method"?,"status"?,"body"?,"drop"?,"latencyMs"?,"times"?}
  DELETE /emulator/admin/faults                                -> clears every fault
  POST /emulator/admin/policies          {"path","method"?}    -> that request answers 202 (pending approval)
  DELETE /emulator/admin/policies                              -> clears every policy
  GET  /emulator/admin/passkey-settings                        -> {authenticatorAttachment, residentKey, ...}
  PUT  /emulator/admin/passkey-settings  {"authenticatorAttachment"?: "platform"|"cross-platform"|null, ...}`;

/** Parses `--flag value` and `--flag=value` pairs; throws an Error naming an unknown or incomplete flag. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    port: 8787,
    rpId: 'localhost',
    origins: [],
    orgId: undefined,
    username: 'demo@example.com',
    host: 'localhost',
    allowedHosts: [],
    authenticatorAttachment: undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      options.help = true;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value.\n${CLI_USAGE}`);
    switch (flag) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${value}".`);
        options.port = port;
        break;
      }
      case '--rp-id':
        options.rpId = value;
        break;
      case '--origin':
        options.origins.push(value);
        break;
      case '--org-id':
        options.orgId = value;
        break;
      case '--user':
        options.username = value;
        break;
      case '--host':
        options.host = value;
        break;
      case '--allowed-host':
        options.allowedHosts.push(value);
        break;
      case '--authenticator-attachment':
        if (value !== 'platform' && value !== 'cross-platform' && value !== 'any') {
          throw new Error(`--authenticator-attachment must be platform, cross-platform or any, got "${value}".`);
        }
        options.authenticatorAttachment = value === 'any' ? null : value;
        break;
      default:
        throw new Error(`Unknown option ${flag}.\n${CLI_USAGE}`);
    }
  }
  return options;
}
