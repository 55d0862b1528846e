/** How a test sees a later step's chunk: how often it was asked for, and whether it arrives. */
export interface ChunkControl {
  loads: number;
  failing: boolean;
}

/**
 * The module `actual` as a later step's chunk (for `vi.mock`): each read of its export `name` is a
 * load of the chunk, and while `control.failing` it throws as a dropped connection does, so the
 * kit's `import()` rejects.
 * @example
 * vi.mock('../../src/components/parts/SsoOffer', async (importActual) =>
 *   (await import('./chunkOf')).chunkOf(await importActual(), 'SsoOffer', chunk));
 */
export function chunkOf<M extends object, K extends keyof M & string>(actual: M, name: K, control: ChunkControl): Pick<M, K> {
  return Object.defineProperty({}, name, {
    enumerable: true,
    get() {
      control.loads += 1;
      if (control.failing) throw new TypeError('Failed to fetch dynamically imported module');
      return actual[name];
    },
  }) as Pick<M, K>;
}
