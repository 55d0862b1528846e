/**
 * React's development warnings, caught from `console.error` (see `test/setup.ts` and
 * `test/browserSetup.ts`, which fail a test that caused one). React 18 words them "Warning: …",
 * React 19 without the prefix.
 */
/** Unknown DOM props, act, keys, invalid DOM nesting, hydration, layout effects on the server, updates while rendering. */
export const REACT_WARNING =
  /^Warning: |React does not recognize|not wrapped in act\(|unique "key" prop|Invalid DOM property|Received `(true|false)` for a non-boolean attribute|cannot be a (child|descendant) of|useLayoutEffect does nothing on the server|did not match\. Server|hydrat(ion|ed) (mismatch|failed)|Cannot update a component .* while rendering|Can't perform a React state update/;

let caught: string[] = [];

/** console.error's arguments as printed: `%s`-style placeholders filled in (jsdom and browsers alike). */
function format(args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(String).join(' ');
  const text = first.replace(/%[sdifoOc]/g, () => (rest.length > 0 ? String(rest.shift()) : ''));
  return [text, ...rest.map(String)].join(' ');
}

/** Wraps `console.error` once, so every React warning is recorded (and still printed). */
export function watchReactWarnings(): void {
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const text = format(args);
    if (REACT_WARNING.test(text)) caught.push(text.split('\n')[0]!);
    original(...args);
  };
}

/** The React warnings since the last call, and forgets them. */
export function takeReactWarnings(): string[] {
  const taken = caught;
  caught = [];
  return taken;
}
