/** What a story tells the Dfns decorator and loader through `parameters.dfns`. */
import type { EmulatorPasskeySettings, FaultSpec, RequestRule } from '../../src/emulator';
import type { FakeCeremonyScript } from '../../src/testing';

/** Scripts of the fake authenticator: one per call, or a list used call by call (the last repeats). */
export interface StoryAuthenticatorScripts {
  create?: FakeCeremonyScript | readonly FakeCeremonyScript[];
  get?: FakeCeremonyScript | readonly FakeCeremonyScript[];
  /** `false`: the device has no built-in (platform) authenticator, so a platform registration cannot start. */
  platformAuthenticator?: boolean;
}

/** `parameters.dfns` of a story. */
export interface DfnsStoryParameters {
  /**
   * A scripted fake authenticator, or `'browser'` for the browser's own (live stories). Story
   * parameters merge deeply into the meta's, so a live story must say `'browser'` explicitly.
   */
  authenticator?: StoryAuthenticatorScripts | 'browser';
  /**
   * `fixture`: logged in as the shared registered user; `fresh`: logged in as a user registered
   * for this story alone; `live`: the person's live session; `none` (or absent): logged out.
   * (`none` exists because story parameters merge into the meta's: `undefined` would not override.)
   */
  session?: 'fixture' | 'fresh' | 'live' | 'none';
  /**
   * The scripted `create` makes its passkey on a NEW device (a second software authenticator),
   * while `get` signs with the user's existing passkey: adding a passkey from another device.
   */
  newDevice?: boolean;
  /** `fresh`: register a user for this story alone without logging in (recovery stories). */
  user?: 'fresh';
  /** Invite a new user for this story (registration stories). */
  invite?: boolean;
  /** Prefix of the usernames made for this story. */
  userPrefix?: string;
  /** Emulator faults for this story (cleared before every story). */
  faults?: FaultSpec[];
  /** Requests that answer 202 (awaiting approval) in this story. */
  requireApproval?: RequestRule[];
  /** A tiny per-minute request budget, to show rate limiting. */
  rateLimitPerMinute?: number;
  /**
   * The organisation's passkey settings for this story; the rest keep the emulator's defaults
   * (a platform passkey, as in Dfns's reference). `authenticatorAttachment: null` accepts any.
   */
  passkeySettings?: Partial<EmulatorPasskeySettings>;
  /** A live story: the `target` toolbar switch can point it at a real Dfns. */
  live?: boolean;
  /**
   * With `session: 'live'`: render the story only once someone is logged in (until then, a note
   * says where to sign in). For components that load on mount and would show a setup error.
   */
  hideUntilLoggedIn?: boolean;
  /**
   * A live story that needs the demo user's passkey in this browser (a login): while the in-page
   * emulator has none, a note offers to create it, so the story works when opened on its own.
   */
  needsDemoPasskey?: boolean;
  /** The story shows failing requests on purpose without `faults` (galleries): the smoke test allows them. */
  expectFailedRequests?: boolean;
  /** Hide the emulator panel (galleries). */
  panel?: boolean;
  /** An all-states gallery: it renders its own page heading. */
  gallery?: boolean;
}

/** Toolbar globals of the stories. */
export interface DfnsGlobals {
  theme: 'light' | 'dark' | 'unstyled';
  locale: 'en' | 'de';
  target: 'emulator' | 'dfns';
  /** `hidden` in the frames of the all-states gallery. */
  panel?: 'shown' | 'hidden';
}

/** Controls that point live stories at a real Dfns (shown when the `target` toolbar is "real Dfns"). */
export interface DfnsTargetArgs {
  dfnsBaseUrl?: string;
  dfnsOrgId?: string;
  dfnsRpId?: string;
}
