import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure } from 'storybook/test';
import '../src/styles.css';
import '../stories/support/storybook.css';
import type { DfnsGlobals, DfnsStoryParameters, DfnsTargetArgs } from '../stories/support/dfnsParameters';
import { DfnsStoryShell } from '../stories/support/DfnsStoryShell';
import { emulatorHandlers } from '../stories/support/emulator';
import { PLAY_WAIT_MS } from '../stories/support/play';
import { readableUnionTypes } from '../stories/support/readableTypes';
import { loadDfnsStory, type LoadedDfns } from '../stories/support/storyLoader';

configure({ asyncUtilTimeout: PLAY_WAIT_MS });

/** Prepares the emulator for the story and builds its authenticator (see `storyLoader.ts`). */
const dfnsLoader: Loader = async (context) => ({
  dfns: await loadDfnsStory(context.parameters['dfns'] as DfnsStoryParameters | undefined, { inDocs: context.viewMode === 'docs' }),
});

/** The story's description (its JSDoc, which Storybook copies into `parameters.docs`). */
function storyDescription(parameters: Record<string, unknown>): string | undefined {
  const docs = parameters['docs'] as { description?: { story?: unknown } } | undefined;
  const story = docs?.description?.story;
  return typeof story === 'string' ? story : undefined;
}

/** Wraps every story in the provider built from the toolbar, and the emulator panel. */
const withDfns: Decorator = (Story, context) => {
  const { dfnsBaseUrl, dfnsOrgId, dfnsRpId, ...args } = context.args as Record<string, unknown> & DfnsTargetArgs;
  const globals = context.globals as DfnsGlobals;
  const storyArgs = globals.theme === 'unstyled' ? { ...args, unstyled: true } : args;
  const parameters = (context.parameters['dfns'] ?? {}) as DfnsStoryParameters;
  const component = context.title.split('/').pop() ?? context.title;
  return (
    <DfnsStoryShell
      key={context.id}
      globals={globals}
      parameters={parameters}
      pageHeading={`${component}: ${context.name}`}
      stateName={context.name}
      instructions={parameters.live ? storyDescription(context.parameters) : undefined}
      target={{ dfnsBaseUrl, dfnsOrgId, dfnsRpId }}
      loaded={context.loaded['dfns'] as LoadedDfns | undefined}
      inDocs={context.viewMode === 'docs'}
    >
      <Story args={storyArgs} />
    </DfnsStoryShell>
  );
};

const preview: Preview = {
  loaders: [mswLoader(), dfnsLoader],
  decorators: [withDfns],
  argTypesEnhancers: [readableUnionTypes],
  initialGlobals: { theme: 'light', locale: 'en', target: 'emulator', panel: 'shown' },
  globalTypes: {
    // No toolbar: the all-states gallery hides the panel in its frames through the URL.
    panel: { description: 'Show the emulator panel beside the story' },
    theme: {
      description: 'Look of the components',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'unstyled', title: 'Unstyled (no kit CSS)' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Message catalogue',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
    target: {
      description: 'Where the live stories send requests',
      toolbar: {
        title: 'Target',
        icon: 'transfer',
        items: [
          { value: 'emulator', title: 'In-browser emulator' },
          { value: 'dfns', title: 'Real Dfns (live stories)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  argTypes: {
    dfnsBaseUrl: {
      control: 'text',
      description: 'Dfns API origin for the live stories, e.g. https://api.dfns.io',
      table: { category: 'Target: real Dfns' },
      if: { global: 'target', eq: 'dfns' },
    },
    dfnsOrgId: {
      control: 'text',
      description: 'Your Dfns organisation id (or-…)',
      table: { category: 'Target: real Dfns' },
      if: { global: 'target', eq: 'dfns' },
    },
    dfnsRpId: {
      control: 'text',
      description: 'The relying party id your passkeys are bound to; this page’s host or a parent of it',
      table: { category: 'Target: real Dfns' },
      if: { global: 'target', eq: 'dfns' },
    },
  },
  args: { dfnsBaseUrl: 'https://api.dfns.io', dfnsOrgId: '', dfnsRpId: 'localhost' },
  parameters: {
    msw: { handlers: emulatorHandlers },
    a11y: { test: 'error' },
    layout: 'fullscreen',
    controls: { expanded: true, exclude: ['children'] },
    options: { storySort: { order: ['Introduction', 'Components', 'Hooks', '*'] } },
  },
};

export default preview;
