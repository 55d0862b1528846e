/** Installs bench/peers from its lockfile when missing. */
export function ensurePeers(): { ok: true } | { ok: false; reason: string };
