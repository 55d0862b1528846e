import { http, HttpResponse, type HttpHandler } from 'msw';
import type { DfnsEmulator } from './createDfnsEmulator';

/**
 * MSW 2 handlers that route every request under `baseUrl` to the emulator (Storybook, jsdom
 * tests, the browser). A dropped request (fault `drop`) becomes `HttpResponse.error()`, so `fetch` rejects
 * with a TypeError as on a real network failure (MSW would turn a thrown error into a 500).
 * @example
 * const emulator = createDfnsEmulator({ origins: '*' });
 * const server = setupServer(...dfnsEmulatorHandlers(emulator, { baseUrl: 'https://api.dfns.io' }));
 */
export function dfnsEmulatorHandlers(emulator: DfnsEmulator, { baseUrl }: { baseUrl: string }): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  return [http.all(`${base}/*`, ({ request }) => emulator.handle(request).catch(() => HttpResponse.error()))];
}
