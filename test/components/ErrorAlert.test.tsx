import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorAlert } from '../../src/components/parts/ErrorAlert';
import { errorAlertView } from '../../src/components/parts/errorAlertView';
import { DfnsApiError, DfnsAuthError, PasskeyError, type DfnsAuthErrorCode } from '../../src/errors';
import { englishMessages as en } from '../../src/messages/en';

const actions = (alert: HTMLElement) => [...alert.querySelectorAll('.dfns-actions button')].map((button) => button.textContent);

function apiError(code: 'rate_limited' | 'server_error', extra: Record<string, unknown> = {}): DfnsApiError {
  const error = new DfnsApiError(code, `HTTP ${code}`, {
    status: code === 'rate_limited' ? 429 : 500,
    method: 'POST',
    path: '/auth/login/init',
    errorId: '1234567890123456789',
    retryable: true,
  });
  return Object.assign(error, extra);
}

// These tests are about the alert itself, as it shows once its chunk is here (a flow under way has
// fetched it); how it loads is ErrorAlertLoading.test.tsx's.
beforeAll(async () => {
  await errorAlertView.load();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('<ErrorAlert>', () => {
  it('says what happened in the title and what to do in the body, and the reference apart, small and copyable', async () => {
    const user = userEvent.setup();
    // After setup: user-event puts its own clipboard stub on navigator.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<ErrorAlert error={apiError('server_error')} messages={en} onRetry={() => undefined} />);
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('.dfns-alert-title')).toHaveTextContent(en.errorTitles.server_error);
    const body = alert.querySelector('.dfns-alert-body')!;
    expect(body).toHaveTextContent(en.errors.server_error);
    expect(body.textContent).not.toContain('1234567890123456789');
    const reference = alert.querySelector('.dfns-reference')!;
    expect(reference.querySelector('code')).toHaveTextContent('1234567890123456789');
    expect(alert.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    await user.click(within(alert).getByRole('button', { name: en.alert.copyReference }));
    expect(writeText).toHaveBeenCalledWith('1234567890123456789');
    expect(within(alert).getByRole('button', { name: en.alert.referenceCopied })).toBeInTheDocument();
  });

  it.each<[DfnsAuthErrorCode, boolean]>([
    ['passkey_invalid_domain', false],
    ['passkey_blocked_in_frame', false],
    ['webauthn_unsupported', false],
    ['passkey_platform_unavailable', false],
    ['config_error', false],
  ])('offers no Retry and no Back for %s, which only the site can fix', (code, retryable) => {
    render(<ErrorAlert error={new DfnsAuthError(code, 'x', { retryable })} messages={en} onRetry={() => undefined} onBack={() => undefined} />);
    expect(actions(screen.getByRole('alert'))).toEqual([]);
  });

  it('offers Retry only for a retryable error, and Back for what the user can correct', () => {
    const { unmount } = render(
      <ErrorAlert error={new PasskeyError('passkey_cancelled', 'x', { retryable: true })} messages={en} onRetry={() => undefined} onBack={() => undefined} />,
    );
    expect(actions(screen.getByRole('alert'))).toEqual([en.buttons.retry, en.buttons.back]);
    unmount();
    render(<ErrorAlert error={new DfnsAuthError('unauthorized', 'x')} messages={en} onRetry={() => undefined} onBack={() => undefined} />);
    expect(actions(screen.getByRole('alert'))).toEqual([en.buttons.back]);
  });

  it('offers Sign in instead for an existing passkey only when the app handles it', async () => {
    const onSignInInstead = vi.fn();
    const error = new PasskeyError('passkey_already_registered', 'x', { retryable: false });
    const { unmount } = render(<ErrorAlert error={error} messages={en} onRetry={() => undefined} onBack={() => undefined} />);
    expect(actions(screen.getByRole('alert'))).toEqual([en.buttons.back]);
    unmount();
    render(<ErrorAlert error={error} messages={en} onRetry={() => undefined} onBack={() => undefined} onSignInInstead={onSignInInstead} />);
    expect(actions(screen.getByRole('alert'))).toEqual([en.buttons.signInInstead, en.buttons.back]);
    await userEvent.setup().click(screen.getByRole('button', { name: en.buttons.signInInstead }));
    expect(onSignInInstead).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['retryAt', (now: number) => ({ retryAt: new Date(now + 3000) })],
    ['retryAfterMs', () => ({ retryAfterMs: 3000 })],
  ])('counts a rate limit down (%s) and offers Try again only when it ran out', (_field, extra) => {
    vi.useFakeTimers({ now: 1_000_000 });
    const onRetry = vi.fn();
    render(<ErrorAlert error={apiError('rate_limited', extra(Date.now()))} messages={en} onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    const button = within(alert).getByRole('button', { name: en.alert.retryIn({ seconds: 3 }) });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    button.click();
    expect(onRetry).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1000));
    expect(within(alert).getByRole('button', { name: en.alert.retryIn({ seconds: 2 }) })).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(2000));
    const retry = within(alert).getByRole('button', { name: en.buttons.retry });
    expect(retry).not.toHaveAttribute('aria-disabled');
    retry.click();
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('waits 5 s for a rate limit without Retry-After: "wait a little" is never beside an active Try again', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    render(<ErrorAlert error={apiError('rate_limited')} messages={en} onRetry={() => undefined} />);
    const alert = screen.getByRole('alert');
    expect(actions(alert)).toEqual([en.alert.retryIn({ seconds: 5 })]);
    act(() => vi.advanceTimersByTime(5000));
    expect(actions(alert)).toEqual([en.buttons.retry]);
  });

  it('offers Try again at once when Retry-After said now', () => {
    render(<ErrorAlert error={apiError('rate_limited', { retryAfterMs: 0, retryAt: new Date(Date.now() - 1000) })} messages={en} onRetry={() => undefined} />);
    expect(actions(screen.getByRole('alert'))).toEqual([en.buttons.retry]);
  });

  it('offers Try again at once for other retryable errors', () => {
    render(<ErrorAlert error={apiError('server_error')} messages={en} onRetry={() => undefined} />);
    expect(actions(screen.getByRole('alert'))).toEqual([en.buttons.retry]);
  });
});
