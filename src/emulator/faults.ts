import { ruleMatches } from './matchPath';

/** A fault injected into matching requests. */
export interface FaultSpec {
  /** HTTP method to match; any when absent. */
  method?: string | undefined;
  /** Path pattern (`/auth/login`, `/wallets/:walletId`, `/auth/*`). */
  path: string;
  /** Delay before the request is answered (or dropped). */
  latencyMs?: number | undefined;
  /** Answer with this status instead of running the endpoint (a Dfns error body unless `body` is given). */
  status?: number | undefined;
  /** Raw response body, e.g. HTML or malformed JSON; status 500 unless `status` is given. */
  body?: string | undefined;
  /** Headers of that injected answer, e.g. `{ 'retry-after': '1' }` on a 429 (CORS headers still apply). */
  headers?: Record<string, string> | undefined;
  /** Throw `TypeError('Failed to fetch')` from `handle`, so `fetch` rejects as on a network failure. */
  drop?: true | undefined;
  /** How many requests the fault applies to before it removes itself; forever when absent. */
  times?: number | undefined;
}

/** Per-endpoint fault injection. */
export interface FaultController {
  /** Adds a fault, replacing any fault for the same method and path. */
  set(spec: FaultSpec): void;
  /** Removes every fault. */
  clear(): void;
  /** The active faults. */
  list(): FaultSpec[];
}

/** A fault controller plus the `take` the emulator calls per request. */
export function createFaults(): FaultController & { take(method: string, path: string): FaultSpec | undefined } {
  let faults: FaultSpec[] = [];
  return {
    set(spec) {
      const method = spec.method?.toUpperCase();
      faults = faults.filter((f) => !(f.path === spec.path && f.method?.toUpperCase() === method));
      faults.push({ ...spec, method });
    },
    clear() {
      faults = [];
    },
    list() {
      return faults.map((f) => ({ ...f }));
    },
    take(method, path) {
      const fault = faults.find((f) => ruleMatches(f, method, path));
      if (fault?.times !== undefined) {
        fault.times -= 1;
        if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
      }
      return fault;
    },
  };
}
