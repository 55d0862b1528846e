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

rmSync(REPORT, { force: true });
const vitestOk = run('npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...extra,
]);
try {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that failed to load has no tests in it; count it, or a broken import would pass.
  const brokenSuites = report.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0);
  failed += brokenSuites.length;
  for (const s of brokenSuites) console.log(`suite failed to load: ${s.name}\n${s.message ?? ''}`);
} catch (error) {
  console.log(`no vitest report (${error.message})`);
  failed += 1;
}
if (!vitestOk && failed === 0) failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
