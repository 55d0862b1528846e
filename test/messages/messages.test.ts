import { describe, expect, it } from 'vitest';
import { DfnsApiError, DfnsAuthError, type DfnsAuthErrorCode } from '../../src/errors';
import type { RecoveryKit } from '../../src/flows/flowState';
import {
  englishMessages,
  errorMessage,
  mergeMessages,
  recoveryKitText,
  type DfnsMessages,
} from '../../src/messages/index';
import { germanMessages } from '../../src/messages/de';

// A Record over the union: adding a code to src/errors.ts without listing it here is a type error.
const everyCode: Record<DfnsAuthErrorCode, true> = {
  network_error: true,
  aborted: true,
  timeout: true,
  invalid_response: true,
  policy_pending: true,
  http_error: true,
  unauthorized: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  rate_limited: true,
  server_error: true,
  sso_required: true,
  id_token_unavailable: true,
  id_token_refused: true,
  sso_state_invalid: true,
  sso_cancelled: true,
  webauthn_unsupported: true,
  passkey_cancelled: true,
  passkey_already_registered: true,
  passkey_invalid_domain: true,
  passkey_blocked_in_frame: true,
  passkey_aborted: true,
  passkey_no_user_gesture: true,
  passkey_platform_unavailable: true,
  passkey_failed: true,
  recovery_code_malformed: true,
  recovery_code_invalid: true,
  recovery_key_not_found: true,
  password_invalid: true,
  credential_code_invalid: true,
  credential_code_expired: true,
  credential_not_allowed: true,
  config_error: true,
  invalid_input: true,
  unknown_error: true,
};
const codes = Object.keys(everyCode) as DfnsAuthErrorCode[];

/** Every leaf path of a catalogue, e.g. `buttons.register` or `recoveryKit.instructions`. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

function leaf(messages: DfnsMessages, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
}

const kit: RecoveryKit = {
  recoveryCode: 'D1-ABCDEF-GHJKL-MNPQR-STUVW-XYZ23-456789',
  credId: 'fK3x9Qv2bN7mP1sT4wY6zA8cE0gI2kM4oQ6sU8wY0aC',
  username: 'alice@example.com',
  orgId: 'or-30fn5-6ehcr-8sosfjnq0n7b0mos',
  server: 'https://api.dfns.io',
  createdAt: '2026-11-23T18:00:00.000Z',
};

describe('message catalogues', () => {
  it('German has exactly the keys English has', () => {
    expect(leafPaths(germanMessages).sort()).toEqual(leafPaths(englishMessages).sort());
  });

  it.each([
    ['English', englishMessages],
    ['German', germanMessages],
  ] as const)('%s has no empty string outside the idle statuses', (_name, messages) => {
    for (const path of leafPaths(messages)) {
      if (path.endsWith('.idle')) continue;
      const value = leaf(messages, path);
      if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
    }
  });

  it('German is a translation, not a copy of English', () => {
    const same = leafPaths(englishMessages).filter((path) => {
      const en = leaf(englishMessages, path);
      return typeof en === 'string' && en !== '' && en === leaf(germanMessages, path);
    });
    // Only words German borrows unchanged (Name, Server, Passkey) may match.
    expect(same.sort()).toEqual(['credentialList.kinds.Fido2', 'labels.credentialName', 'recoveryKit.server']);
  });

  it.each([
    ['English', englishMessages, /["']/],
    // German opens with „ and closes with “ (the English opening quote), so only ” marks a wrong one.
    ['German', germanMessages, /["'”‘’]/],
  ] as const)('%s copy uses typographic quotes and apostrophes, never straight ones', (_name, messages, straight) => {
    const samples = { name: 'Laptop', username: 'alice', platform: 'Mac', date: '2026-12-06', count: 2, seconds: 9, errorId: 'e-1', method: 'POST', path: '/wallets' };
    const offenders: string[] = [];
    for (const path of leafPaths(messages)) {
      if (path === 'locale') continue;
      const value = leaf(messages, path);
      const texts = typeof value === 'function' ? [String((value as (p: typeof samples) => string)(samples))] : Array.isArray(value) ? value : [value];
      for (const text of texts) if (typeof text === 'string' && straight.test(text)) offenders.push(`${path}: ${text}`);
    }
    expect(offenders).toEqual([]);
  });

  it('every error code has a title (what happened) apart from its body (what to do)', () => {
    for (const messages of [englishMessages, germanMessages]) {
      for (const code of codes) {
        expect(messages.errorTitles[code].length, code).toBeGreaterThan(3);
        expect(messages.errors[code], code).not.toContain(messages.errorTitles[code]);
      }
    }
  });

  it('German uses the same number of recovery instructions as English', () => {
    expect(germanMessages.recoveryKit.instructions).toHaveLength(englishMessages.recoveryKit.instructions.length);
  });

  it('fills parameterised strings with their parameters', () => {
    expect(englishMessages.credentialList.count({ count: 1 })).toBe('1 key');
    expect(englishMessages.credentialList.count({ count: 3 })).toBe('3 keys');
    expect(germanMessages.credentialList.count({ count: 3 })).toBe('3 Schlüssel');
    expect(englishMessages.credentialList.deactivateRecoveryKeyConfirm({ name: 'Safe' })).toBe(
      'Deactivate “Safe”? Its recovery kit will no longer recover your account.',
    );
    expect(germanMessages.success.passkeyAdded({ name: 'Laptop' })).toBe('„Laptop“ wurde hinzugefügt.');
    expect(englishMessages.userAction.request({ method: 'POST', path: '/wallets' })).toBe('POST /wallets');
  });
});

describe('errorMessage', () => {
  it.each(codes)('gives users the catalogue text for %s, never the developer message', (code) => {
    const error = new DfnsAuthError(code, `developer detail for ${code}`);
    for (const messages of [englishMessages, germanMessages]) {
      const text = errorMessage(messages, error);
      expect(text).toBe(messages.errors[code]);
      expect(text).not.toContain('developer detail');
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it('gives every code its own English message', () => {
    const texts = codes.map((code) => englishMessages.errors[code]);
    expect(new Set(texts).size).toBe(codes.length);
  });

  it('adds the Dfns error id for support requests', () => {
    const error = new DfnsApiError('server_error', 'HTTP 500', {
      status: 500,
      method: 'POST',
      path: '/auth/login',
      errorId: 'e-123',
    });
    expect(errorMessage(englishMessages, error)).toBe(`${englishMessages.errors.server_error} Reference: e-123`);
  });

  it('falls back to unknown_error for anything that is not a kit error', () => {
    expect(errorMessage(englishMessages, new TypeError('boom'))).toBe(englishMessages.errors.unknown_error);
    expect(errorMessage(germanMessages, 'a string')).toBe(germanMessages.errors.unknown_error);
  });
});

describe('mergeMessages', () => {
  it('replaces only the overridden keys, at any depth', () => {
    const merged = mergeMessages(englishMessages, {
      buttons: { register: 'Get started' },
      status: { loginWithPasskey: { submitting: 'One moment…' } },
      errors: { passkey_cancelled: 'No worries, try again when ready.' },
    });
    expect(merged.buttons.register).toBe('Get started');
    expect(merged.buttons.signIn).toBe(englishMessages.buttons.signIn);
    expect(merged.status.loginWithPasskey.submitting).toBe('One moment…');
    expect(merged.status.loginWithPasskey.success).toBe(englishMessages.status.loginWithPasskey.success);
    expect(merged.errors.passkey_cancelled).toBe('No worries, try again when ready.');
    expect(merged.errors.network_error).toBe(englishMessages.errors.network_error);
    expect(leafPaths(merged).sort()).toEqual(leafPaths(englishMessages).sort());
  });

  it('replaces functions and lists whole', () => {
    const merged = mergeMessages(germanMessages, {
      credentialList: { count: ({ count }) => `${count} Passkeys` },
      recoveryKit: { instructions: ['Nur ein Schritt.'] },
    });
    expect(merged.credentialList.count({ count: 2 })).toBe('2 Passkeys');
    expect(merged.recoveryKit.instructions).toEqual(['Nur ein Schritt.']);
  });

  it('ignores keys given as undefined and leaves both inputs unchanged', () => {
    const before = JSON.stringify(englishMessages);
    const overrides = { buttons: { retry: undefined, cancel: 'Close' } };
    const merged = mergeMessages(englishMessages, overrides);
    expect(merged.buttons.retry).toBe(englishMessages.buttons.retry);
    expect(merged.buttons.cancel).toBe('Close');
    expect(JSON.stringify(englishMessages)).toBe(before);
    expect(overrides.buttons.cancel).toBe('Close');
  });
});

describe('recoveryKitText', () => {
  it('writes every field of the kit under the recovery kit title', () => {
    const text = recoveryKitText(kit);
    expect(text.split('\n')[0]).toBe('Account recovery kit');
    expect(text).toContain(`Recovery code:    ${kit.recoveryCode}`);
    expect(text).toContain(`Recovery key ID:  ${kit.credId}`);
    expect(text).toContain(`Username:         ${kit.username}`);
    expect(text).toContain(`Organisation ID:  ${kit.orgId}`);
    expect(text).toContain(`Server:           ${kit.server}`);
    expect(text).toContain(`Created:          ${kit.createdAt}`);
    expect(text).toContain('1. Open the account recovery page');
    expect(text).toContain('4. Create a new passkey.');
  });

  it('writes the kit in the catalogue language', () => {
    const text = recoveryKitText(kit, germanMessages);
    expect(text).toContain('Wiederherstellungs-Kit für Ihr Konto');
    expect(text).toMatch(/Wiederherstellungscode: +D1-ABCDEF/);
    expect(text).toContain('So stellen Sie Ihr Konto wieder her');
  });
});
