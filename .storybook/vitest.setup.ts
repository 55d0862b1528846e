/// <reference types="@vitest/browser-playwright" />
/**
 * Runs only when stories run as tests (Vitest browser mode): gives the page a CDP virtual
 * authenticator, so the live stories' real `navigator.credentials` ceremonies complete.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { cdp } from 'vitest/browser';
import { takeReactWarnings, watchReactWarnings } from '../test/reactWarnings';

let authenticatorId = '';

/** What the live stories may do to the virtual authenticator (see `stories/support/live.ts`). */
export interface StoryTestAuthenticator {
  /** Removes every passkey from the authenticator: the person "lost their device". */
  clearCredentials(): Promise<void>;
}

(globalThis as { __dfnsStoryTestAuthenticator?: StoryTestAuthenticator }).__dfnsStoryTestAuthenticator = {
  async clearCredentials() {
    await cdp().send('WebAuthn.clearCredentials', { authenticatorId });
  },
};

beforeAll(async () => {
  await cdp().send('WebAuthn.enable', { enableUI: false });
  const added = await cdp().send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  authenticatorId = added.authenticatorId;
});

// Chromium allows one internal authenticator per page, and story files share the page.
afterAll(async () => {
  if (authenticatorId !== '') await cdp().send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  authenticatorId = '';
});

// A React warning fails the story test in which it happened, as in the other test projects.
watchReactWarnings();
beforeEach(() => {
  takeReactWarnings();
});
afterEach(() => {
  const warnings = takeReactWarnings();
  if (warnings.length > 0) throw new Error(`React warned during this story:\n${warnings.join('\n')}`);
});
