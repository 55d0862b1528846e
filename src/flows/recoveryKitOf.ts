import type { RecoveryKit } from './flowState';

/** The recovery kit of a new recovery key (`recoveryCode` and `credId`), for `username` of `orgId` on `server`, made now. */
export function recoveryKitOf(
  key: { recoveryCode: string; credId: string },
  owner: { username: string; orgId: string; server: string },
): RecoveryKit {
  return { recoveryCode: key.recoveryCode, credId: key.credId, ...owner, createdAt: new Date().toISOString() };
}
