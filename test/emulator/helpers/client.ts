import type { DfnsEmulator } from '../../../src/emulator/index';

/** An answer from the emulator: status and parsed JSON (or raw text when it is not JSON). */
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Request options: bearer token, user action token, origin header, raw body text. */
export interface CallOptions {
  token?: string;
  userAction?: string;
  origin?: string;
  raw?: string;
}

export const BASE = 'http://localhost:63315';
export const ORIGIN = 'http://localhost:6006';

/** Calls `emulator.handle` with a hand-built Request, the way a browser fetch would. */
export async function call<T = any>(
  emulator: DfnsEmulator,
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers = new Headers({ origin: options.origin ?? ORIGIN });
  if (body !== undefined || options.raw !== undefined) headers.set('content-type', 'application/json');
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  if (options.userAction) headers.set('x-dfns-useraction', options.userAction);
  const response = await emulator.handle(
    new Request(`${BASE}${path}`, {
      method,
      headers,
      body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    }),
  );
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Non-JSON bodies (injected faults) stay as text.
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** Throws with the error body when the status is not the expected one, so a failing step names itself. */
export function expectStatus<T>(answer: Answer<T>, status: number): T {
  if (answer.status !== status) {
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}
