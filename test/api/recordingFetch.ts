import { createDfnsClient, type DfnsClient, type DfnsClientConfig } from '../../src/api';

/** One request the fake fetch saw, with header names lowercased as `Headers` gives them. */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** What the fake answers a request with: a response, an error to reject with, or a function of the call. */
export type Reply = Response | Error | ((call: RecordedCall) => Response | Promise<Response>);

/** A fetch that records every call and answers with the given replies, in order. */
export function recordingFetch(...replies: Reply[]): { fetch: typeof globalThis.fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      throw new Error('the client must send bodies as strings');
    }
    const call: RecordedCall = {
      url: String(input),
      method: init.method ?? 'GET',
      headers,
      body: init.body ?? undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`unexpected request ${call.method} ${call.url}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(call) : reply;
  };
  return { fetch, calls };
}

/** A JSON response. */
export function jsonReply(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A response with a raw text body. */
export function textReply(body: string, status = 200, contentType = 'text/plain'): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType } });
}

/** The base URL, org id and user token the tests' clients use. */
export const TEST_BASE_URL = 'https://api.test.dfns';
export const TEST_ORG_ID = 'or-30tnh-itmjs-9uoqk7d5e3fpt1pp';
export const USER_TOKEN = 'user-token.jwt';
export const TEMP_TOKEN = 'temporary-token.jwt';

/** A client wired to a recording fetch that gives the replies in order. */
export function clientWith(
  replies: Reply[],
  config: DfnsClientConfig = {},
): { client: DfnsClient; calls: RecordedCall[] } {
  const { fetch, calls } = recordingFetch(...replies);
  const client = createDfnsClient({ baseUrl: TEST_BASE_URL, orgId: TEST_ORG_ID, authToken: USER_TOKEN, fetch, ...config });
  return { client, calls };
}

/** Headers of a JSON request with no auth. */
export const JSON_ONLY = { 'content-type': 'application/json' };
/** Headers of a JSON request with the temporary token. */
export const JSON_TEMP = { 'content-type': 'application/json', authorization: `Bearer ${TEMP_TOKEN}` };
/** Headers of a JSON request with the user token. */
export const JSON_USER = { 'content-type': 'application/json', authorization: `Bearer ${USER_TOKEN}` };

/** The parts of a call the tests compare exactly: URL, method, every header, and the body string. */
export function sent(call: RecordedCall | undefined): Omit<RecordedCall, 'signal'> | undefined {
  if (!call) return undefined;
  return { url: call.url, method: call.method, headers: call.headers, body: call.body };
}
