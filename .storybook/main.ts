import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook for the kit: live stories against the in-browser Dfns emulator (MSW) and one story
 * per component state. `staticDirs` serves `mockServiceWorker.js`, so the static build works
 * from any static file server.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // A product page, not a Storybook tutorial: no onboarding checklist in the sidebar or the menu.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  async viteFinal(viteConfig) {
    // The project's vite.config.ts builds the library: react and friends are external there and
    // its output options add directive banners. Storybook is an app, so it bundles everything.
    const build = { ...viteConfig.build };
    delete build.lib;
    delete build.rollupOptions;
    return { ...viteConfig, build };
  },
};

export default config;
