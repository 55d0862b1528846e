#!/usr/bin/env node
// Runs every check of the kit and ends with the one line CI reads: "N passed, N failed".
// The type check counts as one test; every vitest test (unit, node, browser, stories) counts as one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const REPORT = '.vitest-report.json';
const extra = process.argv.slice(2);

function run(command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: false,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  console.log(`[${command} ${args.join(' ')}] exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

// React 18 for the react18 project lives in its own folder with its own lockfile.
if (!existsSync('compat/react18/node_modules/react')) {
  run('npm', ['ci', '--prefix', 'compat/react18', '--no-audit', '--no-fund']);
}

let passed = 0;
let failed = 0;

// The type check and the library build each count as one test; package tests read `dist/`.
if (extra.length === 0) {
  for (const [command, args] of [
    ['npx', ['tsc', '-p', 'tsconfig.json']],
    ['npm', ['run', '--silent', 'build']],
    // The static Storybook is what test/storybook smoke-tests, story by story.
    ['npm', ['run', '--silent', 'build-storybook']],
  ]) {
    if (run(command, args)) passed += 1;
    else failed += 1;
  }
}

/** One vitest run with a JSON report; adds its passed and failed tests to the totals. */
function vitest(args) {
  rmSync(REPORT, { force: true });
  const ok = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...args]);
  let runFailed = 0;
  try {
    const report = JSON.parse(readFileSync(REPORT, 'utf8'));
    passed += report.numPassedTests;
    runFailed += report.numFailedTests;
    // A suite that failed to load has no tests in it; count it, or a broken import would pass.
    const brokenSuites = report.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0);
    runFailed += brokenSuites.length;
    for (const s of brokenSuites) console.log(`suite failed to load: ${s.name}\n${s.message ?? ''}`);
  } catch (error) {
    console.log(`no vitest report (${error.message})`);
    runFailed += 1;
  }
  if (!ok && runFailed === 0) runFailed += 1;
  failed += runFailed;
}

if (extra.length > 0) {
  vitest(extra);
} else {
  // Everything else first, the time budgets (project `timing`) after, alone: on 2 cores busy with
  // the other projects a click-to-prompt timing measures the load, not the kit.
  vitest(['--project', '!timing']);
  vitest(['--project', 'timing']);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
