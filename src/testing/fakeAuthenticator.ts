/**
 * A scripted passkey authenticator for stories and component tests: each call follows a script
 * (succeed, fail like a browser, hang, or wait) so every UI state can be shown on demand.
 * Successes come from a real software authenticator, so the emulator accepts them.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { underSignal, type PasskeyAuthenticator } from './passkeyAuthenticator';
import { createSoftwareAuthenticator } from './softwareAuthenticator';

/**
 * What one ceremony does: `succeed`; a browser failure (`cancel` → NotAllowedError,
 * `already-registered` → InvalidStateError, `invalid-domain` → SecurityError, `unsupported` →
 * NotSupportedError); `hang` (never settles until the signal aborts: AbortError); or a number of
 * milliseconds to wait before succeeding.
 */
export type FakeCeremonyScript =
  | 'succeed'
  | 'cancel'
  | 'hang'
  | 'already-registered'
  | 'invalid-domain'
  | 'unsupported'
  | number;

/** Options of `createFakeAuthenticator`: one script for every call, or a list used call by call (the last repeats). */
export interface FakeAuthenticatorOptions {
  create?: FakeCeremonyScript | readonly FakeCeremonyScript[] | undefined;
  get?: FakeCeremonyScript | readonly FakeCeremonyScript[] | undefined;
  /** Where successes come from; a software authenticator for `origin` by default. */
  authenticator?: PasskeyAuthenticator | undefined;
  /** Origin of the default software authenticator; the page's origin (or `http://localhost`) by default. */
  origin?: string | undefined;
  /**
   * What the fake answers when the kit asks whether a platform authenticator is there (before a
   * registration that asks for `platform`); `false` shows `passkey_platform_unavailable`. Left
   * out, the fake does not answer, and the kit asks nothing and times no refusal.
   */
  platformAuthenticator?: boolean | undefined;
}

/** The DOMException a browser throws for each scripted failure, with the browsers' own wording. */
function browserFailure(script: 'cancel' | 'already-registered' | 'invalid-domain' | 'unsupported'): DOMException {
  switch (script) {
    case 'cancel':
      return new DOMException(
        'The operation either timed out or was not allowed. See: https://www.w3.org/TR/webauthn-2/#sctn-privacy-considerations-client.',
        'NotAllowedError',
      );
    case 'already-registered':
      return new DOMException(
        'The user attempted to register an authenticator that contains one of the credentials already registered with the relying party.',
        'InvalidStateError',
      );
    case 'invalid-domain':
      return new DOMException('This is an invalid domain.', 'SecurityError');
    case 'unsupported':
      return new DOMException('The operation is not supported.', 'NotSupportedError');
    default:
      return script satisfies never;
  }
}

/** Resolves after `ms`, or rejects with AbortError when `signal` aborts first (via `underSignal`). */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return underSignal(signal, () => new Promise<void>((resolve) => setTimeout(resolve, ms)));
}

/** Plays `script` for one call, then hands successes to `succeed`. */
function play<T>(script: FakeCeremonyScript, signal: AbortSignal | undefined, succeed: () => Promise<T>): Promise<T> {
  if (typeof script === 'number') return delay(script, signal).then(succeed);
  switch (script) {
    case 'succeed':
      return underSignal(signal, succeed);
    case 'hang':
      return underSignal(signal, () => new Promise<T>(() => {}));
    case 'cancel':
    case 'already-registered':
    case 'invalid-domain':
    case 'unsupported':
      return underSignal(signal, () => Promise.reject(browserFailure(script)));
    default:
      return script satisfies never;
  }
}

/** Turns a script option into a per-call picker: list entries in order, then the last one forever. */
function scriptPicker(option: FakeCeremonyScript | readonly FakeCeremonyScript[] | undefined): () => FakeCeremonyScript {
  const list: readonly FakeCeremonyScript[] = option === undefined ? ['succeed'] : Array.isArray(option) ? option : [option as FakeCeremonyScript];
  let call = 0;
  return () => {
    const script = list[Math.min(call, list.length - 1)] ?? 'succeed';
    call += 1;
    return script;
  };
}

/**
 * A passkey authenticator that follows a script, for stories and component tests.
 * @example
 * // The first prompt is cancelled, the retry succeeds.
 * const authenticator = createFakeAuthenticator({ get: ['cancel', 'succeed'] });
 * // A prompt that stays open until the component aborts it.
 * const waiting = createFakeAuthenticator({ create: 'hang' });
 */
export function createFakeAuthenticator(options: FakeAuthenticatorOptions = {}): PasskeyAuthenticator {
  const nextCreate = scriptPicker(options.create);
  const nextGet = scriptPicker(options.get);
  let backing = options.authenticator;
  // Made on first success only, so a story that never succeeds needs no WebCrypto at all.
  const real = (): PasskeyAuthenticator =>
    (backing ??= createSoftwareAuthenticator({
      origin: options.origin ?? globalThis.location?.origin ?? 'http://localhost',
    }));

  const platformAuthenticator = options.platformAuthenticator;
  return {
    create(creation: PublicKeyCredentialCreationOptionsJSON, call = {}): Promise<RegistrationResponseJSON> {
      return play(nextCreate(), call.signal, () => real().create(creation, { signal: call.signal }));
    },
    get(request: PublicKeyCredentialRequestOptionsJSON, call = {}): Promise<AuthenticationResponseJSON> {
      return play(nextGet(), call.signal, () => real().get(request, call));
    },
    ...(platformAuthenticator === undefined ? {} : { isPlatformAuthenticatorAvailable: async () => platformAuthenticator }),
  };
}
