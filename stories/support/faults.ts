/** Emulator faults the state stories use, named after what the user experiences. */
import type { FaultSpec } from '../../src/emulator';

/** The request is answered after two minutes: the component stays in its step meanwhile. */
export const stuck = (method: string, path: string): FaultSpec => ({ method, path, latencyMs: 120_000 });
/** The request never reaches Dfns (`fetch` rejects). */
export const networkDown = (method: string, path: string): FaultSpec => ({ method, path, drop: true });
/** Dfns answers 500. */
export const serverError = (method: string, path: string): FaultSpec => ({ method, path, status: 500 });
/** Dfns answers 429. */
export const rateLimited = (method: string, path: string): FaultSpec => ({ method, path, status: 429 });
/** Something in between answers HTML with status 200. */
export const malformed = (method: string, path: string): FaultSpec => ({ method, path, status: 200, body: '<html>Bad gateway</html>' });
