/** The recovery kit's print frame never outlives its use (issue 15, item 3). */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRINT_FRAME_FALLBACK_MS, RecoveryKitPanel } from '../../src/components/parts/RecoveryKitPanel';
import { englishMessages as en } from '../../src/messages/en';
import { sampleKit } from '../keys/sampleKit';

const kit = sampleKit;

const frames = () => document.querySelectorAll('iframe');
const print = () => fireEvent.click(screen.getByRole('button', { name: en.buttons.print }));

beforeEach(() => {
  // jsdom has no print dialog; it reports window.print as not implemented.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the recovery kit print frame', () => {
  it('is removed when printing ends (afterprint)', () => {
    render(<RecoveryKitPanel kit={kit} messages={en} onSaved={() => {}} />);
    print();
    expect(frames()).toHaveLength(1);
    frames()[0]!.contentWindow!.dispatchEvent(new Event('afterprint'));
    expect(frames()).toHaveLength(0);
  });

  it('is never more than one, however often Print is pressed', () => {
    render(<RecoveryKitPanel kit={kit} messages={en} onSaved={() => {}} />);
    print();
    print();
    print();
    expect(frames()).toHaveLength(1);
  });

  it('is removed on unmount', () => {
    const view = render(<RecoveryKitPanel kit={kit} messages={en} onSaved={() => {}} />);
    print();
    expect(frames()).toHaveLength(1);
    view.unmount();
    expect(frames()).toHaveLength(0);
  });

  it('is removed after a fallback delay when the browser never fires afterprint', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<RecoveryKitPanel kit={kit} messages={en} onSaved={() => {}} />);
    print();
    act(() => vi.advanceTimersByTime(PRINT_FRAME_FALLBACK_MS - 1));
    expect(frames()).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1));
    expect(frames()).toHaveLength(0);
  });
});
