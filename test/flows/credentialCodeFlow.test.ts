import { describe, expect, it } from 'vitest';
import { initialState, reduce, type CredentialCodeEvent, type CredentialCodeState } from '../../src/flows/credentialCodeFlow';
import { A, credential, describeFlowTable, networkError } from './flowTable';

const states: Record<string, CredentialCodeState> = {
  idle: { status: 'idle', attempt: A },
  'signing-user-action': { status: 'signing-user-action', attempt: A },
  submitting: { status: 'submitting', attempt: A },
  'showing-code': { status: 'showing-code', attempt: A, code: 'A7U-KY6-9PT', expiresAt: 1_000 },
  expired: { status: 'expired', attempt: A },
  success: { status: 'success', attempt: A, credential },
  'error-signing': { status: 'error', attempt: A, step: 'signing-user-action', error: networkError },
  'error-submitting': { status: 'error', attempt: A, step: 'submitting', error: networkError },
};

const events: Record<string, (attempt: number) => CredentialCodeEvent> = {
  start: () => ({ type: 'start' }),
  'user-action-signed': (attempt) => ({ type: 'user-action-signed', attempt }),
  'code-received': (attempt) => ({ type: 'code-received', attempt, code: 'B8V-LZ7-2QR', expiresAt: 2_000 }),
  'code-expired': (attempt) => ({ type: 'code-expired', attempt }),
  'credential-added': (attempt) => ({ type: 'credential-added', attempt, credential }),
  failed: (attempt) => ({ type: 'failed', attempt, error: networkError }),
  retry: () => ({ type: 'retry' }),
  reset: () => ({ type: 'reset' }),
};

const signing: CredentialCodeState = { status: 'signing-user-action', attempt: A + 1 };
const errorAt = (step: 'signing-user-action' | 'submitting') => ({ status: 'error', attempt: A, step, error: networkError }) as const;

describe('credential code flow (signed-in device)', () => {
  it('starts idle at attempt 0', () => {
    expect(initialState).toEqual({ status: 'idle', attempt: 0 });
  });

  describeFlowTable({
    reduce,
    states,
    events,
    transitions: [
      ...Object.keys(states).map((from) => [from, 'reset', { status: 'idle', attempt: A + 1 }] as const),
      ['idle', 'start', signing],
      ['signing-user-action', 'user-action-signed', { status: 'submitting', attempt: A + 1 }],
      ['signing-user-action', 'failed', errorAt('signing-user-action')],
      ['submitting', 'code-received', { status: 'showing-code', attempt: A, code: 'B8V-LZ7-2QR', expiresAt: 2_000 }],
      ['submitting', 'failed', errorAt('submitting')],
      ['showing-code', 'code-expired', { status: 'expired', attempt: A }],
      ['showing-code', 'credential-added', { status: 'success', attempt: A, credential }],
      ['showing-code', 'start', signing],
      ['expired', 'credential-added', { status: 'success', attempt: A, credential }],
      ['expired', 'start', signing],
      ['success', 'start', signing],
      ['error-signing', 'retry', signing],
      ['error-signing', 'start', signing],
      ['error-submitting', 'retry', signing],
      ['error-submitting', 'start', signing],
    ],
  });

  it('drops the code from state once it expires, so it is no longer on screen', () => {
    const expired = reduce(states['showing-code']!, { type: 'code-expired', attempt: A });
    expect(JSON.stringify(expired)).not.toContain('A7U-KY6-9PT');
  });
});
