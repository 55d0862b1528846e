#!/usr/bin/env node
// `npm run bench`: one table of the kit's costs, every figure measured in this run, next to
// Dfns's own SDK; printed and written to bench/results.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PEERS } from '../bundleSize.mjs';
import { measureChromium, median } from './chromium.mjs';
import { ensurePeers } from './ensurePeers.mjs';
import { countRequests } from './requests.mjs';
import {
  componentNames,
  distIsStale,
  endpointHookCosts,
  inputsByGroup,
  marginalGzipByPart,
  measureDfnsAuthClient,
  measureExports,
  measureKit,
  measureUse,
  measureWebAuthnSigner,
  measureWebAuthnSignerAsApp,
  OWN_EXTERNAL,
  ROOT,
  uses,
} from './sizes.mjs';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const kb = (bytes) => (bytes / 1000).toFixed(1);
const ms = (value) => value.toFixed(1);
const ratio = (value, base) => `${(value / base).toFixed(2)}×`;
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
};

if (distIsStale()) {
  console.error('dist/ is older than src/: npm run build');
  run('npm', ['run', '--silent', 'build']);
}
const peers = ensurePeers();
if (!peers.ok) throw new Error(`${peers.reason}; the benchmark needs Dfns's SDK beside the kit`);

// Sizes.
console.error('bundle sizes…');
const signer = await measureWebAuthnSigner();
const authClient = await measureDfnsAuthClient();
const whole = await measureKit(`export * from 'dfns-react-kit';`);
const own = await measureKit(`export * from 'dfns-react-kit';`, OWN_EXTERNAL);
const core = await measureKit(`export * from 'dfns-react-kit/core';`);
const components = [];
for (const name of componentNames()) components.push([name, await measureExports([name])]);
// No component works without the provider, which brings the client, the default authenticator and
// the English catalogue: what an app really ships is the component with it.
const provider = await measureExports(['DfnsAuthProvider']);
const withProvider = [];
for (const name of componentNames()) withProvider.push([name, await measureExports(['DfnsAuthProvider', name])]);
const TYPICAL = ['DfnsAuthProvider', 'RegisterPasskey', 'LoginWithPasskey', 'RecoverAccount'];
const typical = await measureExports(TYPICAL);
const hooks = await endpointHookCosts(PEERS);
// Issue 19's budgets: what a Vite app loads with the page per use, beside WebAuthnSigner built alike.
const signerApp = await measureWebAuthnSignerAsApp();
const perUse = [];
for (const [name, exports] of Object.entries(uses())) perUse.push([name, await measureUse(exports)]);
const byPart = await marginalGzipByPart();

// Requests, renders, Chromium.
console.error('requests per flow…');
const requestRows = await countRequests();
console.error('React commits per step (jsdom)…');
const scratch = mkdtempSync(join(tmpdir(), 'dfns-bench-'));
const rendersFile = join(scratch, 'renders.json');
run('npx', ['vitest', 'run', '--config', 'scripts/bench/vitest.renders.config.ts', '--reporter=dot'], { BENCH_RENDERS_OUT: rendersFile });
const renders = JSON.parse(readFileSync(rendersFile, 'utf8'));
rmSync(scratch, { recursive: true, force: true });
console.error(`Chromium (L = ${LATENCY_MS} ms, ${RUNS} runs per mode)…`);
const browser = await measureChromium({ latencyMs: LATENCY_MS, runs: RUNS });

const sizeRow = (label, size, note = '') =>
  `| ${label} | ${kb(size.minified)} | **${kb(size.gzip)}** | ${ratio(size.gzip, signer.gzip)} | ${note} |`;
const lines = [
  `## Benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}; every figure from one run of \`npm run bench\`)`,
  '',
  '### Bundle size (esbuild, minified ESM for browsers, gzip -9; react, react-dom, @tanstack/react-query external)',
  '',
  '| Bundle | min KB | gzip KB | ÷ WebAuthnSigner | Notes |',
  '|---|---:|---:|---:|---|',
  sizeRow('**Dfns `WebAuthnSigner`** (@dfns/sdk-browser 0.6.12 + @dfns/sdk 0.6.12)', signer, 'baseline'),
  sizeRow('Dfns `AuthClient` (@dfns/sdk 0.8.3, `generated/auth`)', authClient),
  sizeRow('kit: whole `.` entry', whole, 'SimpleWebAuthn included; budget 0.7×'),
  sizeRow('kit: whole `.` entry, own code', own, 'without @simplewebauthn/browser; budget 12 KB'),
  sizeRow('kit: `./core` (whole)', core, 'no React'),
  ...components.map(([name, size]) => sizeRow(`kit: \`<${name}/>\` alone`, size, 'without the provider it needs')),
  sizeRow('kit: `<DfnsAuthProvider>` alone', provider, 'client, default authenticator, English catalogue'),
  ...withProvider.map(([name, size]) => sizeRow(`kit: \`<DfnsAuthProvider>\` + \`<${name}/>\``, size, 'what an app with this one component ships')),
  sizeRow(`kit: a typical app (${TYPICAL.slice(1).map((n) => `\`<${n}/>\``).join(', ')} and the provider)`, typical, 'sign-up, sign-in and recovery'),
  `| kit: shared endpoint-hook base | ${kb(hooks.base.minified)} | **${kb(hooks.base.gzip)}** | ${ratio(hooks.base.gzip, signer.gzip)} | useDfnsAuth + useEndpointMutation + the validation runtime |`,
  ...Object.entries(hooks.hooks).map(
    ([name, cost]) =>
      `| kit: \`${name}\` alone | ${kb(cost.minified)} | **${kb(cost.gzip)}** | ${ratio(cost.gzip, signer.gzip)} | own ${cost.ownGzip} B gzip (budget 1500 B) |`,
  ),
  '',
  '### What an app loads per use (issue 19)',
  '',
  `A Vite 8 production build of an app that imports the use (Rolldown, minified; react, react-dom, @tanstack/react-query external; gzip per chunk). First load is what the page loads to show the card; at mount is what the kit fetches as soon as it has rendered (the HTTP layer, the sign-in and sign-up steps), so the sum is what a visit downloads before anyone acts; later steps are the chunks the kit fetches by \`import()\` when a step is reached (the recovery kit, the SSO offer, an error's details…). Dfns \`WebAuthnSigner\` built the same way: **${kb(signerApp.initial.gzip)} KB**.`,
  '',
  '| Use | first load gzip KB | ÷ WebAuthnSigner | at mount gzip KB | first load + at mount | later steps gzip KB | budget (first load) |',
  '|---|---:|---:|---:|---:|---:|---|',
  ...perUse.map(([name, size]) => {
    const budget = name === 'provider' ? '≤ 6 KB' : name === 'provider + LoginWithPasskey' ? '≤ 11 KB and ≤ 0.42×' : name.startsWith('typical') ? '≤ 19 KB and ≤ 0.73×' : '≤ 0.6×';
    const mount = size.mount.gzip;
    return `| ${name} | **${kb(size.initial.gzip)}** | ${ratio(size.initial.gzip, signerApp.initial.gzip)} | ${kb(mount)} | ${kb(size.initial.gzip + mount)} | ${kb(size.later.gzip - mount)} | ${budget} |`;
  }),
  '',
  `Largest parts of the whole \`.\` entry (minified bytes in the output): ${inputsByGroup(whole.inputs)
    .slice(0, 8)
    .map(([group, bytes]) => `${group} ${kb(bytes)} KB`)
    .join(', ')}.`,
  '',
  '### What each part of the whole `.` entry costs',
  '',
  'gzip bytes a part adds = gzip(every module) − gzip(every module but that part\'s): what removing the part would save.',
  `Modules are minified one by one here, so the total (${kb(byPart.total)} KB) differs a little from the bundle's ${kb(whole.gzip)} KB; the parts add up to less than the total because gzip shares what they repeat.`,
  '',
  '| Part | min KB | gzip KB it adds | share |',
  '|---|---:|---:|---:|',
  ...byPart.parts.map(
    ({ part, minified, gzip }) => `| ${part} | ${kb(minified)} | ${kb(gzip)} | ${Math.round((100 * gzip) / byPart.total)} % |`,
  ),
  '',
  '### Requests per flow (kit `./core` against the emulator)',
  '',
  '| Flow | Requests | Sequence |',
  '|---|---:|---|',
  ...requestRows.map((row) => `| ${row.flow} | ${row.requests.length} | ${row.requests.join(' → ')} |`),
  '',
  '### React commits per flow step (jsdom, StrictMode, development React, `<Profiler>` around the component)',
  '',
  '| Flow | Commits per `data-status` | Total | Requests |',
  '|---|---|---:|---:|',
  ...renders.map(
    (row) =>
      `| ${row.flow.replace(/</g, '&lt;')} | ${Object.entries(row.commits)
        .map(([status, n]) => `${status} ${n}`)
        .join(', ')} | ${Object.values(row.commits).reduce((a, b) => a + b, 0)} | ${row.requests.length} |`,
  ),
  '',
  `### Chromium (headless ${'Chromium'}, CDP virtual authenticator; emulator answers every POST after L = ${LATENCY_MS} ms)`,
  '',
  '| Measure | Median | Runs (ms) | Budget |',
  '|---|---:|---|---|',
  `| click → \`navigator.credentials.get\`, challenge prefetched on hover | ${ms(median(browser.clickToPrompt.prefetch))} ms | ${browser.clickToPrompt.prefetch.map(ms).join(', ')} | ≤ 50 ms |`,
  `| click → \`navigator.credentials.get\`, no prefetch (plain button through the render prop) | ${ms(median(browser.clickToPrompt.noPrefetch))} ms (L + ${ms(median(browser.clickToPrompt.noPrefetch) - LATENCY_MS)}) | ${browser.clickToPrompt.noPrefetch.map(ms).join(', ')} | ≤ L + 50 ms |`,
  `| longest main-thread task while \`unlockRecoveryKey\` runs (PBKDF2 100,000) | ${ms(median(browser.unlock.map((u) => u.longestTaskMs)))} ms | ${browser.unlock.map((u) => `${ms(u.longestTaskMs)} (${u.longTasks} long tasks, unlock ${ms(u.unlockMs)} ms)`).join('; ')} | ≤ 50 ms |`,
  `| observer check: longest task seen around a deliberate 80 ms busy loop | ${ms(median(browser.unlock.map((u) => u.controlTaskMs)))} ms | | must be ≥ 80 |`,
  '',
];
const table = lines.join('\n');
console.log(table);
writeFileSync(join(ROOT, 'bench/results.md'), `${table}\n`);
console.error('written to bench/results.md');
