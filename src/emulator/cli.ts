/**
 * `npx dfns-emulator`: the emulator over HTTP for Dfns's own SDK, a backend, or a page on another
 * port. Prints a seeded user and its registration code, so a person can register straight away.
 */
import { DEFAULT_ORIGINS } from './options';
import { CLI_USAGE, parseCliArgs, type CliOptions } from './parseCliArgs';

/**
 * The verifier the emulator needs, an optional peer of the kit: apps that never run the emulator
 * do not install it (docs/emulator-package.md). Kept equal to the kit's devDependency by a test.
 */
export const VERIFIER_PACKAGE = '@simplewebauthn/server@14.0.3';

/** Whether `error` is Node failing to find the verifier package. */
function isMissingVerifier(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'ERR_MODULE_NOT_FOUND' && String(message).includes('@simplewebauthn/server');
}

/** The emulator core and Node server, loaded after the arguments so `--help` needs no verifier. */
async function loadEmulator(): Promise<[typeof import('./createDfnsEmulator'), typeof import('./node')]> {
  try {
    return await Promise.all([import('./createDfnsEmulator'), import('./node')]);
  } catch (error) {
    if (!isMissingVerifier(error)) throw error;
    console.error(`dfns-emulator verifies passkeys with @simplewebauthn/server, which apps that only use the kit do not install.
Install it next to the kit, then run dfns-emulator again:
  npm i -D ${VERIFIER_PACKAGE}
or, without installing anything into the project:
  npx -p dfns-react-kit -p ${VERIFIER_PACKAGE} dfns-emulator`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (options.help) {
    console.log(CLI_USAGE);
    return;
  }
  const [{ createDfnsEmulator }, { startEmulatorServer }] = await loadEmulator();
  const origins = options.origins.length > 0 ? options.origins : [...DEFAULT_ORIGINS];
  const emulator = createDfnsEmulator({
    rpId: options.rpId,
    origins,
    orgId: options.orgId,
    passkeySettings: options.authenticatorAttachment === undefined ? undefined : { authenticatorAttachment: options.authenticatorAttachment },
  });
  const { registrationCode } = emulator.createUser({ username: options.username });
  const { url, adminSecret, close } = await startEmulatorServer({
    port: options.port,
    emulator,
    host: options.host,
    allowedHosts: options.allowedHosts,
  });
  // One JSON line first, for scripts and tests; then the same for people.
  console.log(JSON.stringify({ url, orgId: emulator.orgId, rpId: emulator.rpId, origins, username: options.username, registrationCode, adminSecret }));
  console.log(`Dfns emulator listening on ${url}
  org id:            ${emulator.orgId}
  rp id:             ${emulator.rpId}
  allowed origins:   ${origins.join(', ')}
  passkeys asked:    ${attachmentLine(emulator.passkeySettings.authenticatorAttachment)}
  seeded user:       ${options.username}
  registration code: ${registrationCode}   (local test data, not a real Dfns code)
  admin secret:      ${adminSecret}   (header x-emulator-admin-secret on /emulator/admin/*; new each run)`);
  const stop = (): void => {
    void close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** What the organisation's `authenticatorAttachment` asks of a person's device, for the banner. */
function attachmentLine(attachment: 'platform' | 'cross-platform' | null): string {
  switch (attachment) {
    case 'platform':
      return 'built into the device (authenticatorAttachment platform; --authenticator-attachment any for all kinds)';
    case 'cross-platform':
      return 'security key or phone (authenticatorAttachment cross-platform)';
    case null:
      return 'any kind (no authenticatorAttachment)';
    default:
      return attachment satisfies never;
  }
}

void main();
