// Installs bench/peers (Dfns's own browser SDK, pinned) from its lockfile when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PEERS_DIR } from './sizes.mjs';

/**
 * Makes sure `bench/peers/node_modules` holds @dfns/sdk-browser; runs `npm ci --prefix bench/peers` when not.
 * @returns {{ ok: true } | { ok: false, reason: string }}
 */
export function ensurePeers() {
  if (existsSync(join(PEERS_DIR, 'node_modules/@dfns/sdk-browser/package.json'))) return { ok: true };
  const result = spawnSync('npm', ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund'], { encoding: 'utf8' });
  if (result.status === 0 && existsSync(join(PEERS_DIR, 'node_modules/@dfns/sdk-browser/package.json'))) return { ok: true };
  const tail = `${result.stderr ?? ''}${result.error?.message ?? ''}`.trim().split('\n').slice(-3).join(' | ');
  return { ok: false, reason: `npm ci --prefix bench/peers failed (exit ${result.status}): ${tail}` };
}
