/**
 * Table-driven checks shared by the flow reducer tests: every listed transition, every other
 * (state, event) pair ignored by reference, and every result event from an old attempt dropped.
 */
import { describe, expect, it } from 'vitest';
import type {
  LoginChallenge,
  RecoveryChallenge,
  RegisteredUser,
  RegistrationChallenge,
  Credential,
  Fido2CredentialChallenge,
  KeyCredentialChallenge,
} from '../../src/api/types';
import { DfnsApiError, PasskeyError, RecoveryError, type DfnsAuthError } from '../../src/errors';
import type { RecoveryKit } from '../../src/flows/flowState';

/** The attempt every sample state is in. */
export const A = 3;

/** A flow under test: its reducer, sample states and event makers, and its transition table. */
export interface FlowTable<S extends { status: string; attempt: number }, E extends { type: string }> {
  reduce: (state: S, event: E) => S;
  states: Record<string, S>;
  /** Each event for a given attempt (ignored by events that carry none). */
  events: Record<string, (attempt: number) => E>;
  /** `[state name, event name, expected next state]`: the ONLY pairs that change the state. */
  transitions: ReadonlyArray<readonly [string, string, S]>;
}

/** Runs the three table checks for one flow. */
export function describeFlowTable<S extends { status: string; attempt: number }, E extends { type: string }>(
  table: FlowTable<S, E>,
): void {
  const legal = new Set(table.transitions.map(([from, event]) => `${from}|${event}`));
  const event = (name: string, attempt: number): E => {
    const make = table.events[name];
    if (!make) throw new Error(`no event named ${name}`);
    return make(attempt);
  };
  const state = (name: string): S => {
    const found = table.states[name];
    if (!found) throw new Error(`no state named ${name}`);
    return found;
  };

  describe('transitions', () => {
    it.each(table.transitions.map(([from, on, to]) => ({ from, on, to })))(
      'goes from $from on $on to $to.status',
      ({ from, on, to }) => {
        expect(table.reduce(state(from), event(on, A))).toEqual(to);
      },
    );
  });

  describe('illegal events', () => {
    it.each(Object.keys(table.states))('ignores every unlisted event in %s (same reference)', (from) => {
      const before = state(from);
      for (const name of Object.keys(table.events)) {
        if (legal.has(`${from}|${name}`)) continue;
        expect(table.reduce(before, event(name, A)), `${from} + ${name}`).toBe(before);
      }
    });
  });

  describe('stale attempts', () => {
    it.each(Object.keys(table.states))('drops results of an older attempt in %s', (from) => {
      const before = state(from);
      for (const name of Object.keys(table.events)) {
        const stale = event(name, A - 1);
        if (!('attempt' in stale)) continue;
        expect(table.reduce(before, stale), `${from} + stale ${name}`).toBe(before);
      }
    });
  });
}

/** Fixtures: wire-shaped challenges and results. */
export const registrationChallenge: RegistrationChallenge = {
  user: { id: 'us-1', displayName: 'alice@example.com', name: 'alice@example.com' },
  temporaryAuthenticationToken: 'eyJ.temp.token',
  challenge: 'Y2hhbGxlbmdl',
  supportedCredentialKinds: { firstFactor: ['Fido2'], secondFactor: [] },
  authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
  attestation: 'none',
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  excludeCredentials: [],
};

export const recoveryChallenge: RecoveryChallenge = {
  ...registrationChallenge,
  allowedRecoveryCredentials: [{ id: 'rk-id', encryptedRecoveryKey: 'eyJrZXkiOiIifQ==' }],
};

export const loginChallenge: LoginChallenge = {
  challenge: 'bG9naW4',
  challengeIdentifier: 'eyJ.challenge.id',
  supportedCredentialKinds: [{ kind: 'Fido2', factor: 'first', requiresSecondFactor: false }],
  userVerification: 'required',
  allowCredentials: { key: [], webauthn: [] },
};

export const fido2CredentialChallenge: Fido2CredentialChallenge = {
  kind: 'Fido2',
  user: registrationChallenge.user,
  challengeIdentifier: 'eyJ.cred.id',
  challenge: 'Y3JlZA',
  authenticatorSelection: registrationChallenge.authenticatorSelection,
  attestation: 'none',
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  excludeCredentials: [],
};

export const recoveryKeyCredentialChallenge: KeyCredentialChallenge = {
  kind: 'RecoveryKey',
  user: registrationChallenge.user,
  challengeIdentifier: 'eyJ.cred.id',
  challenge: 'cmVjb3Zlcnk',
  attestation: 'none',
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
};

export const user: RegisteredUser = { id: 'us-1', username: 'alice@example.com', orgId: 'or-1' };

export const credential: Credential = {
  kind: 'Fido2',
  credentialId: 'cred-id',
  credentialUuid: 'cr-1',
  dateCreated: '2026-01-01T00:00:00Z',
  isActive: true,
  name: 'Laptop',
  publicKey: '-----BEGIN PUBLIC KEY-----',
  relyingPartyId: 'localhost',
  origin: 'http://localhost',
};

export const recoveryKit: RecoveryKit = {
  recoveryCode: 'D1-ABCDEF-GHJKL-MNPQR-STUVW-XYZ23-456789',
  credId: 'rk-new',
  username: 'alice@example.com',
  orgId: 'or-1',
  server: 'https://api.dfns.io',
  createdAt: '2026-01-01T00:00:00.000Z',
};

export const networkError: DfnsAuthError = new DfnsApiError('network_error', 'fetch failed', {
  status: 0,
  method: 'POST',
  path: '/auth/login/init',
  retryable: true,
});
export const noGestureError: DfnsAuthError = new PasskeyError('passkey_no_user_gesture', 'needs a click', { retryable: true });
export const cancelledError: DfnsAuthError = new PasskeyError('passkey_cancelled', 'cancelled', { retryable: true });
export const wrongCodeError: DfnsAuthError = new RecoveryError('recovery_code_invalid', 'could not decrypt');
