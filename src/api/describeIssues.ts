import type { StandardSchemaV1 } from './validators';

/** How many schema issues an error message lists before summarising the rest. */
const MAX_LISTED = 3;

/**
 * Schema issues as a short developer message naming each field path, e.g.
 * `allowCredentials.webauthn[0].id: expected string, received number`. The kit's own validators
 * never quote a value; another library's message may (a token could sit where a string was not
 * expected), so for a schema of another vendor only the path is kept.
 */
export function describeIssues(issues: readonly StandardSchemaV1.Issue[], ownMessages = true): string {
  const listed = issues
    .slice(0, MAX_LISTED)
    .map((issue) => describeIssue(ownMessages ? issue : { ...issue, message: 'rejected by the schema' }));
  const rest = issues.length - listed.length;
  return listed.join('; ') + (rest > 0 ? ` (and ${rest} more)` : '');
}

/** `path: message`, the path written as `a.b[0].c`, or `(body)` for the whole value. */
export function describeIssue(issue: StandardSchemaV1.Issue): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = typeof item === 'object' ? item.key : item;
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  return `${path || '(body)'}: ${issue.message}`;
}
