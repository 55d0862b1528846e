import type { DfnsClient } from './createDfnsClient';
import type { RequestOptions } from './request';
import { resolveOrgId } from './resolveOrgId';
import { messageResultSchema } from './messageResultSchema';
import type { MessageResult } from './types';

// Its own file: recovery's first step, loaded with the page, while the rest of recovery is a later chunk.
/** `POST /auth/recover/user/code` (no auth): emails the user the verification code recovery needs. */
export async function sendRecoveryCode(
  client: DfnsClient,
  params: { username: string; orgId?: string | undefined },
  options: RequestOptions = {},
): Promise<MessageResult> {
  const orgId = resolveOrgId(client, params.orgId, 'POST /auth/recover/user/code');
  return client.request({
    method: 'POST',
    path: '/auth/recover/user/code',
    auth: 'none',
    body: { username: params.username, orgId },
    schema: messageResultSchema(),
    signal: options.signal,
  });
}
