/**
 * Matches a path against a pattern whose segments may be `:name` (one segment, captured) or a
 * final `*` (the rest). Returns the captured params, or `undefined` when it does not match.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const segment = want[i] as string;
    if (segment === '*' && i === want.length - 1) return params;
    const actual = have[i];
    if (actual === undefined) return undefined;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return have.length === want.length ? params : undefined;
}

/** A rule that picks requests by method (any when absent) and path pattern. */
export interface RequestRule {
  method?: string | undefined;
  path: string;
}

/** Whether a rule picks this request. */
export function ruleMatches(rule: RequestRule, method: string, path: string): boolean {
  return (rule.method === undefined || rule.method.toUpperCase() === method) && matchPath(rule.path, path) !== undefined;
}
