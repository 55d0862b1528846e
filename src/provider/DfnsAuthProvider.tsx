'use client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createDfnsClient, type AuthTokenSource } from '../api/createDfnsClient';
import { requestPart } from '../api/requestPart';
import { DfnsAuthError } from '../errors';
import type { PasskeyAuthenticator } from '../webauthn/authenticator';
import type { DeepPartial, DfnsMessages } from '../messages/types';
import { DfnsAuthContext, type DfnsAuthContextValue, type DfnsTheme, type RelyingParty } from './DfnsAuthContext';
import { warnDeveloper } from './warnDeveloper';

/** Props of `<DfnsAuthProvider>`. */
export interface DfnsAuthProviderProps {
  /** Dfns API origin; defaults to `https://api.dfns.io` (use `https://api.uae.dfns.io` for UAE). */
  baseUrl?: string | undefined;
  /** Your Dfns organisation id (`or-…`). */
  orgId: string;
  /** The relying party of your passkeys. `id` must equal or be a parent of the page's host. */
  rp: RelyingParty;
  /** The logged-in user's token, or a function returning it (read on every request, never cached). */
  authToken?: AuthTokenSource | undefined;
  /** A fetch to use instead of the global one (e.g. to add tracing). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Runs passkey ceremonies; defaults to SimpleWebAuthn. Pass a fake in tests and stories. */
  authenticator?: PasskeyAuthenticator | undefined;
  /** Passkey ceremony timeout in milliseconds (default 60,000). */
  timeout?: number | undefined;
  /**
   * The message catalogue: `germanMessages` (from `dfns-react-kit/messages/de`), your own, or overrides of a few keys (merged over
   * English). Pass a stable object (module constant or memoised) so components do not re-render.
   */
  messages?: DfnsMessages | DeepPartial<DfnsMessages> | undefined;
  /**
   * Colour scheme of the components. Default `inherit`: the host page's `color-scheme` (light unless
   * the page declares dark support); `auto` follows the system; `light` and `dark` force it.
   */
  theme?: DfnsTheme | undefined;
  /** A QueryClient to use instead of the one above the provider (or the provider's own). */
  queryClient?: QueryClient | undefined;
  children?: ReactNode;
}

/**
 * Configures the kit for your Dfns organisation and relying party. Uses the app's `QueryClient`
 * when one is above it, and provides its own otherwise.
 *
 * @example
 * <DfnsAuthProvider orgId="or-…" rp={{ id: 'app.example.com', name: 'Example' }} authToken={() => session.token}>
 *   <App />
 * </DfnsAuthProvider>
 */
export function DfnsAuthProvider(props: DfnsAuthProviderProps): ReactNode {
  const { baseUrl, orgId, rp, authToken, fetch, authenticator, timeout, messages, theme, queryClient, children } = props;
  if (!orgId || !rp?.id || !rp?.name) {
    const error = new DfnsAuthError(
      'config_error',
      // The explanation is for the developer: development builds only, as warnDeveloper is.
      process.env.NODE_ENV !== 'production'
        ? '<DfnsAuthProvider> needs orgId and rp={{ id, name }}: rp.id is the domain your passkeys are bound to (e.g. "localhost" or "app.example.com").'
        : '<DfnsAuthProvider> needs orgId and rp={{ id, name }}.',
    );
    warnDeveloper(error);
    throw error;
  }

  // The token is read through a ref so that a new token (login, refresh) does not rebuild the
  // client and re-render every consumer; it is never copied into state or a cache.
  const tokenRef = useRef(authToken);
  tokenRef.current = authToken;

  const client = useMemo(
    () => {
      try {
        return createDfnsClient({
          baseUrl,
          orgId,
          fetch,
          authToken: () => {
            const source = tokenRef.current;
            return typeof source === 'function' ? source() : source;
          },
        });
      } catch (error) {
        // A baseUrl that cannot work: the throw stops the render, the warning names the fix.
        if (error instanceof DfnsAuthError) warnDeveloper(error);
        throw error;
      }
    },
    [baseUrl, orgId, fetch],
  );

  // The client's HTTP layer is a chunk (see requestPart): asked for once the page has rendered, so
  // it is here before the first click or prefetch sends a request.
  useEffect(() => requestPart.preload(), []);

  const value = useMemo<DfnsAuthContextValue>(
    () => ({
      client,
      orgId,
      rp: { id: rp.id, name: rp.name },
      // Undefined stays undefined: each ceremony falls back to its own half of SimpleWebAuthn.
      authenticator,
      timeout: timeout ?? 60_000,
      // Kept as given: each component lays it over the English it shows (src/messages/copy), so the
      // provider carries no catalogue and an app ships the English of the components it renders.
      messages,
      theme: theme ?? 'inherit',
    }),
    [client, orgId, rp.id, rp.name, authenticator, timeout, messages, theme],
  );

  const outer = useContext(QueryClientContext);
  // Created once, and only when the app has no QueryClient of its own.
  const [own] = useState(() => (queryClient ?? outer ? undefined : new QueryClient()));
  const content = <DfnsAuthContext.Provider value={value}>{children}</DfnsAuthContext.Provider>;
  const effective = queryClient ?? (outer ? undefined : own);
  return effective ? <QueryClientProvider client={effective}>{content}</QueryClientProvider> : content;
}
