import { QueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { englishMessages, germanMessages } from '../../src/messages';
import { DfnsAuthProvider } from '../../src/provider';
import type { DfnsGlobals, DfnsStoryParameters, DfnsTargetArgs } from './dfnsParameters';
import { EMULATOR_BASE_URL, EMULATOR_RP, emulator, emulatorFetch } from './emulator';
import { EmulatorPanel } from './EmulatorPanel';
import { liveSession, subscribeToLiveSession } from './liveSession';
import type { LoadedDfns } from './storyLoader';

/** Props of the frame every story renders in. */
export interface DfnsStoryShellProps {
  globals: DfnsGlobals;
  parameters: DfnsStoryParameters;
  target: DfnsTargetArgs;
  loaded: LoadedDfns | undefined;
  /** Docs pages render many stories: no panel there. */
  inDocs: boolean;
  children: ReactNode;
}

const readLiveToken = (): string | undefined => liveSession()?.token;

/**
 * Wraps a story in a `<DfnsAuthProvider>` built from the toolbar (theme, locale, target) and the
 * story's parameters, with a fresh QueryClient, and shows the emulator panel beside it.
 */
export function DfnsStoryShell({ globals, parameters, target, loaded, inDocs, children }: DfnsStoryShellProps): ReactNode {
  // One QueryClient per mounted story (the shell is keyed by story id): no cache leaks between stories.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
  );
  const real = globals.target === 'dfns' && parameters.live === true;
  const theme = globals.theme === 'dark' ? 'dark' : 'light';
  const messages = globals.locale === 'de' ? germanMessages : englishMessages;
  const authToken =
    parameters.session === 'fixture' || parameters.session === 'fresh'
      ? loaded?.fixtureToken
      : parameters.session === 'live'
        ? readLiveToken
        : undefined;
  const session = useSyncExternalStore(subscribeToLiveSession, liveSession);
  const showPanel = !inDocs && parameters.panel !== false && globals.panel !== 'hidden' && !real;

  let content: ReactNode;
  if (real && !(target.dfnsOrgId && target.dfnsRpId && target.dfnsBaseUrl)) {
    content = (
      <p className="sb-dfns-note" role="note">
        To run this story against a real Dfns, fill in the <strong>Dfns base URL</strong>, <strong>org id</strong> and{' '}
        <strong>rp id</strong> controls (Controls panel, “Target: real Dfns”). The rp id must be this page’s host or a parent of it.
      </p>
    );
  } else {
    content = (
      <DfnsAuthProvider
        baseUrl={real ? target.dfnsBaseUrl : EMULATOR_BASE_URL}
        orgId={real ? (target.dfnsOrgId ?? '') : emulator.orgId}
        rp={real ? { id: target.dfnsRpId ?? '', name: 'Dfns React Kit Storybook' } : EMULATOR_RP}
        authenticator={real ? undefined : loaded?.authenticator}
        fetch={!real && globals.panel === 'hidden' ? emulatorFetch : undefined}
        authToken={real ? readLiveToken : authToken}
        messages={messages}
        theme={theme}
        queryClient={queryClient}
      >
        {children}
      </DfnsAuthProvider>
    );
  }

  const needsLogin = parameters.session === 'live' && !real && !session && !inDocs;
  return (
    <div className="sb-dfns-stage" data-theme={theme} data-panel={showPanel ? 'shown' : 'hidden'}>
      <div className="sb-dfns-story">
        {needsLogin ? (
          <p className="sb-dfns-note" role="note">
            Not logged in yet: do <strong>RegisterPasskey › Live</strong> and <strong>LoginWithPasskey › Live</strong> first
            (see the Introduction). This story acts as the user you log in there.
          </p>
        ) : null}
        {content}
      </div>
      {showPanel ? <EmulatorPanel /> : null}
    </div>
  );
}
