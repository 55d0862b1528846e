/** Controls shared by the component stories: the docgen reads `x | undefined` as a union it cannot edit. */
import type { InputType } from 'storybook/internal/types';

type ArgTypes = Record<string, InputType>;

/** A callback prop: a `fn()` spy in the story's args, so each call shows in the Actions panel. */
export function eventArg(description: string): InputType {
  return { description, control: false, table: { category: 'Events' } };
}

/** A prop that takes code (a function or a structured value): shown in the table, not editable. */
export function codeArg(description: string): InputType {
  return { description, control: false };
}

/** A free-text prop. */
export function textArg(description: string): InputType {
  return { description, control: 'text' };
}

/** An on/off prop. */
export function booleanArg(description: string): InputType {
  return { description, control: 'boolean' };
}

/** The props every drop-in component shares (`KitComponentProps`), plus `messages`. */
export const kitArgTypes: ArgTypes = {
  className: { description: 'Extra class on the root element', control: 'text', table: { category: 'Look' } },
  unstyled: {
    description: 'Drop the kit’s look (the `dfns-kit` class); the structure and `dfns-*` classes stay',
    control: 'boolean',
    table: { category: 'Look' },
  },
  headingLevel: {
    description: 'Heading level of the component’s title (default 2)',
    control: 'select',
    options: [2, 3, 4, 5, 6],
    table: { category: 'Look' },
  },
  messages: {
    description: 'Overrides of the provider’s message catalogue, for this component only',
    control: 'object',
    table: { category: 'Look' },
  },
  children: codeArg('Render function that replaces the default markup, driven by the hook'),
};
