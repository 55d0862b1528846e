'use client';
import { createContext } from 'react';
import type { DfnsClient } from '../api/createDfnsClient';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import type { PasskeyAuthenticator } from '../webauthn/authenticator';

/** The relying party passkeys are bound to: `id` is a registrable domain, `name` is shown by the browser. */
export interface RelyingParty {
  id: string;
  name: string;
}

/** What every kit hook reads from `<DfnsAuthProvider>`. */
export interface DfnsAuthContextValue {
  client: DfnsClient;
  orgId: string;
  rp: RelyingParty;
  /**
   * The app's passkey authenticator; `undefined` means the browser's own, which each
   * ceremony resolves itself (`createPasskey`, `signWithPasskey`) so an app ships only the ones it runs.
   */
  authenticator?: PasskeyAuthenticator | undefined;
  /** Timeout of passkey ceremonies, in milliseconds. */
  timeout: number;
  /**
   * The app's catalogue or overrides, as given to the provider (`undefined`: English). Components
   * lay it over the English copy they show; `mergeCopy` does the same for your own UI.
   */
  messages: DfnsMessages | DeepPartial<DfnsMessages> | undefined;
  /** Colour scheme of the components (`inherit` unless the app chose): see {@link DfnsTheme}. */
  theme: DfnsTheme;
}

/**
 * Colour scheme of the kit's components. `inherit` (the default) takes the host page's
 * `color-scheme`: light unless the page declares dark support (`color-scheme: light dark` or
 * `dark` in its CSS, or `<meta name="color-scheme">`), so a light-only page never gets a dark card.
 * `auto` follows the system's light or dark mode whatever the page declares; `light` and `dark` force it.
 */
export type DfnsTheme = 'inherit' | 'auto' | 'light' | 'dark';

/** The provider's context; `undefined` outside `<DfnsAuthProvider>`. */
export const DfnsAuthContext = createContext<DfnsAuthContextValue | undefined>(undefined);
