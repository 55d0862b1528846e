/**
 * `npx dfns-emulator`: the emulator over HTTP for Dfns's own SDK, a backend, or a page on another
 * port. Prints a seeded user and its registration code, so a person can register straight away.
 */
import { createDfnsEmulator } from './createDfnsEmulator';
import { DEFAULT_ORIGINS } from './options';
import { CLI_USAGE, parseCliArgs, type CliOptions } from './parseCliArgs';
import { startEmulatorServer } from './node';

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
  const origins = options.origins.length > 0 ? options.origins : [...DEFAULT_ORIGINS];
  const emulator = createDfnsEmulator({ rpId: options.rpId, origins, orgId: options.orgId });
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
  seeded user:       ${options.username}
  registration code: ${registrationCode}   (local test data, not a real Dfns code)
  admin secret:      ${adminSecret}   (header x-emulator-admin-secret on /emulator/admin/*; new each run)`);
  const stop = (): void => {
    void close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
