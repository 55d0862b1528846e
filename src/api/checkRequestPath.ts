import { DfnsAuthError } from '../errors';

/**
 * A path from the API root: one `/`, then no `/` or `\\` (another host), and no backslash, tab or
 * line break anywhere (URL parsers drop tabs and line breaks, which could make `//` after all).
 */
const SAFE_PATH = /^\/(?![/\\\t\n\r])[^\\\t\n\r]*$/;

/**
 * Refuses (`config_error`, the path never quoted) a path that could leave `baseUrl`: it is appended
 * to it, so `.evil.example/x`, `//host` or a backslash would send the bearer token to another host.
 */
export function checkRequestPath(path: string, what: string, baseUrl: string): void {
  if (SAFE_PATH.test(path)) return;
  // How to write a safe path is for the developer (development builds only, as in `sendRequest`).
  throw new DfnsAuthError(
    'config_error',
    process.env.NODE_ENV !== 'production'
      ? `${what} refused: its path must start with exactly one "/" and contain no backslash (e.g. "/auth/credentials"), so that it stays on ${baseUrl}.`
      : `${what} refused: its path could leave ${baseUrl}.`,
  );
}
