import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import type { ReactNode } from 'react';
import { LoginWithPasskey } from '../src/components/LoginWithPasskey';
import type { DfnsStoryParameters } from './support/dfnsParameters';
import { componentRoot } from './support/play';

const dfns = (parameters: DfnsStoryParameters): { dfns: DfnsStoryParameters } => ({ dfns: parameters });

/** A brand as an app would write it (docs/theming.md): accent, radius and font on its own class. */
const BRAND_CSS = `
.acme.dfns-kit {
  --dfns-accent: light-dark(#0f766e, #5eead4);
  --dfns-accent-hover: light-dark(#115e59, #99f6e4);
  --dfns-accent-fg: light-dark(#ffffff, #042f2e);
  --dfns-radius: 20px;
  --dfns-radius-control: 999px;
  --dfns-font: ui-rounded, 'SF Pro Rounded', 'Nunito', system-ui, sans-serif;
}
`;

/** The logo slot: any node; an inline SVG names itself for screen readers. */
function AcmeLogo(): ReactNode {
  return (
    <svg role="img" aria-label="Acme" viewBox="0 0 120 32" width="120" height="32">
      <rect x="0" y="4" width="24" height="24" rx="7" fill="currentColor" opacity="0.9" />
      <path d="M7 22 12 10l5 12M9 18h6" stroke="var(--dfns-bg)" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      <text x="32" y="23" fontSize="19" fontWeight="700" fill="currentColor" fontFamily="var(--dfns-font)">
        Acme
      </text>
    </svg>
  );
}

const meta = {
  title: 'Theming',
  component: LoginWithPasskey,
  args: { username: undefined, autofill: false, onSuccess: fn(), onError: fn() },
  argTypes: {
    logo: { description: 'Your brand mark, at the top of the card (every component takes it)', control: false, table: { category: 'Look' } },
  },
  parameters: {
    ...dfns({ authenticator: { get: 'succeed' } }),
    docs: {
      description: {
        component: [
          'Brand the kit with four things (docs/theming.md): `--dfns-accent` (with `--dfns-accent-fg` and `--dfns-accent-hover`), `--dfns-radius` (with `--dfns-radius-control`), `--dfns-font`, and the `logo` prop. Each colour is `light-dark(light, dark)`, so both themes follow; switch the theme in the toolbar.',
          '',
          '```css',
          BRAND_CSS.trim(),
          '```',
          '',
          '```tsx',
          '<LoginWithPasskey className="acme" logo={<img src="/acme.svg" alt="Acme" height={28} />} />',
          '```',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof LoginWithPasskey>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The kit's own look. */
export const Default: Story = {};

/** The same component with an accent, a radius, a font and a logo of the app's own. */
export const Branded: Story = {
  args: { className: 'acme', logo: <AcmeLogo /> },
  render: (args) => (
    <>
      <style>{BRAND_CSS}</style>
      <LoginWithPasskey {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const root = componentRoot(canvasElement, 'LoginWithPasskey');
    await expect(within(root).getByRole('img', { name: 'Acme' })).toBeInTheDocument();
    await expect(getComputedStyle(root).getPropertyValue('--dfns-radius').trim()).toBe('20px');
  },
};
