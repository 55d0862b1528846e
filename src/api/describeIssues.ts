import type { BaseIssue } from 'valibot';

/** How many schema issues an error message lists before summarising the rest. */
const MAX_LISTED = 3;

/**
 * Valibot issues as a short developer message naming each field path, e.g.
 * `allowCredentials.webauthn[0].id: expected string, received number`. Values are never quoted,
 * except short enum-like strings (a token could sit where a string was not expected).
 */
export function describeIssues(issues: readonly BaseIssue<unknown>[]): string {
  const listed = issues.slice(0, MAX_LISTED).map(describeIssue);
  const rest = issues.length - listed.length;
  return listed.join('; ') + (rest > 0 ? ` (and ${rest} more)` : '');
}

function describeIssue(issue: BaseIssue<unknown>): string {
  const path = formatPath(issue.path) || '(body)';
  if (issue.type === 'union' && issue.issues) {
    return `${path}: matches none of the expected shapes (${issue.issues.map(describeIssue).join(' | ')})`;
  }
  if (issue.input === undefined && issue.kind === 'schema') return `${path}: missing`;
  return `${path}: expected ${issue.expected ?? issue.type}, received ${describeValue(issue)}`;
}

function formatPath(path: BaseIssue<unknown>['path']): string {
  let text = '';
  for (const item of path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

function describeValue(issue: BaseIssue<unknown>): string {
  const input = issue.input;
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'string' && (issue.type === 'picklist' || issue.type === 'literal') && /^[\w-]{1,40}$/.test(input)) {
    return JSON.stringify(input);
  }
  return typeof input;
}
