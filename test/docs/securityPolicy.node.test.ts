import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// The policy test/e2e/csp.e2e.test.ts serves the example app under and proves.
import { STRICT_CSP } from '../e2e/support/serve.mjs';

const FILE = join(resolve(__dirname, '../..'), 'SECURITY.md');
/** SECURITY.md with runs of whitespace folded, so a wrapped line still matches. */
const text = (): string => readFileSync(FILE, 'utf8').replace(/\s+/g, ' ');

describe('SECURITY.md', () => {
  it('exists at the repo root', () => {
    expect(existsSync(FILE)).toBe(true);
  });

  it('says what the kit protects and how: secrets, tokens, the emulator and its admin secret', () => {
    const doc = text();
    expect(doc).toMatch(/## What the kit protects/);
    expect(doc).toMatch(/recovery code/i);
    expect(doc).toMatch(/never written to `localStorage`, `sessionStorage`, cookies, the URL, logs or error messages/);
    expect(doc).toMatch(/opaque handle/);
    expect(doc).toMatch(/`authToken`/);
    expect(doc).toMatch(/local test data/);
    expect(doc).toMatch(/admin secret/i);
    expect(doc).toContain('x-emulator-admin-secret');
    expect(doc).toMatch(/DNS rebinding/);
  });

  it('says what it cannot protect: XSS in the host app', () => {
    expect(text()).toMatch(/## What the kit cannot protect.*XSS in the host app reads everything the page holds/);
  });

  it('names the CSP the e2e test proves, word for word', () => {
    expect(text()).toContain(STRICT_CSP.replace(/\s+/g, ' '));
    expect(text()).toContain('test/e2e/csp.e2e.test.ts');
  });

  it('says how to report a problem', () => {
    expect(text()).toMatch(/## Reporting a problem.*privately/);
  });
});
