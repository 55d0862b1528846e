/** The recovery kit step loads its panel in a chunk of its own (issue 19): the card never goes blank, a failed load can be retried. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishMessages as en } from '../../src/messages/en';
import { sampleKit } from '../keys/sampleKit';

const kit = sampleKit;

/** A fresh RecoveryKitStep module (its chunk not loaded yet), the panel's chunk failing `failures` times first. */
async function freshStep(failures: number) {
  vi.resetModules();
  let left = failures;
  vi.doMock('../../src/components/parts/RecoveryKitPanel', async (importOriginal) => {
    if (left > 0) {
      left -= 1;
      throw new TypeError('Failed to fetch dynamically imported module');
    }
    return importOriginal();
  });
  return import('../../src/components/parts/RecoveryKitStep');
}

afterEach(() => {
  vi.doUnmock('../../src/components/parts/RecoveryKitPanel');
});

describe('the recovery kit step', () => {
  it('keeps the kit heading in the card while the panel loads, then shows the panel', async () => {
    const { RecoveryKitStep } = await freshStep(0);
    render(<RecoveryKitStep kit={kit} messages={en} onSaved={() => {}} />);
    // Before the chunk arrives: the step's heading, marked busy, never a blank card.
    expect(screen.getByRole('heading', { name: en.recoveryKit.title }).closest('[aria-busy="true"]')).not.toBeNull();
    // Nor a heading over nothing: the kit's place, with a spinner, until the panel fills it.
    expect(document.querySelector('.dfns-kit-placeholder')).not.toBeNull();
    expect(await screen.findByText(kit.recoveryCode)).toBeInTheDocument();
    expect(document.querySelector('.dfns-kit-placeholder')).toBeNull();
    expect(screen.getByRole('button', { name: en.buttons.print })).toBeInTheDocument();
  });

  it('renders the panel at once when it was preloaded (no placeholder in between)', async () => {
    const { RecoveryKitStep, preloadRecoveryKitStep } = await freshStep(0);
    preloadRecoveryKitStep();
    // As the flow's steps before the kit take: the chunk arrives meanwhile.
    await import('../../src/components/parts/RecoveryKitPanel');
    await new Promise((resolve) => setTimeout(resolve, 0));
    render(<RecoveryKitStep kit={kit} messages={en} onSaved={() => {}} />);
    expect(screen.getByText(kit.recoveryCode)).toBeInTheDocument();
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('shows a failed load as a retryable network error, and Try again loads the panel', async () => {
    const { RecoveryKitStep } = await freshStep(1);
    render(<RecoveryKitStep kit={kit} messages={en} onSaved={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'network_error');
    // The kit is a secret: the alert does not show it, and the heading stays.
    expect(screen.queryByText(kit.recoveryCode)).toBeNull();
    expect(screen.getByRole('heading', { name: en.recoveryKit.title })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: en.buttons.retry }));
    expect(await screen.findByText(kit.recoveryCode)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
