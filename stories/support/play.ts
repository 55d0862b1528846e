/** Small helpers the play functions share: find a component's root and wait for its status. */
import { expect, waitFor } from 'storybook/test';

/**
 * How long a play function's `waitFor`/`findBy*` wait by default (set in `.storybook/preview.tsx`).
 * Testing Library's own 1 s ran out after a round trip to the emulator when the static Storybook
 * test and the browser projects shared the machine's two cores.
 */
export const PLAY_WAIT_MS = 5000;

/** The root element of kit component `name` (class `dfns-<name>`) inside `canvasElement`. */
export function componentRoot(canvasElement: HTMLElement, name: string): HTMLElement {
  const root = canvasElement.querySelector<HTMLElement>(`.dfns-${name}`);
  if (!root) throw new Error(`no .dfns-${name} element in the story`);
  return root;
}

/** Waits until the component's `data-status` is `status` (async steps settle on their own time). */
export async function expectStatus(canvasElement: HTMLElement, name: string, status: string, timeout = PLAY_WAIT_MS): Promise<void> {
  await waitFor(() => expect(componentRoot(canvasElement, name)).toHaveAttribute('data-status', status), { timeout });
}

/** Waits for the error alert and checks the kit error code it shows. */
export async function expectErrorCode(canvasElement: HTMLElement, name: string, code: string): Promise<void> {
  await expectStatus(canvasElement, name, 'error');
  // The alert's code is a chunk the card fetches when its flow starts: a failure as instant as a
  // fake authenticator's can come a moment before it, and the alert then shows once it is in.
  await waitFor(() => expect(componentRoot(canvasElement, name).querySelector('[role="alert"]')).toHaveAttribute('data-code', code), {
    timeout: PLAY_WAIT_MS,
  });
}
