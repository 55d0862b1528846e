/** Docs-page text of a component: what it does, then a usage snippet (rendered as Markdown by autodocs). */
export function usage(summary: string, snippet: string, hook?: string): { docs: { description: { component: string } } } {
  const parts = [summary, '', '```tsx', snippet.trim(), '```'];
  if (hook) parts.push('', `**The hook behind it**, for your own markup: ${hook}`);
  return { docs: { description: { component: parts.join('\n') } } };
}
