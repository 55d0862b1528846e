import { expect } from 'vitest';
import type { Harness } from './browser';

/**
 * Asserts that no secret is left where it must never be: web storage, IndexedDB, cookies, the
 * console, the DOM (markup and field values). `secrets` adds what the test itself knows (typed
 * codes); every token the page received is checked too.
 */
export async function expectNoSecretsLeft(h: Harness, secrets: readonly string[]): Promise<void> {
  const all = [...secrets, ...h.receivedSecrets].filter((secret) => secret.length >= 6);
  const stored = await h.page.evaluate(async () => ({
    local: Object.keys(localStorage).length,
    session: Object.keys(sessionStorage).length,
    databases: (await indexedDB.databases()).length,
    dom: `${document.documentElement.outerHTML}\n${Array.from(document.querySelectorAll('input, textarea'), (field) => (field as HTMLInputElement).value).join('\n')}`,
    url: location.href,
  }));
  expect({ local: stored.local, session: stored.session, databases: stored.databases }).toEqual({ local: 0, session: 0, databases: 0 });
  expect(await h.context.cookies()).toEqual([]);
  const console = h.consoleLines.join('\n');
  for (const secret of all) {
    // Named by position, not value: the assertion message must not print the secret either.
    const where = [
      stored.dom.includes(secret) && 'DOM',
      console.includes(secret) && 'console',
      stored.url.includes(secret) && 'URL',
    ].filter(Boolean);
    expect(where, `secret #${all.indexOf(secret)} (${secret.length} chars) found in`).toEqual([]);
  }
}
