import { describe, expect, it } from 'vitest';
import { kitRoot, loginWithUsername, registerStandard, waitForStatus } from './support/kitPage';
import { STRICT_CSP } from './support/serve.mjs';
import { useE2E } from './support/useE2E';

const e2e = useE2E({ csp: true });

describe('the example app under a strict Content-Security-Policy', () => {
  it('is served with the strict policy, and a violation would be caught', async () => {
    const { h, stack } = e2e;
    const response = await h.page.goto(stack.pageUrl({ flow: 'register' }));
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    expect(STRICT_CSP).not.toMatch(/unsafe-(inline|eval)/);
    await kitRoot(h.page, 'RegisterPasskey').waitFor();
    // The control: an inline script is refused and reported, so a silent pass below means something.
    await h.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.appendChild(script);
    });
    await expect.poll(() => h.cspViolations.length).toBeGreaterThan(0);
    expect(await h.page.evaluate(() => (window as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    h.cspViolations.length = 0;
  });

  it('registers, logs in and signs a wallet creation with no CSP violation', async () => {
    const { h, stack } = e2e;
    await registerStandard(h, stack, 'csp@example.com');
    await loginWithUsername(h, stack, 'csp@example.com');
    await waitForStatus(h.page, 'CredentialList', 'ready');
    await kitRoot(h.page, 'ConfirmUserAction').getByRole('button', { name: 'Confirm with passkey' }).click();
    await waitForStatus(h.page, 'ConfirmUserAction', 'success');
    await expect(h.page.getByTestId('wallet-result').innerText()).resolves.toMatch(/^created wa-/);
    // The kit's stylesheet applied (a blocked stylesheet would leave the button unstyled).
    const radius = await kitRoot(h.page, 'ConfirmUserAction').evaluate((root) => getComputedStyle(root).borderRadius);
    expect(radius).not.toBe('0px');
    expect(h.cspViolations).toEqual([]);
  });
});
