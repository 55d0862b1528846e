import type { RecoveryKit } from '../../src/flows/flowState';

/** A recovery kit as the kit shows and writes it (Jane's), for tests of the panel, the file and its reader. */
export const sampleKit: RecoveryKit = {
  recoveryCode: 'D1-ABCDEF-GHJKL-MNPQR-STUVW-XYZ23-456789',
  credId: 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk',
  username: 'jane@example.com',
  orgId: 'or-30tnh-itmjs-9uoqk7d5e3fpt1pp',
  server: 'https://api.dfns.io',
  createdAt: '2025-01-02T03:04:05.000Z',
};
