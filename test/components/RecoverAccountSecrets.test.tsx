/** The codes a user types into <RecoverAccount/> stay out of attributes and React state (issue 15, item 2). */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { StrictMode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import { createDfnsEmulator, type DfnsEmulator } from '../../src/emulator/index';
import { dfnsEmulatorHandlers } from '../../src/emulator/msw';
import { MAX_RECOVERY_KIT_LENGTH } from '../../src/keys/parseRecoveryKit';
import { englishMessages as en } from '../../src/messages/en';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createFakeAuthenticator } from '../../src/testing/index';

const BASE = 'https://api.dfns.test';
const RP = { id: 'localhost', name: 'Test' };
const RECOVERY_CODE = 'D1-ABCDEF-GHJKL-MNPQR-STUVW-XYZ23-456789';
const VERIFICATION_CODE = 'VERIFY-7Q4K';
const KEY_ID = 'GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk';

const server = setupServer();
const requests: string[] = [];
let emulator: DfnsEmulator;
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
});
beforeEach(() => {
  emulator = createDfnsEmulator({ origins: '*' });
  server.use(...dfnsEmulatorHandlers(emulator, { baseUrl: BASE }));
  requests.length = 0;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function renderRecovery() {
  return render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <DfnsAuthProvider baseUrl={BASE} orgId={emulator.orgId} rp={RP} authenticator={createFakeAuthenticator()}>
          <RecoverAccount username="jane@example.com" />
        </DfnsAuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

/**
 * Everything React keeps for the rendered tree, as React DevTools would show it: every hook's
 * state (useState, useReducer, useRef, useMemo…) and every element's props.
 */
function reactStateText(container: HTMLElement): string {
  const node = container.querySelector('.dfns-RecoverAccount')!;
  const key = Object.keys(node).find((k) => k.startsWith('__reactFiber$'))!;
  type Fiber = { child: Fiber | null; sibling: Fiber | null; return: Fiber | null; memoizedState: unknown; memoizedProps: unknown };
  let root = (node as unknown as Record<string, Fiber>)[key]!;
  while (root.return) root = root.return;
  const seen = new WeakSet<object>();
  const parts: string[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (typeof value === 'string') parts.push(value);
    if (typeof value !== 'object' || value === null || depth > 12 || seen.has(value)) return;
    if (typeof Node !== 'undefined' && value instanceof Node) return;
    seen.add(value);
    for (const child of Object.values(value)) collect(child, depth + 1);
  };
  const stack: Fiber[] = [root];
  while (stack.length > 0) {
    const fiber = stack.pop()!;
    collect(fiber.memoizedState, 0);
    collect(fiber.memoizedProps, 0);
    if (fiber.child) stack.push(fiber.child);
    if (fiber.sibling) stack.push(fiber.sibling);
  }
  return parts.join('\n');
}

async function openCodesForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: en.buttons.haveCode }));
  await waitFor(() => expect(screen.getByLabelText(en.labels.recoveryCode)).toBeInTheDocument());
}

describe('<RecoverAccount/> secrets', () => {
  it('keeps the typed recovery and verification codes out of value attributes, the markup and React state', async () => {
    const user = userEvent.setup();
    const { container } = renderRecovery();
    await openCodesForm(user);
    const verification = screen.getByLabelText(en.labels.verificationCode) as HTMLInputElement;
    const recovery = screen.getByLabelText(en.labels.recoveryCode) as HTMLInputElement;
    await user.type(verification, VERIFICATION_CODE);
    await user.type(recovery, RECOVERY_CODE);
    await user.type(screen.getByLabelText(en.labels.recoveryKeyId), KEY_ID);

    // What the user typed is in the fields (the browser's own value), and nowhere else.
    expect(verification.value).toBe(VERIFICATION_CODE);
    expect(recovery.value).toBe(RECOVERY_CODE);
    for (const input of [verification, recovery]) {
      expect(input.hasAttribute('value')).toBe(false);
      expect(input.getAttribute('autocomplete')).toBe('off');
      expect(input.getAttribute('spellcheck')).toBe('false');
    }
    for (const secret of [RECOVERY_CODE, VERIFICATION_CODE]) {
      expect(container.innerHTML).not.toContain(secret);
      expect(document.querySelector(`[value="${secret}"]`)).toBeNull();
      expect(reactStateText(container)).not.toContain(secret);
    }
  });

  it('fills the recovery code from a kit file into the field only, not into attributes or React state', async () => {
    const user = userEvent.setup();
    const { container } = renderRecovery();
    await openCodesForm(user);
    const kit = `Recovery code: ${RECOVERY_CODE}\nRecovery key ID: ${KEY_ID}\n`;
    await user.upload(screen.getByLabelText(en.buttons.uploadKit), new File([kit], 'kit.txt', { type: 'text/plain' }));
    const recovery = screen.getByLabelText(en.labels.recoveryCode) as HTMLInputElement;
    await waitFor(() => expect(recovery.value).toBe(RECOVERY_CODE));
    expect((screen.getByLabelText(en.labels.recoveryKeyId) as HTMLInputElement).value).toBe(KEY_ID);
    expect(recovery.hasAttribute('value')).toBe(false);
    expect(container.innerHTML).not.toContain(RECOVERY_CODE);
    expect(reactStateText(container)).not.toContain(RECOVERY_CODE);
  });

  it('refuses a kit file over the size limit without reading it, and says so', async () => {
    const user = userEvent.setup();
    renderRecovery();
    await openCodesForm(user);
    const huge = new File([`Recovery code: ${RECOVERY_CODE}\n${'x'.repeat(MAX_RECOVERY_KIT_LENGTH * 4)}`], 'kit.txt', { type: 'text/plain' });
    let read = false;
    huge.text = async () => {
      read = true;
      return '';
    };
    await user.upload(screen.getByLabelText(en.buttons.uploadKit), huge);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(en.recoverAccount.kitFileUnreadable));
    expect(read).toBe(false);
    expect((screen.getByLabelText(en.labels.recoveryCode) as HTMLInputElement).value).toBe('');
  });

  it('refuses a recovery code pasted into the Recovery Key ID field on that field, with no request, never quoting it', async () => {
    const user = userEvent.setup();
    const { container } = renderRecovery();
    await openCodesForm(user);
    await user.type(screen.getByLabelText(en.labels.verificationCode), VERIFICATION_CODE);
    await user.type(screen.getByLabelText(en.labels.recoveryCode), RECOVERY_CODE);
    const keyField = screen.getByLabelText(en.labels.recoveryKeyId) as HTMLInputElement;
    await user.click(keyField);
    await user.paste(RECOVERY_CODE);
    await user.click(screen.getByRole('button', { name: en.buttons.recover }));
    await waitFor(() => expect(keyField.getAttribute('aria-invalid')).toBe('true'));
    expect(requests).toEqual([]);
    expect(container.textContent).toContain(en.errors.recovery_key_not_found);
    expect(container.innerHTML).not.toContain(RECOVERY_CODE);
    expect(keyField.hasAttribute('value')).toBe(false);
  });
});
