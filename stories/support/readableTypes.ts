/**
 * Props tables with real types. react-docgen reads the kit's optional props (`x?: T | undefined`)
 * as unions, and Storybook then writes "union" in the table and offers no control. This enhancer
 * shows the members instead (`'standard' | 'endUser'`, `(result: LoginWithPasskeyResult) => void`)
 * and, when the one member left without `undefined` is a string, number or boolean, types the arg
 * as that, so Storybook infers its control.
 */
import type { ArgTypesEnhancer, SBType, StrictInputType } from 'storybook/internal/types';

/** The part of react-docgen's output this reads. */
interface DocgenType {
  name: string;
  raw?: string;
  value?: string;
  elements?: DocgenType[];
}

interface DocgenInfo {
  props?: Record<string, { tsType?: DocgenType }>;
}

const SIMPLE = new Set(['string', 'number', 'boolean']);

/** A member as written in TypeScript. */
function show(type: DocgenType): string {
  return type.raw ?? type.value ?? type.name;
}

/** `A | B | undefined` written without `undefined` (optional props say so already). */
export function typeSummary(type: DocgenType): string {
  // The source text is exact where docgen's members are lossy (a function type is "unknown" there).
  if (type.raw?.endsWith(' | undefined')) return withoutOuterParentheses(type.raw.slice(0, -' | undefined'.length).trim());
  const members = (type.elements ?? []).filter((element) => element.name !== 'undefined');
  if (members.length === 0) return show(type);
  return members.map(show).join(' | ');
}

/** `((result: R) => void)` as `(result: R) => void`: the parentheses only served the union. */
function withoutOuterParentheses(text: string): string {
  if (!text.startsWith('(') || !text.endsWith(')')) return text;
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')') depth -= 1;
    // Closed before the end: the first and last parentheses are not a pair, as in `(a) => (b)`.
    if (depth === 0 && i < text.length - 1) return text;
  }
  return text.slice(1, -1);
}

/** The argTypes enhancer; runs after Storybook's docgen and before it infers controls. */
export const readableUnionTypes: ArgTypesEnhancer = (context) => {
  const docgen = (context.component as { __docgenInfo?: DocgenInfo } | undefined)?.__docgenInfo;
  const argTypes: Record<string, StrictInputType> = { ...context.argTypes };
  for (const [name, prop] of Object.entries(docgen?.props ?? {})) {
    const argType = argTypes[name];
    const tsType = prop.tsType;
    if (!argType || tsType?.name !== 'union') continue;
    const summary = argType.table?.type?.summary;
    // A story's own table type wins; only docgen's bare "union" is replaced.
    const table = summary === undefined || summary === 'union' ? { ...argType.table, type: { ...argType.table?.type, summary: typeSummary(tsType) } } : argType.table;
    const members = (tsType.elements ?? []).filter((element) => element.name !== 'undefined');
    const only = members.length === 1 && SIMPLE.has(members[0]!.name) ? members[0]!.name : undefined;
    const type = only && argType.type?.name === 'union' ? ({ ...argType.type, name: only } as SBType) : argType.type;
    argTypes[name] = { ...argType, ...(type ? { type } : {}), ...(table ? { table } : {}) };
  }
  return argTypes;
};
