/** A request path without its query string or fragment: what errors report and user actions sign. */
export function pathWithoutQuery(path: string): string {
  return path.split(/[?#]/, 1)[0] ?? '';
}
