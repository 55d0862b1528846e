import { QueryClient } from '@tanstack/react-query';
import { useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { toId } from 'storybook/internal/csf';
import { englishMessages } from '../../src/messages';
import { germanMessages } from '../../src/messages/de';
import type { DfnsMessages } from '../../src/messages/types';
import { DfnsAuthProvider } from '../../src/provider';
import type { DfnsGlobals, DfnsStoryParameters, DfnsTargetArgs } from './dfnsParameters';
import { DEMO_USERNAME, EMULATOR_BASE_URL, EMULATOR_RP, emulator, emulatorFetch, subscribeToEmulator } from './emulator';
import { EmulatorPanel } from './EmulatorPanel';
import { ensureDemoRegistered, isDemoRegistered, signInDemoUser } from './live';
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
  /**
   * The page's name, e.g. `RecoverAccount: Idle`: the label of its `main` and, unless the story
   * renders its own (`parameters.dfns.gallery`), a visually hidden `<h1>`.
   */
  pageHeading: string;
  /** The story's name, e.g. `Cancelled`: in a gallery frame it is added to the component's title. */
  stateName: string;
  /** What to do in a live story (its description): shown above it, since the canvas has no docs. */
  instructions?: string | undefined;
  children: ReactNode;
}

/** The description's Markdown `code` spans as `<code>`; the rest is plain text. */
function withCode(text: string): ReactNode[] {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

/**
 * The catalogue with every component title suffixed by the state. All frames of a gallery are one
 * page to a screen reader (and to axe's `landmark-unique`): without it, thirteen regions would be
 * called "Recover your account". The gallery's own caption is then visually hidden, so the state
 * is written once on screen.
 */
function withStateInTitles(messages: DfnsMessages, stateName: string): DfnsMessages {
  const components = Object.fromEntries(
    Object.entries(messages.components).map(([key, copy]) => [key, { ...copy, title: `${copy.title} — ${stateName}` }]),
  ) as DfnsMessages['components'];
  return { ...messages, components };
}

const readLiveToken = (): string | undefined => liveSession()?.token;

/** A link to another story that opens in the Storybook UI (the story renders in its preview frame). */
function StoryLink({ title, name }: { title: string; name: string }): ReactNode {
  const component = title.split('/').pop() ?? title;
  return (
    <a href={`./?path=/story/${toId(title, name)}`} target="_top">
      <strong>
        {component} › {name}
      </strong>
    </a>
  );
}

/**
 * Before a story that acts as the live session's user: one click signs the demo user in (creating
 * their passkey in this browser when needed), so the story works when opened on its own; the links
 * go the long way, through the stories that register and sign in.
 */
function SignInFirstNote(): ReactNode {
  const [status, setStatus] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const signIn = () => {
    setStatus({ busy: true });
    signInDemoUser().then(
      () => setStatus({ busy: false }),
      (error: unknown) => setStatus({ busy: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <div className="sb-dfns-note" role="note">
      <p>
        <strong>This story needs a signed-in user.</strong>{' '}
        <button type="button" className="sb-dfns-sign-in" onClick={signIn} disabled={status.busy}>
          {status.busy ? 'Signing in…' : `Sign in as ${DEMO_USERNAME}`}
        </button>
      </p>
      <p>
        The first time, your browser asks to create a passkey for the demo user (kept until this page reloads). Or go the long way:
        register in <StoryLink title="Components/RegisterPasskey" name="Live" />, then sign in in{' '}
        <StoryLink title="Components/LoginWithPasskey" name="Live" />.
      </p>
      {status.error ? <p role="alert">Could not sign in: {status.error}</p> : null}
    </div>
  );
}

/** Before a live login opened on its own: the demo user has no passkey yet; one click creates it. */
function CreateDemoPasskeyNote(): ReactNode {
  const [status, setStatus] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const create = () => {
    setStatus({ busy: true });
    ensureDemoRegistered().then(
      () => setStatus({ busy: false }),
      (error: unknown) => setStatus({ busy: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <div className="sb-dfns-note" role="note">
      <p>
        <strong>{DEMO_USERNAME} has no passkey yet.</strong>{' '}
        <button type="button" className="sb-dfns-sign-in" onClick={create} disabled={status.busy}>
          {status.busy ? 'Creating…' : `Create ${DEMO_USERNAME}’s passkey`}
        </button>
      </p>
      <p>
        Your browser asks to create it (kept until this page reloads); then sign in below. Or register it yourself in{' '}
        <StoryLink title="Components/RegisterPasskey" name="Live" />.
      </p>
      {status.error ? <p role="alert">Could not create the passkey: {status.error}</p> : null}
    </div>
  );
}

/**
 * Wraps a story in a `<DfnsAuthProvider>` built from the toolbar (theme, locale, target) and the
 * story's parameters, with a fresh QueryClient, and shows the emulator panel beside it.
 */
export function DfnsStoryShell(props: DfnsStoryShellProps): ReactNode {
  const { globals, parameters, target, loaded, inDocs, pageHeading, stateName, instructions, children } = props;
  // One QueryClient per mounted story (the shell is keyed by story id): no cache leaks between stories.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
  );
  const real = globals.target === 'dfns' && parameters.live === true;
  const theme = globals.theme === 'dark' ? 'dark' : 'light';
  const catalogue = globals.locale === 'de' ? germanMessages : englishMessages;
  // `panel: hidden` in the URL marks a frame of an all-states gallery (sized to its content).
  const inGalleryFrame = globals.panel === 'hidden';
  const messages = useMemo(() => (inGalleryFrame ? withStateInTitles(catalogue, stateName) : catalogue), [catalogue, inGalleryFrame, stateName]);
  const authToken =
    parameters.session === 'fixture' || parameters.session === 'fresh'
      ? loaded?.fixtureToken
      : parameters.session === 'live'
        ? readLiveToken
        : undefined;
  const session = useSyncExternalStore(subscribeToLiveSession, liveSession);
  const demoRegistered = useSyncExternalStore(subscribeToEmulator, isDemoRegistered);
  const showPanel = !inDocs && parameters.panel !== false && globals.panel !== 'hidden' && !real;
  const loggedOut = parameters.session === 'live' && !session;
  // A component that loads on mount would show a setup error without a token: render it once logged in.
  const waitsForLogin = loggedOut && parameters.hideUntilLoggedIn === true;
  const needsLogin = waitsForLogin || (loggedOut && !real && !inDocs);

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
        fetch={!real && inGalleryFrame ? emulatorFetch : undefined}
        authToken={real ? readLiveToken : authToken}
        messages={messages}
        theme={theme}
        queryClient={queryClient}
      >
        {waitsForLogin ? null : children}
      </DfnsAuthProvider>
    );
  }

  // A story frame is a page of its own: one `main` (the panel is an `aside` beside it) and an `h1`.
  // The label tells the mains of a gallery's frames apart. Docs pages hold many stories: a `div`.
  const Story = inDocs ? 'div' : 'main';
  return (
    <div
      className="sb-dfns-stage"
      data-theme={theme}
      data-panel={showPanel ? 'shown' : 'hidden'}
      data-frame={inGalleryFrame ? 'gallery' : undefined}
    >
      <Story className="sb-dfns-story" aria-label={inDocs ? undefined : pageHeading}>
        {!inDocs && !parameters.gallery ? <h1 className="sb-dfns-visually-hidden">{pageHeading}</h1> : null}
        {instructions && !inDocs ? (
          <p className="sb-dfns-note sb-dfns-howto" role="note">
            <strong>Try it yourself: </strong>
            {withCode(instructions)}
          </p>
        ) : null}
        {needsLogin ? <SignInFirstNote /> : null}
        {parameters.needsDemoPasskey && !demoRegistered && !real && !inDocs ? <CreateDemoPasskeyNote /> : null}
        {content}
      </Story>
      {showPanel ? <EmulatorPanel /> : null}
    </div>
  );
}
