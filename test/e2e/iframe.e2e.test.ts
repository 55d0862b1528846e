/**
 * The example app embedded in a cross-origin iframe, as a partner portal or a hosted wallet page
 * would embed it. Chromium's Permissions Policy blocks WebAuthn there unless the iframe delegates
 * it (`allow="publickey-credentials-get …"`): the kit must say so, not report a cancel.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStandard } from './support/kitPage';
import { useE2E } from './support/useE2E';

const e2e = useE2E();

/** The partner's page: one iframe of the app with the given `allow` attribute, from the query string. */
function partnerPage(request: IncomingMessage, response: ServerResponse): void {
  const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
  const allow = query.get('allow');
  const src = query.get('src') ?? '';
  const attribute = allow === null ? '' : ` allow="${escapeAttribute(allow)}"`;
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><title>Partner</title><iframe title="Wallet" src="${escapeAttribute(src)}"${attribute} width="900" height="900"></iframe>`);
}

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

let partner: { server: Server; origin: string } | undefined;

// A real server, not a routed response: Chromium checks that a page framing a loopback address is
// itself served from one (Local Network Access), and 127.0.0.1 is another origin than localhost.
beforeAll(async () => {
  const server = createServer(partnerPage);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  partner = { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});

afterAll(async () => {
  await new Promise((closed) => partner?.server.close(closed));
});

/** Opens the partner page with the app's login flow in an iframe that has the given `allow` attribute. */
async function embedLogin(allow: string | undefined): Promise<FrameLocator> {
  const { h, stack } = e2e;
  const url = new URL('/embedding-partner', partner!.origin);
  url.searchParams.set('src', stack.pageUrl({ flow: 'login', autofill: false }));
  if (allow !== undefined) url.searchParams.set('allow', allow);
  await h.page.goto(url.href);
  const frame = h.page.frameLocator('iframe[title="Wallet"]');
  await frame.locator('section.dfns-LoginWithPasskey').waitFor({ state: 'visible' });
  return frame;
}

/** Clicks the usernameless sign-in in the frame and returns the component's final status and alert code. */
async function signInUsernameless(frame: FrameLocator): Promise<{ status: string | null; code: string | null }> {
  const root = frame.locator('section.dfns-LoginWithPasskey');
  await root.getByRole('button', { name: 'Choose a saved passkey' }).click();
  await expect.poll(() => root.getAttribute('data-status'), { timeout: 15_000 }).toMatch(/^(success|error)$/);
  const status = await root.getAttribute('data-status');
  const code = status === 'error' ? await root.getByRole('alert').getAttribute('data-code') : null;
  return { status, code };
}

describe('the kit in a cross-origin iframe', () => {
  it('reports passkey_blocked_in_frame, not a cancel, when the iframe does not delegate WebAuthn', async () => {
    const frame = await embedLogin(undefined);
    const result = await signInUsernameless(frame);
    expect(result).toEqual({ status: 'error', code: 'passkey_blocked_in_frame' });
    // The user is told to open the page on its own. A setup error: a retry in the same frame
    // cannot help, so none is offered (the alerts' design since 374fb41).
    const root = frame.locator('section.dfns-LoginWithPasskey');
    await expect(root.getByRole('alert').innerText()).resolves.toContain('embedded page');
    await expect(root.getByRole('alert').getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
  });

  it('runs the ceremony in the same iframe once it delegates publickey-credentials-get (the control)', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'framed@example.com');
    const frame = await embedLogin('publickey-credentials-get *');
    const result = await signInUsernameless(frame);
    // The browser signed and the kit sent the assertion: the policy, not the kit, blocked the first case.
    expect(result.code).not.toBe('passkey_blocked_in_frame');
    expect(h.requestsTo('/auth/login', 'POST')).toHaveLength(1);
    // The emulator verifies like SimpleWebAuthn's server: a cross-origin assertion (clientData.crossOrigin,
    // topOrigin = the partner) is refused unless the server expects that top origin.
    expect(result).toEqual({ status: 'error', code: 'forbidden' });
  });
});
